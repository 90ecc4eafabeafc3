using System.Net;
using VssBot.Bot.Tests.Agents;
using VssBot.Bot.Tests.Channels.DirectLine;
using static VssBot.Bot.Tests.Security.CookieSignIn;

namespace VssBot.Bot.Tests.Security;

/// <summary>Issue 10, rows 6 and 8: sign-in throttled per address and locked per account; logout ends copied cookies; Direct Line starts limited per address.</summary>
public sealed class RateLimitAndSessionTests
{
    [Fact]
    public async Task A_cookie_copied_before_logout_no_longer_works_after_it()
    {
        using var host = new AgentsHost();
        var client = Raw(host);
        var (_, location, cookies) = await SignInAsync(client, "an", AgentsHost.Password);
        Assert.Equal("/agents", location);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(client, cookies)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await LogoutAsync(client, cookies));

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
