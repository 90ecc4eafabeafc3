using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Tests.Channels.BotFramework;
using static VssBot.Bot.Tests.Channels.BotFramework.DeclarationOverHttpTests;

namespace VssBot.Bot.Tests.Storage;

/// <summary>Two bot hosts (two "instances") on one PostgreSQL database, through POST /api/messages.</summary>
[Collection(PostgresCollection.Name)]
public sealed class PostgresHostTests(PostgresServer server) : IAsyncLifetime
{
    private string connectionString = "";

    public async Task InitializeAsync() => connectionString = await server.CreateDatabaseAsync();

    public Task DisposeAsync() => Task.CompletedTask;

    private VssBotFactory Host(Action<IServiceCollection>? testServices = null, string? key = null, bool requireExistingData = false,
        string? database = null) => new(null, new Dictionary<string, string?>
    {
        ["Storage:Provider"] = "Postgres",
        ["Storage:Postgres:ConnectionString"] = database ?? connectionString,
        ["DataProtection:Key"] = key ?? TestKeys.Base64,
        ["Storage:RequireExistingData"] = requireExistingData ? "true" : "false",
    }, testServices);

    [Fact]
    public async Task Once_data_is_required_an_emptied_or_another_database_stops_the_start_instead_of_starting_empty()
    {
        using (var first = Host(s => s.AddSingleton<IBot, CountingBot>()))
            Assert.Equal(["1"], await first.CreateClient().ReplyTextsAsync("c-kept", "một"));
        using (var restarted = Host(s => s.AddSingleton<IBot, CountingBot>(), requireExistingData: true))
            Assert.Equal(["2"], await restarted.CreateClient().ReplyTextsAsync("c-kept", "hai"));

        await using (var connection = new Npgsql.NpgsqlConnection(connectionString))
        {
            await connection.OpenAsync();
            await using var truncate = new Npgsql.NpgsqlCommand("TRUNCATE bot_state", connection);
            await truncate.ExecuteNonQueryAsync();
        }
        using var emptied = Host(requireExistingData: true);
        Assert.Contains("Storage:RequireExistingData", Assert.ThrowsAny<Exception>(() => emptied.CreateClient()).ToString());

        using var another = Host(requireExistingData: true, database: await server.CreateDatabaseAsync());
        Assert.Contains("Storage:RequireExistingData", Assert.ThrowsAny<Exception>(() => another.CreateClient()).ToString());
    }

    [Fact]
    public async Task A_conversation_started_on_one_instance_continues_on_the_other_and_nothing_personal_is_stored_in_clear()
    {
        const string conversation = "pg-declaration";
        using var first = Host();
        using var second = Host();
        var a = first.CreateClient();
        var b = second.CreateClient();

        await Expect(a, conversation, "xin chao", "Bạn đã cài ứng dụng VssID trên điện thoại chưa?");
        await Expect(b, conversation, "chua", "Android hay iPhone");
        await Expect(a, conversation, "iphone", "https://apps.apple.com/vn/app/vssid/id1521647264");
        await Expect(b, conversation, "xong roi", "Bạn đồng ý chứ?");
        await Expect(a, conversation, "dong y", "Câu 1");
        await Expect(b, conversation, "Phạm Thu Hà", "Câu 2");
        await Expect(a, conversation, "0113099841", "Câu 3");
        await Expect(b, conversation, "cccd 036 303 012 345", "Câu 4");
        await Expect(a, conversation, "nam dinh", "Nam Định đã hợp nhất vào Tỉnh Ninh Bình");
        await Expect(b, conversation, "hoa lu", "Số nhà");
        await Expect(a, conversation, "so 1 duong tran hung dao", "Câu 5");
        await Expect(b, conversation, "bo qua", "Câu 6");
        await Expect(a, conversation, "dung", "Câu 7");
        await Expect(b, conversation, "ha.pham@gmail.com", "Câu 8");
        await Expect(a, conversation, "0987 654 321", "Câu 9");

        var raw = await PostgresServer.RawStateAsync(connectionString);
        Assert.NotEmpty(raw);
        Assert.All(raw, row => Assert.StartsWith("enc:v1:", row));
        foreach (var secret in PersonalValuesTyped)
            Assert.DoesNotContain(secret, string.Concat(raw));
    }

    [Fact]
    public async Task A_host_with_another_key_fails_loudly_on_the_stored_state()
    {
        using (var first = Host())
            await Expect(first.CreateClient(), "pg-key", "xin chao", "Bạn đã cài ứng dụng VssID");

        using var wrongKey = Host(key: Convert.ToBase64String(TestKeys.OtherKey));
        var storage = wrongKey.Services.GetRequiredService<IStorage>();
        var error = await Assert.ThrowsAnyAsync<System.Security.Cryptography.CryptographicException>(() =>
            storage.ReadAsync(["emulator/conversations/pg-key"]));
        Assert.Contains("not configured", error.Message);
        // Issue 10, row 10 on PostgreSQL: readiness and /health report the key, liveness stays up; nothing was deleted.
        var client = wrongKey.CreateClient();
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
        Assert.NotEmpty(await PostgresServer.RawStateAsync(connectionString));
    }

    [Fact]
    public async Task Concurrent_messages_to_one_conversation_on_two_instances_are_all_answered_and_counted()
    {
        using var first = Host(s => s.AddSingleton<IBot, CountingBot>());
        using var second = Host(s => s.AddSingleton<IBot, CountingBot>());
        HttpClient[] clients = [first.CreateClient(), second.CreateClient()];
        Assert.Equal(["1"], await clients[0].ReplyTextsAsync("c-two", "một"));

        var replies = await Task.WhenAll(Enumerable.Range(0, 12).Select(i => Task.Run(() => clients[i % 2].ReplyTextsAsync("c-two", "nữa"))));

        Assert.Equal(Enumerable.Range(2, 12), replies.Select(r => int.Parse(Assert.Single(r))).Order());
        Assert.Equal(["14"], await clients[1].ReplyTextsAsync("c-two", "hết"));
    }

    [Theory]
    [InlineData(null, "Storage:Postgres:ConnectionString")]
    [InlineData("Host=127.0.0.1;Database=x;Username=postgres", "DataProtection:Key is required")]
    public void A_misconfigured_PostgreSQL_store_stops_the_host_at_start_up(string? connection, string expected)
    {
        using var host = new VssBotFactory(null, new Dictionary<string, string?>
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = connection,
        });
        var error = Assert.ThrowsAny<Exception>(() => host.CreateClient());
        Assert.Contains(expected, error.ToString());
    }
}
