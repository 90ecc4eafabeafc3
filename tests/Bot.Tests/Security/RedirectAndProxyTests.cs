using System.Net;
using System.Text.RegularExpressions;
using Newtonsoft.Json.Linq;
using VssBot.Bot.Agents.Auth;
using VssBot.Bot.Tests.Agents;
using VssBot.Bot.Tests.Channels.BotFramework;

namespace VssBot.Bot.Tests.Security;

/// <summary>Issue 10, rows 7 and 12: sign-in redirects stay local by ASP.NET's rule; forwarded headers from a trusted proxy.</summary>
public sealed class RedirectAndProxyTests(AgentsHost host) : IClassFixture<AgentsHost>
{
    [Theory]
    [InlineData("/\t/evil.example/")]
    [InlineData("//evil.example/")]
    [InlineData("/\\evil.example/")]
    [InlineData("/\\\\evil.example/")]
    [InlineData("https://evil.example/")]
    [InlineData("\\\\evil.example")]
    [InlineData("/\r\n/evil.example/")]
    [InlineData(" //evil.example/")]
    [InlineData("http:/evil.example")]
    public async Task After_sign_in_a_non_local_return_url_goes_to_the_console_instead(string returnUrl)
    {
        var client = host.Anonymous();
        var page = await client.GetStringAsync(AgentSignInApi.LoginPath + "?returnUrl=" + Uri.EscapeDataString(returnUrl));
        Assert.DoesNotContain("evil.example", page);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;

        var response = await client.PostAsync(AgentSignInApi.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["userName"] = "an", ["password"] = AgentsHost.Password, ["returnUrl"] = returnUrl,
        }));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("/agents", response.Headers.Location!.OriginalString);
    }

    [Fact]
    public void A_local_return_url_is_kept() => Assert.Equal("/school?tab=roster", AgentSignInApi.LocalOr("/school?tab=roster", "/agents"));

    [Fact]
    public async Task Behind_a_tls_proxy_on_loopback_the_stream_url_is_wss_and_the_sign_in_cookie_is_secure()
    {
        var client = host.Anonymous();
        client.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");

        var started = JObject.Parse(await (await client.PostAsync("/v3/directline/conversations", null)).Content.ReadAsStringAsync());
        Assert.StartsWith("wss://", (string)started["streamUrl"]!);

        var page = await client.GetStringAsync(AgentSignInApi.LoginPath);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signedIn = await client.PostAsync(AgentSignInApi.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["userName"] = "an", ["password"] = AgentsHost.Password,
        }));
        var cookie = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.StartsWith("vssbot.agents=", StringComparison.Ordinal));
        Assert.Contains("secure", cookie, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Forwarded_headers_from_an_untrusted_address_are_ignored_and_a_proxied_client_is_not_loopback()
    {
        var outsider = host.Anonymous();
        outsider.DefaultRequestHeaders.Add(VssBotFactory.RemoteAddressHeader, "203.0.113.9");
        outsider.DefaultRequestHeaders.Add("X-Forwarded-Proto", "https");
        var started = JObject.Parse(await (await outsider.PostAsync("/v3/directline/conversations", null)).Content.ReadAsStringAsync());
        Assert.StartsWith("ws://", (string)started["streamUrl"]!);

        // A local reverse proxy forwarding a client from elsewhere: /api/messages sees that client, not loopback.
        var proxied = host.Anonymous();
        proxied.DefaultRequestHeaders.Add("X-Forwarded-For", "198.51.100.7");
        Assert.Equal(HttpStatusCode.Unauthorized, (await proxied.PostActivityAsync(BotFrameworkClient.Message("c-proxied", "xin chào"))).StatusCode);
    }
}
