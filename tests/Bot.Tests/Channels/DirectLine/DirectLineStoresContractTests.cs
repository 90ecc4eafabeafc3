using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Schema;
using Microsoft.Data.Sqlite;
using Npgsql;
using VssBot.Bot.Channels.DirectLine.Stores;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using VssBot.Bot.Tests.Storage;

namespace VssBot.Bot.Tests.Channels.DirectLine;

/// <summary>
/// What every Direct Line store does, run on SQLite (the data folder of one instance) and PostgreSQL (shared by replicas).
/// Each <c>New…</c> call is another instance on the same data: a restarted process, or another replica.
/// </summary>
public abstract class DirectLineStoresContractTests
{
    protected static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    protected readonly ManualClock Clock = new(Start);

    protected abstract IConversationStore NewConversations(IPersonalDataProtector? protector = null);

    protected abstract IUploadStore NewUploads();

    /// <summary>Every stored user id and activity column as the database holds it.</summary>
    protected abstract Task<string> RawRowsAsync();

    /// <summary>Runs SQL that both engines understand, as someone with write access to the database would.</summary>
    protected abstract Task ExecuteAsync(string sql);

    private static Activity Message(string conversationId, string text, string role = RoleTypes.User) => new()
    {
        Type = ActivityTypes.Message,
        Conversation = new ConversationAccount(id: conversationId),
        From = new ChannelAccount(role == RoleTypes.User ? "dl_student" : "vssbot", role: role),
        Text = text,
    };

    [Fact]
    public async Task A_conversation_is_created_once_and_its_activities_are_numbered_in_order_and_read_after_a_watermark_by_another_instance()
    {
        var store = NewConversations();
        await store.PrepareAsync(default);
        Assert.True(await store.CreateAsync("c1", "dl_student", default));
        Assert.False(await NewConversations().CreateAsync("c1", "dl_other", default));
        Assert.False(await store.ExistsAsync("c2", default));

        var first = Message("c1", "Đã cài rồi");
        Assert.Equal(1, await store.AppendAsync(first, default));
        Assert.Equal("c1|0000001", first.Id);
        Assert.Equal(2, await NewConversations().AppendAsync(Message("c1", "Bạn tên gì?", RoleTypes.Bot), default));
        Assert.Equal(3, await store.AppendAsync(Message("c1", "Phạm Thu Hà"), default));

        var other = NewConversations();
        Assert.True(await other.ExistsAsync("c1", default));
        var all = await other.ReadAfterAsync("c1", null, default);
        Assert.Equal(["Đã cài rồi", "Bạn tên gì?", "Phạm Thu Hà"], all.Activities.Select(a => a.Text));
        Assert.Equal(3, all.Watermark);
        Assert.Equal("c1|0000002", all.Activities[1].Id);
        Assert.Equal(RoleTypes.Bot, all.Activities[1].From.Role);
        var after = await other.ReadAfterAsync("c1", 2, default);
        Assert.Equal(["Phạm Thu Hà"], after.Activities.Select(a => a.Text));
        var none = await other.ReadAfterAsync("c1", 3, default);
        Assert.Empty(none.Activities);
        Assert.Equal(3, none.Watermark);
    }

    [Fact]
    public async Task Appends_to_one_conversation_from_two_instances_at_once_get_distinct_consecutive_watermarks()
    {
        var a = NewConversations();
        var b = NewConversations();
        await a.CreateAsync("busy", "dl_student", default);

        var appends = Enumerable.Range(0, 40).Select(i => (i % 2 == 0 ? a : b).AppendAsync(Message("busy", $"m{i}"), default));
        var sequences = await Task.WhenAll(appends);

        Assert.Equal(Enumerable.Range(1, 40).Select(i => (long)i), sequences.Order());
        var read = await NewConversations().ReadAfterAsync("busy", null, default);
        Assert.Equal(40, read.Activities.Count);
        Assert.Equal(Enumerable.Range(1, 40).Select(i => $"busy|{i:D7}"), read.Activities.Select(x => x.Id));
    }

    [Fact]
    public async Task User_ids_and_activities_are_encrypted_at_rest_each_bound_to_its_row_and_unreadable_with_another_key()
    {
        var store = NewConversations();
        await store.CreateAsync("secret", "dl_ha_pham", default);
        await store.AppendAsync(Message("secret", "Số điện thoại 0912345678"), default);
        await store.AppendAsync(Message("secret", "ha.pham@gmail.com"), default);

        var raw = await RawRowsAsync();
        foreach (var value in new[] { "dl_ha_pham", "0912345678", "ha.pham@gmail.com" })
            Assert.DoesNotContain(value, raw);

        await Assert.ThrowsAnyAsync<CryptographicException>(() =>
            NewConversations(new PersonalDataProtector(TestKeys.OtherKey)).ReadAfterAsync("secret", null, default));
        Assert.Equal(2, (await NewConversations().ReadAfterAsync("secret", null, default)).Activities.Count);
        // A row copied onto another (same conversation, another sequence) does not decrypt there.
        await ExecuteAsync("UPDATE dl_activities SET json = (SELECT json FROM dl_activities WHERE conversation_id = 'secret' AND seq = 1) WHERE conversation_id = 'secret' AND seq = 2");
        await Assert.ThrowsAnyAsync<CryptographicException>(() => NewConversations().ReadAfterAsync("secret", 1, default));
    }

    [Fact]
    public async Task Uploads_are_read_back_by_another_instance_and_a_missing_one_is_null()
    {
        var bytes = RandomNumberGenerator.GetBytes(70_000);
        await NewConversations().CreateAsync("photos", "dl_student", default);
        await NewUploads().SaveAsync("photos", "0123456789abcdef0123456789abcdef.jpg", bytes, default);

        Assert.Equal(bytes, await NewUploads().ReadAsync("photos", "0123456789abcdef0123456789abcdef.jpg", default));
        Assert.Null(await NewUploads().ReadAsync("photos", "fedcba9876543210fedcba9876543210.jpg", default));
        Assert.Null(await NewUploads().ReadAsync("elsewhere", "0123456789abcdef0123456789abcdef.jpg", default));
    }

    [Fact]
    public async Task Retention_deletes_idle_conversations_with_their_activities_and_uploads_and_keeps_the_active_ones()
    {
        var store = NewConversations();
        var uploads = NewUploads();
        await store.CreateAsync("idle", "dl_a", default);
        await store.AppendAsync(Message("idle", "old"), default);
        await uploads.SaveAsync("idle", "0123456789abcdef0123456789abcdef.png", [1, 2, 3], default);
        await store.CreateAsync("talking", "dl_b", default);
        await uploads.SaveAsync("talking", "0123456789abcdef0123456789abcdef.png", [4, 5, 6], default);
        await uploads.SaveAsync("never-started", "0123456789abcdef0123456789abcdef.png", [7], default); // no conversation owns it
        Clock.Advance(TimeSpan.FromDays(60));
        await store.AppendAsync(Message("talking", "still here"), default); // an activity keeps a conversation alive
        Clock.Advance(TimeSpan.FromDays(31));

        var deleted = await new VssBot.Bot.Channels.DirectLine.DirectLineRetention(NewConversations(), NewUploads())
            .DeleteOlderThanAsync(Clock.GetUtcNow().AddDays(-90), default);

        Assert.Equal(3, deleted); // one conversation, two images
        var after = NewConversations();
        Assert.False(await after.ExistsAsync("idle", default));
        Assert.Empty((await after.ReadAfterAsync("idle", null, default)).Activities);
        Assert.Null(await NewUploads().ReadAsync("idle", "0123456789abcdef0123456789abcdef.png", default));
        Assert.Null(await NewUploads().ReadAsync("never-started", "0123456789abcdef0123456789abcdef.png", default));
        Assert.True(await after.ExistsAsync("talking", default));
        Assert.Equal(["still here"], (await after.ReadAfterAsync("talking", null, default)).Activities.Select(a => a.Text));
        Assert.Equal([4, 5, 6], await NewUploads().ReadAsync("talking", "0123456789abcdef0123456789abcdef.png", default));
    }
}

public sealed class SqliteDirectLineStoresTests : DirectLineStoresContractTests
{
    private readonly string folder = DirectLineClient.NewDataFolder();

    private string DatabasePath => Path.Combine(folder, "conversations.db");

    protected override IConversationStore NewConversations(IPersonalDataProtector? protector = null) =>
        new SqliteConversationStore(DatabasePath, protector ?? TestKeys.Protector(), Clock);

    protected override IUploadStore NewUploads() => new FileUploadStore(Path.Combine(folder, "uploads"), TestKeys.Protector());

    protected override async Task<string> RawRowsAsync()
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT user_id FROM dl_conversations UNION ALL SELECT json FROM dl_activities";
        return await ReadAllAsync(await command.ExecuteReaderAsync());
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={DatabasePath};Pooling=False");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    internal static async Task<string> ReadAllAsync(System.Data.Common.DbDataReader reader)
    {
        var text = new StringBuilder();
        await using (reader)
            while (await reader.ReadAsync())
                text.Append(reader.GetString(0)).Append('\n');
        return text.ToString();
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresDirectLineStoresTests(PostgresServer server) : DirectLineStoresContractTests, IAsyncLifetime
{
    private readonly PostgresChannelsDatabases databases = new(server);
    private string connectionString = "";

    public async Task InitializeAsync()
    {
        await databases.InitializeAsync();
        connectionString = databases.Open().ConnectionString;
    }

    public Task DisposeAsync() => databases.DisposeAsync();

    protected override IConversationStore NewConversations(IPersonalDataProtector? protector = null) =>
        new PostgresConversationStore(databases.Open(), protector ?? TestKeys.Protector(), Clock);

    protected override IUploadStore NewUploads() => new PostgresUploadStore(databases.Open(), Clock);

    protected override async Task<string> RawRowsAsync()
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT user_id FROM dl_conversations UNION ALL SELECT json FROM dl_activities", connection);
        return await SqliteDirectLineStoresTests.ReadAllAsync(await command.ExecuteReaderAsync());
    }

    protected override async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
