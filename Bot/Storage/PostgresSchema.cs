using Npgsql;

namespace VssBot.Bot.Storage;

/// <summary>
/// The PostgreSQL schema, as numbered migrations applied at start-up. Every instance runs this; a transaction-scoped
/// advisory lock makes the others wait while one migrates, and the version table makes it idempotent.
/// Add a migration by appending to <see cref="Migrations"/>; never edit one that has shipped.
/// </summary>
public static class PostgresSchema
{
    /// <summary>Advisory lock id of VssBot's schema migrations ("VSSBOT" in ASCII).</summary>
    public const long MigrationLockId = 0x5653_5342_4F54;

    public static readonly IReadOnlyList<(int Version, string Description, string Sql)> Migrations =
    [
        (1, "bot_state: IStorage items, encrypted, with ETag and last update", """
            CREATE TABLE bot_state (
                key        text PRIMARY KEY,
                data       text NOT NULL,
                etag       text NULL,
                updated_at timestamptz NOT NULL
            );
            CREATE INDEX bot_state_updated_at ON bot_state (updated_at);
            """),
        (2, "channel_reply_windows and webhook_event_ids: Messenger/Zalo reply windows and webhook dedup, shared by replicas", """
            CREATE TABLE channel_reply_windows (
                channel_id    text NOT NULL,
                user_id       text NOT NULL,
                last_wrote_at timestamptz NOT NULL,
                PRIMARY KEY (channel_id, user_id)
            );
            CREATE INDEX channel_reply_windows_recent ON channel_reply_windows (channel_id, last_wrote_at);
            CREATE TABLE webhook_event_ids (
                channel_id text NOT NULL,
                event_id   text NOT NULL,
                claimed_at timestamptz NOT NULL,
                PRIMARY KEY (channel_id, event_id)
            );
            CREATE INDEX webhook_event_ids_claimed ON webhook_event_ids (claimed_at);
            """),
        (3, "reminder_deliveries: which route delivered each reminder, or why none could", """
            CREATE TABLE reminder_deliveries (
                student_key text NOT NULL,
                reminder_id text NOT NULL,
                route       text NULL,
                reasons     text NULL,
                first_at    timestamptz NOT NULL,
                last_at     timestamptz NOT NULL,
                attempts    integer NOT NULL,
                PRIMARY KEY (student_key, reminder_id)
            );
            CREATE INDEX reminder_deliveries_undelivered ON reminder_deliveries (route, first_at);
            """),
    ];

    public static int LatestVersion => Migrations[^1].Version;

    /// <summary>Applies the missing migrations in one transaction. Returns the versions applied by this call.</summary>
    public static async Task<IReadOnlyList<int>> MigrateAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await ExecuteAsync(connection, "SELECT pg_advisory_xact_lock(@id)", cancellationToken, ("id", MigrationLockId));
        await ExecuteAsync(connection, """
            CREATE TABLE IF NOT EXISTS vssbot_schema_version (
                version     integer PRIMARY KEY,
                description text NOT NULL,
                applied_at  timestamptz NOT NULL DEFAULT now()
            )
            """, cancellationToken);

        var applied = new HashSet<int>();
        await using (var command = new NpgsqlCommand("SELECT version FROM vssbot_schema_version", connection))
        await using (var reader = await command.ExecuteReaderAsync(cancellationToken))
            while (await reader.ReadAsync(cancellationToken))
                applied.Add(reader.GetInt32(0));

        var now = new List<int>();
        foreach (var (version, description, sql) in Migrations.Where(m => !applied.Contains(m.Version)))
        {
            await ExecuteAsync(connection, sql, cancellationToken);
            await ExecuteAsync(connection, "INSERT INTO vssbot_schema_version (version, description) VALUES (@version, @description)",
                cancellationToken, ("version", version), ("description", description));
            now.Add(version);
        }
        await transaction.CommitAsync(cancellationToken);
        return now;
    }

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql, CancellationToken cancellationToken,
        params (string Name, object Value)[] parameters)
    {
        await using var command = new NpgsqlCommand(sql, connection);
        foreach (var (name, value) in parameters)
            command.Parameters.AddWithValue(name, value);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
