using System.Net;
using VssBot.Bot.Tests.Agents;
using VssBot.Bot.Tests.Storage;
using static VssBot.Bot.Tests.Security.CookieSignIn;

namespace VssBot.Bot.Tests.Replicas;

/// <summary>
/// Agents' sessions on two replicas of one PostgreSQL (same data key, no sticky routing): a cookie issued by A works on B
/// until its agent signs out on A, then a copy of it works on neither; wrong passwords tried on A and on B add up to one lockout.
/// </summary>
[Collection(PostgresCollection.Name)]
public sealed class AgentSessionsAcrossReplicasTests(PostgresServer server) : IAsyncLifetime
{
    private VssBotFactory a = null!;
    private VssBotFactory b = null!;

    public async Task InitializeAsync()
    {
        var connectionString = await server.CreateDatabaseAsync();
        a = Replica(connectionString);
        b = Replica(connectionString);
    }

    public Task DisposeAsync()
    {
        a.Dispose();
        b.Dispose();
        return Task.CompletedTask;
    }

    private static VssBotFactory Replica(string connectionString)
    {
        var settings = AgentsHost.Accounts();
        settings["Storage:Provider"] = "Postgres";
        settings["Storage:Postgres:ConnectionString"] = connectionString;
        settings["DataProtection:Key"] = TestKeys.Base64;
        return new VssBotFactory(null, settings);
    }

    [Fact]
    public async Task A_cookie_copied_before_a_logout_on_replica_A_is_refused_on_replica_B()
    {
        var onA = Raw(a);
        var onB = Raw(b);
        var (_, _, cookies) = await SignInAsync(onA, "an", AgentsHost.Password);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(onB, cookies)).StatusCode);

        Assert.Equal(HttpStatusCode.Redirect, await LogoutAsync(onA, cookies));

        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(onB, cookies)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await MeAsync(onA, cookies)).StatusCode);
        var (_, _, fresh) = await SignInAsync(onB, "an", AgentsHost.Password);
        Assert.Equal(HttpStatusCode.OK, (await MeAsync(onA, fresh)).StatusCode);
    }

    [Fact]
    public async Task Wrong_passwords_spread_over_replicas_A_and_B_lock_the_account_on_both()
    {
        var replicas = new[] { Raw(a), Raw(b) };
        for (var i = 0; i < 5; i++)
            Assert.Contains("error=1", (await SignInAsync(replicas[i % 2], "binh", "sai-mật-khẩu-" + i)).Location);

        Assert.Contains("error=1", (await SignInAsync(replicas[0], "binh", AgentsHost.Password)).Location);
        Assert.Contains("error=1", (await SignInAsync(replicas[1], "binh", AgentsHost.Password)).Location);
        Assert.Equal("/agents", (await SignInAsync(replicas[1], "an", AgentsHost.Password)).Location); // other accounts unaffected
    }
}
