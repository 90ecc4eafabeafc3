using Microsoft.Data.Sqlite;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Tests.Storage;

/// <summary>
/// Closes the pooled connections of given SQLite files only. <see cref="SqliteConnection.ClearAllPools"/> is
/// process-wide: it closes connections that tests running in parallel are using. Closing a file's last connection
/// checkpoints its WAL into the file, which the raw-file checks rely on.
/// </summary>
internal static class SqlitePools
{
    public static void Release(params string[] paths)
    {
        foreach (var path in paths)
        {
            var full = Path.GetFullPath(path);
            // The app's own string, and the plain ones tests and the health check open the file with.
            foreach (var connectionString in new[]
                     {
                         SqliteFile.ConnectionStringFor(full), $"Data Source={path}", $"Data Source={full}",
                         new SqliteConnectionStringBuilder { DataSource = full, Mode = SqliteOpenMode.ReadWrite }.ToString(),
                     })
            {
                using var connection = new SqliteConnection(connectionString);
                SqliteConnection.ClearPool(connection);
            }
        }
    }

    /// <summary>Every database file in <paramref name="folder"/> (a Direct Line data folder, for instance).</summary>
    public static void ReleaseFolder(string folder)
    {
        if (Directory.Exists(folder))
            Release(Directory.GetFiles(folder, "*.db", SearchOption.AllDirectories));
    }
}
