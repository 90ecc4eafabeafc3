using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using VssBot.Bot.Agents.Auth;

namespace VssBot.Bot.Tests.Security;

/// <summary>An agent's browser with its cookies handled by hand, so a test can copy them to another request or replica.</summary>
public static class CookieSignIn
{
    /// <summary>Signs in with cookies handled by hand, so a test can copy them; returns the Cookie header value.</summary>
    public static async Task<(HttpStatusCode Status, string? Location, string Cookies)> SignInAsync(HttpClient client, string user, string password)
    {
        var page = await client.GetAsync(AgentSignInApi.LoginPath);
        var antiforgery = string.Join("; ", page.Headers.GetValues("Set-Cookie").Select(c => c.Split(';')[0]));
        var token = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var request = new HttpRequestMessage(HttpMethod.Post, AgentSignInApi.LoginPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["userName"] = user, ["password"] = password,
            }),
        };
        request.Headers.Add("Cookie", antiforgery);
        var response = await client.SendAsync(request);
        var auth = response.Headers.TryGetValues("Set-Cookie", out var set) ? set.Select(c => c.Split(';')[0]).Where(c => c.StartsWith("vssbot.agents=")) : [];
        return (response.StatusCode, response.Headers.Location?.OriginalString, string.Join("; ", auth.Prepend(antiforgery)));
    }

    public static HttpClient Raw(VssBotFactory host) => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    public static Task<HttpResponseMessage> MeAsync(HttpClient client, string cookies)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/agents/me");
        request.Headers.Add("Cookie", cookies);
        return client.SendAsync(request);
    }

    /// <summary>Signs out with <paramref name="cookies"/> (and the antiforgery token /api/agents/me gives); returns the status.</summary>
    public static async Task<HttpStatusCode> LogoutAsync(HttpClient client, string cookies)
    {
        var me = await MeAsync(client, cookies);
        me.EnsureSuccessStatusCode();
        var csrf = (await me.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["csrfToken"].ToString()!;
        var meCookies = string.Join("; ", me.Headers.TryGetValues("Set-Cookie", out var more) ? more.Select(c => c.Split(';')[0]).Prepend(cookies) : [cookies]);
        var logout = new HttpRequestMessage(HttpMethod.Post, "/agents/logout");
        logout.Headers.Add("Cookie", meCookies);
        logout.Headers.Add(AgentSignInApi.CsrfHeader, csrf);
        return (await client.SendAsync(logout)).StatusCode;
    }
}
