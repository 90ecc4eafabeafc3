using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Npgsql;
using VssBot.Bot.Agents.Auth;
using VssBot.Bot.Privacy;
using VssBot.Bot.Tests.Storage;

namespace VssBot.Bot.Tests.Replicas;

/// <summary>Keys replicas share: an agent signed in on one replica is signed in on the others (the Data Protection key ring is in PostgreSQL).</summary>
[Collection(PostgresCollection.Name)]
public sealed class SharedKeysTests(PostgresServer server) : IAsyncLifetime
{
    private const string Password = "mật-khẩu-thử-nghiệm-1";
    // Replicas share one configuration: the same salted hash (a cookie carries a stamp derived from it).
    private static readonly string PasswordHash = AgentAccounts.Hash(Password);
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await server.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private VssBotFactory Replica() => new(null, new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:Postgres:ConnectionString"] = connectionString,
        ["DataProtection:Key"] = TestKeys.Base64,
        ["Agents:Users:0:UserName"] = "an",
        ["Agents:Users:0:PasswordHash"] = PasswordHash,
        ["Agents:Users:0:Role"] = "agent",
    });

    [Fact]
    public async Task A_sign_in_cookie_issued_by_one_replica_is_accepted_by_another_and_the_keys_are_stored_encrypted()
    {
        using var first = Replica();
        using var second = Replica();
        var a = first.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });
        var b = second.CreateClient(new WebApplicationFactoryClientOptions { HandleCookies = false, AllowAutoRedirect = false });

        var page = await a.GetAsync(AgentSignInApi.LoginPath);
        var antiforgery = Cookies(page);
        var token = Regex.Match(await page.Content.ReadAsStringAsync(), "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var signIn = new HttpRequestMessage(HttpMethod.Post, AgentSignInApi.LoginPath)
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["userName"] = "an", ["password"] = Password, ["returnUrl"] = "/agents",
            }),
        };
        signIn.Headers.Add("Cookie", antiforgery);
        var signedIn = await a.SendAsync(signIn);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        Assert.Equal("/agents", signedIn.Headers.Location?.ToString()); // signed in, not sent back to the form
        var session = Cookies(signedIn);

        var me = new HttpRequestMessage(HttpMethod.Get, "/api/agents/me");
        me.Headers.Add("Cookie", session);
        var onSecond = await b.SendAsync(me);
        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
        Assert.Contains("\"an\"", await onSecond.Content.ReadAsStringAsync());

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys", connection);
        var stored = (string)(await command.ExecuteScalarAsync())!;
        Assert.StartsWith(PersonalDataProtector.Prefix, stored);
        Assert.DoesNotContain("masterKey", stored);
    }

    private static string Cookies(HttpResponseMessage response) =>
        string.Join("; ", response.Headers.TryGetValues("Set-Cookie", out var values) ? values.Select(v => v.Split(';')[0]) : []);
}
