using Microsoft.Data.Sqlite;
using VssBot.Bot.Declarations;
using VssBot.Bot.Declarations.Outbox;
using VssBot.Bot.Declarations.Registry;
using VssBot.Bot.Tests.Declarations;

namespace VssBot.Bot.Tests.Storage.Contracts;

public sealed class SqliteDeclarationStoreTests : DeclarationStoreContractTests
{
    private readonly string path = VssBotFactory.NewDatabasePath();

    protected override IDeclarationOutbox NewOutbox() => new SqliteDeclarationOutbox(new DeclarationDatabase(path), Cipher);

    protected override IDeclarationRegistry NewRegistry() => new SqliteDeclarationRegistry(new DeclarationDatabase(path), Cipher, Time);

    protected override Task<IReadOnlyList<string>> RawContentAsync(string table) => SqliteRaw.ColumnAsync(path, $"SELECT content_json FROM {table}");

    public override Task InitializeAsync() => Task.CompletedTask;

    public override Task DisposeAsync()
    {
        SqliteRaw.Delete(path);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task A_declaration_whose_first_receipt_number_is_taken_gets_the_next_one_in_its_row_and_its_content()
    {
        // The content is mapped and encrypted for the first receipt number before the write starts (issue 12): when
        // that number turns out to be taken, the row must not keep it.
        var second = SampleDeclarations.Confirmed("k-2", "student-2");
        var candidates = ReceiptNumber.Candidates("k-2", second.ConfirmedAt).ToList();
        var outbox = NewOutbox();
        var first = SampleDeclarations.Confirmed("k-1");
        await outbox.AddAsync("k-1", first.StudentKey.ToString(), first.Conversation, first.ConfirmedAt,
            receipt => DeclarationContentMapper.Map(first, receipt), Time.GetUtcNow(), default);
        await SqliteRaw.ExecuteAsync(path, $"UPDATE declaration_outbox SET receipt_number = '{candidates[0]}' WHERE idempotency_key = 'k-1'");

        var (receiptNumber, created) = await outbox.AddAsync("k-2", second.StudentKey.ToString(), second.Conversation, second.ConfirmedAt,
            receipt => DeclarationContentMapper.Map(second, receipt), Time.GetUtcNow(), default);

        Assert.True(created);
        Assert.Equal(candidates[1], receiptNumber);
        var item = Assert.IsType<OutboxItem>(await outbox.GetAsync("k-2", default));
        Assert.Equal(candidates[1], item.ReceiptNumber);
        Assert.Equal(candidates[1], item.Content.ReceiptNumber);
    }
}

/// <summary>Reads a SQLite file behind the stores' back, and deletes it with its WAL files.</summary>
internal static class SqliteRaw
{
    public static async Task<IReadOnlyList<string>> ColumnAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }

    public static async Task ExecuteAsync(string path, string sql)
    {
        await using var connection = new SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    public static void Delete(string path)
    {
        SqlitePools.Release(path);
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }
}
