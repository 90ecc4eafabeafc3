using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;
using VssBot.Bot.Declarations;
using VssBot.Bot.Declarations.Outbox;
using VssBot.Bot.Storage.Migrations;
using VssBot.Bot.Tests.Declarations;
using VssBot.Bot.Tests.Storage.Contracts;

namespace VssBot.Bot.Tests.Storage;

/// <summary>SQLite files made before DbUp (tables created by hand-written CREATE … IF NOT EXISTS) keep working.</summary>
public sealed class SqliteMigrationTests : IDisposable
{
    private readonly string path = VssBotFactory.NewDatabasePath();

    public void Dispose() => SqliteRaw.Delete(path);

    /// <summary>The outbox table exactly as the code before migrations created it.</summary>
    private const string OutboxBeforeMigrations = """
        CREATE TABLE declaration_outbox (
            idempotency_key TEXT PRIMARY KEY NOT NULL, receipt_number TEXT NOT NULL UNIQUE, student_key TEXT NOT NULL,
            conversation_json TEXT NOT NULL, content_json TEXT NOT NULL, status TEXT NOT NULL, attempts INTEGER NOT NULL DEFAULT 0,
            next_attempt_at TEXT NOT NULL, last_error TEXT NULL, recorded_at TEXT NOT NULL, sent_at TEXT NULL, registry_id TEXT NULL,
            journey TEXT NULL, notification TEXT NULL, follow_up_done INTEGER NOT NULL DEFAULT 0);
        CREATE INDEX declaration_outbox_due ON declaration_outbox (status, next_attempt_at);
        CREATE TABLE bot_state (key TEXT PRIMARY KEY NOT NULL, json TEXT NOT NULL, etag TEXT NULL, updated_at TEXT NOT NULL);
        CREATE TABLE roster (student_id TEXT PRIMARY KEY NOT NULL, full_name TEXT NOT NULL, class_name TEXT NOT NULL, faculty TEXT NOT NULL, teacher TEXT NOT NULL);
        """;

    [Fact]
    public async Task A_file_from_before_migrations_keeps_its_rows_and_gets_the_new_columns_and_tables()
    {
        var cipher = new DeclarationContentCipher(TestKeys.Protector());
        var declaration = SampleDeclarations.Confirmed("k-old");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await using (var connection = new SqliteConnection($"Data Source={path}"))
        {
            await connection.OpenAsync();
            await using var command = connection.CreateCommand();
            command.CommandText = OutboxBeforeMigrations + """
                INSERT INTO declaration_outbox (idempotency_key, receipt_number, student_key, conversation_json, content_json, status, next_attempt_at, recorded_at)
                VALUES ('k-old', 'VSS-OLD', 'emulator/student-1', '{"channelId":"emulator"}', $content, 'pending', '2026-11-25T03:00:00.0000000Z', '2026-11-25T03:00:00.0000000Z');
                INSERT INTO roster VALUES ('SV001', 'Phạm Thu Hà', 'K66', 'CNTT', 'Cô Lan');
                """;
            command.Parameters.AddWithValue("$content", cipher.Write(DeclarationContentMapper.Map(declaration, "VSS-OLD"), DeclarationContentCipher.OutboxTable));
            await command.ExecuteNonQueryAsync();
        }

        var applied = await SchemaMigrations.MigrateSqliteAsync(path, SchemaMigrations.Sqlite, NullLogger.Instance, default);

        Assert.Equal(SchemaMigrations.Scripts(SchemaMigrations.Sqlite), applied);
        var outbox = new SqliteDeclarationOutbox(new DeclarationDatabase(path), cipher);
        var now = DateTimeOffset.Parse("2026-11-25T04:00:00Z");
        var claimed = Assert.Single(await outbox.ClaimDueAsync(now, now.AddMinutes(5), 10, default)); // the new claimed_until column
        Assert.Equal(("VSS-OLD", "Phạm Thu Hà"), (claimed.ReceiptNumber, claimed.Content.FullName));
        Assert.Equal(["Phạm Thu Hà"], await SqliteRaw.ColumnAsync(path, "SELECT full_name FROM roster"));
        Assert.Empty(await SqliteRaw.ColumnAsync(path, "SELECT student_key FROM student_directory")); // created by the migration
        Assert.Empty(await SchemaMigrations.MigrateSqliteAsync(path, SchemaMigrations.Sqlite, NullLogger.Instance, default));
    }

    [Fact]
    public async Task Stores_opening_one_file_at_once_migrate_it_once()
    {
        await Task.WhenAll(Enumerable.Range(0, 5).Select(_ => Task.Run(() => new DeclarationDatabase(path).EnsureCreatedAsync(default))));

        Assert.Equal(SchemaMigrations.Scripts(SchemaMigrations.Sqlite),
            await SqliteRaw.ColumnAsync(path, $"SELECT scriptname FROM {SchemaMigrations.JournalTable} ORDER BY rowid"));
    }
}
