using Microsoft.Data.Sqlite;
using VssBot.Bot.Storage;
using VssBot.Bot.Storage.Migrations;

namespace VssBot.Bot.Channels.Webhooks.Inbox;

/// <summary>
/// The webhook inbox's own SQLite file beside the bot's, named after it (<c>vssbot.db</c>: <c>vssbot.webhook-inbox.db</c>). Messenger and Zalo get their 200
/// after one insert here; in the bot's file that insert waited for SQLite's lock behind the turns' state, transcript and
/// directory writes, sleeping in the busy handler (issue 12: acknowledgement p99 55 ms at 16 students). Before its
/// first use, rows an earlier version left in the bot's file (pending events, and processed ids kept to refuse
/// redeliveries) are moved here, so no accepted event is lost or run twice by the upgrade.
/// </summary>
/// <param name="writers">The app's writers (<see cref="SqliteWriters"/>): writers of this file take turns there, and it is checkpointed in the background too (<see cref="SqliteCheckpoints"/>).</param>
public sealed class SqliteWebhookInboxFile(string path, string botDatabasePath, SqliteWriters? writers = null)
{
    private readonly SqliteFile file = new(path, SchemaMigrations.SqliteWebhookInbox, writers: writers);
    private readonly SemaphoreSlim moving = new(1, 1);
    private volatile bool moved;

    public string Path => file.Path;

    /// <summary>The inbox file of the bot whose SQLite file is <paramref name="botDatabasePath"/>.</summary>
    public static SqliteWebhookInboxFile Beside(string botDatabasePath, SqliteWriters? writers = null)
    {
        var full = System.IO.Path.GetFullPath(botDatabasePath);
        return new(System.IO.Path.Combine(System.IO.Path.GetDirectoryName(full)!, System.IO.Path.GetFileNameWithoutExtension(full) + ".webhook-inbox.db"), full, writers);
    }

    public async Task<SqliteConnection> OpenAsync(CancellationToken cancellationToken) => await (await MovedAsync(cancellationToken)).OpenAsync(cancellationToken);

    /// <summary>
    /// A write transaction behind this file's write gate: the acknowledgements' inserts and the worker's claims queue
    /// there instead of meeting at SQLite's lock, where the busy handler sleeps 1–100 ms at a time.
    /// </summary>
    public async Task<SqliteWrite> BeginWriteAsync(CancellationToken cancellationToken) => await (await MovedAsync(cancellationToken)).BeginWriteAsync(cancellationToken);

    /// <summary>Runs one statement in a write transaction of its own (<see cref="BeginWriteAsync"/>): the rows it changed.</summary>
    public async Task<int> WriteAsync(string sql, CancellationToken cancellationToken, params (string Name, object? Value)[] parameters) =>
        await (await MovedAsync(cancellationToken)).WriteAsync(sql, cancellationToken, parameters);

    /// <summary>The file, once the rows an earlier version left in the bot's file are here.</summary>
    private async ValueTask<SqliteFile> MovedAsync(CancellationToken cancellationToken)
    {
        if (!moved)
            await MoveEarlierRowsAsync(cancellationToken);
        return file;
    }

    private async Task MoveEarlierRowsAsync(CancellationToken cancellationToken)
    {
        await moving.WaitAsync(cancellationToken);
        try
        {
            if (moved)
                return;
            // ATTACH creates a missing file: a bot file that does not exist yet has no rows to move.
            if (File.Exists(botDatabasePath))
            {
                await using var connection = await file.OpenAsync(cancellationToken);
                await connection.ExecuteAsync("ATTACH DATABASE $path AS bot", cancellationToken, ("$path", System.IO.Path.GetFullPath(botDatabasePath)));
                try
                {
                    await using var exists = connection.Command("SELECT count(*) FROM bot.sqlite_master WHERE type = 'table' AND name = 'webhook_inbox'");
                    if (Convert.ToInt64(await exists.ExecuteScalarAsync(cancellationToken)) == 1)
                    {
                        await using var transaction = connection.BeginTransaction(); // BEGIN IMMEDIATE
                        // In seq order, so each student's pending events keep their order; leases are dropped (no worker ran here yet).
                        foreach (var sql in (string[])[
                            """
                            INSERT OR IGNORE INTO webhook_inbox (channel_id, event_id, user_id, received_at, body, attempts, processed_at)
                            SELECT channel_id, event_id, user_id, received_at, body, attempts, processed_at FROM bot.webhook_inbox ORDER BY seq
                            """,
                            "DELETE FROM bot.webhook_inbox"])
                        {
                            await using var command = connection.Command(sql);
                            command.Transaction = transaction;
                            await command.ExecuteNonQueryAsync(cancellationToken);
                        }
                        await transaction.CommitAsync(cancellationToken);
                    }
                }
                finally
                {
                    await connection.ExecuteAsync("DETACH DATABASE bot", CancellationToken.None);
                }
            }
            moved = true;
        }
        finally
        {
            moving.Release();
        }
    }
}
