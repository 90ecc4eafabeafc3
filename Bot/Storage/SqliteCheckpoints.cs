using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Options;

namespace VssBot.Bot.Storage;

/// <summary>
/// Copies each SQLite file's write-ahead log back into the file from a thread of its own (a PASSIVE checkpoint: it
/// waits for no reader or writer), every <see cref="StorageOptions.SqliteOptions.CheckpointInterval"/>. Otherwise the
/// commit that crosses SQLite's threshold runs the checkpoint itself, with its two fsyncs (3–8 ms here), while it holds
/// the file's write gate: every turn's state write then waited behind it, about ten times a second under load (issue 12).
/// Commits still checkpoint past <see cref="SqliteFile.AutoCheckpointPages"/>, should this thread fall behind or stop.
/// The files are those the app's writers use (<see cref="SqliteWriters"/>, whatever the state provider: the console's
/// and the outbox's tables stay in SQLite with <c>Storage:Provider=Memory</c>); a file not created yet is skipped.
/// </summary>
public sealed class SqliteCheckpoints(SqliteWriters files, IOptions<StorageOptions> options, ILogger<SqliteCheckpoints> logger) : BackgroundService
{
    private readonly HashSet<string> failing = new(StringComparer.Ordinal); // files whose last checkpoint failed; the checkpoint thread's only

    protected override Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var interval = options.Value.Sqlite.CheckpointInterval;
        if (interval <= TimeSpan.Zero)
            return Task.CompletedTask;
        // Blocking I/O (fsync) on a thread of its own, not on a thread-pool thread the turns need.
        return Task.Factory.StartNew(() => Run(interval, stoppingToken), stoppingToken, TaskCreationOptions.LongRunning, TaskScheduler.Default);
    }

    private void Run(TimeSpan interval, CancellationToken stoppingToken)
    {
        while (!stoppingToken.WaitHandle.WaitOne(interval))
            foreach (var path in files.Files)
                Checkpoint(path);
    }

    private void Checkpoint(string path)
    {
        if (!File.Exists(path))
            return;
        try
        {
            // A connection of its own each time: one kept open, having read the schema before the file turned to WAL
            // (a file being created and migrated), would never look at the log again and checkpoint nothing.
            using var connection = new SqliteConnection(new SqliteConnectionStringBuilder { DataSource = path, Mode = SqliteOpenMode.ReadWrite, Pooling = false }.ToString());
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA synchronous = NORMAL; PRAGMA wal_checkpoint(PASSIVE);";
            command.ExecuteNonQuery();
            if (failing.Remove(path))
                logger.LogInformation("Checkpoints of {File} work again", System.IO.Path.GetFileName(path));
        }
        catch (Exception e) when (e is SqliteException or IOException or UnauthorizedAccessException)
        {
            // Never fatal (an unhandled fault would stop the host): commits still checkpoint past the threshold.
            if (failing.Add(path)) // once until it works again, not five times a second
                logger.LogWarning("Checkpoint of {File} failed: {Error}", System.IO.Path.GetFileName(path), e.Message);
        }
    }
}
