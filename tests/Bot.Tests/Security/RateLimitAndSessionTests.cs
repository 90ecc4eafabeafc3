using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using VssBot.Bot.Agents.Auth;
using VssBot.Bot.Tests.Agents;
using VssBot.Bot.Tests.Channels.DirectLine;

namespace VssBot.Bot.Tests.Security;

/// <summary>Issue 10, rows 6 and 8: sign-in throttled per address and locked per account; logout ends copied cookies; Direct Line starts limited per address.</summary>
public sealed class RateLimitAndSessionTests
{
    /// <summary>Signs in with cookies handled by hand, so a test can copy them; returns the Cookie header value.</summary>
    private static async Task<(HttpStatusCode Status, string? Location, string Cookies)> SignInAsync(HttpClient client, string user, string password)
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

    private static HttpClient Raw(VssBotFactory host) => host.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });

    private static Task<HttpResponseMessage> MeAsync(HttpClient client, string cookies)
    {
        var request = new HttpRequestMessage(HttpMethod.Get, "/api/agents/me");
        request.Headers.Add("Cookie", cookies);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task A_cookie_copied_before_logout_no_longer_works_after_it()
    {
        using var host = new AgentsHost();
        var client = Raw(host);
        var (_, location, cookies) = await SignInAsync(client, "an", AgentsHost.Password);
        Assert.Equal("/agents", location);
        var me = await MeAsync(client, cookies);
        Assert.Equal(HttpStatusCode.OK, me.StatusCode);
        var csrf = (await me.Content.ReadFromJsonAsync<Dictionary<string, object>>())!["csrfToken"].ToString()!;
        var meCookies = string.Join("; ", me.Headers.TryGetValues("Set-Cookie", out var more) ? more.Select(c => c.Split(';')[0]).Prepend(cookies) : [cookies]);

        var logout = new HttpRequestMessage(HttpMethod.Post, "/agents/logout");
        logout.Headers.Add("Cookie", meCookies);
        logout.Headers.Add(AgentSignInApi.CsrfHeader, csrf);
        Assert.Equal(HttpStatusCode.Redirect, (await client.SendAsync(logout)).StatusCode);

        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(client, cookies)).StatusCode);
        // Signing in again works.
        var (_, _, fresh) = await SignInAsync(client, "an", AgentsHost.Password);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(client, fresh)).StatusCode);
    }

    [Fact]
    public async Task Five_wrong_passwords_lock_the_account_even_for_the_right_one()
    {
        using var host = new AgentsHost();
        var client = Raw(host);
        for (var i = 0; i < 5; i++)
            Assert.Contains("error=1", (await SignInAsync(client, "binh", "sai-mật-khẩu-" + i)).Location);

        Assert.Contains("error=1", (await SignInAsync(client, "binh", AgentsHost.Password)).Location);
        Assert.Equal("/agents", (await SignInAsync(client, "an", AgentsHost.Password)).Location); // other accounts unaffected
    }

    [Fact]
    public async Task Sign_in_attempts_are_limited_per_address()
    {
        using var host = new VssBotFactory(null, new Dictionary<string, string?> { ["RateLimits:SignInPerMinute"] = "3" });
        var client = Raw(host);
        for (var i = 0; i < 3; i++)
            Assert.Equal(HttpStatusCode.Redirect, (await SignInAsync(client, "x", "y")).Status);

        var (status, _, _) = await SignInAsync(client, "x", "y");
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
    }

    [Fact]
    public async Task Direct_line_conversation_starts_are_limited_per_address()
    {
        using var host = DirectLineClient.NewFactory(settings: new Dictionary<string, string?> { ["RateLimits:DirectLineStartsPerMinute"] = "3" });
        var client = host.CreateClient();
        for (var i = 0; i < 3; i++)
            await client.StartAsync();

        Assert.Equal(HttpStatusCode.TooManyRequests, (await client.PostAsync("/v3/directline/conversations", null)).StatusCode);
        var elsewhere = host.CreateClient();
        elsewhere.DefaultRequestHeaders.Add(VssBotFactory.RemoteAddressHeader, "198.51.100.20");
        Assert.Equal(HttpStatusCode.Created, (await elsewhere.PostAsync("/v3/directline/conversations", null)).StatusCode);
    }
}
