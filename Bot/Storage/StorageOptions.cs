using System.ComponentModel.DataAnnotations;

namespace VssBot.Bot.Storage;

/// <summary>Where conversation and user state live. Bound from the "Storage" section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary>
    /// <see cref="StorageProvider.Sqlite"/> (the embedded default), <see cref="StorageProvider.Postgres"/> (several instances
    /// share state) or <see cref="StorageProvider.Memory"/> (lost on restart).
    /// </summary>
    [EnumDataType(typeof(StorageProvider))]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteOptions Sqlite { get; set; } = new();

    public PostgresOptions Postgres { get; set; } = new();

    /// <summary>
    /// True once the store has been in use: a store without VssBot data (a new, emptied or wrongly addressed PostgreSQL
    /// database) then stops the start-up instead of starting empty. SQLite needs no setting (a marker file beside the
    /// database says data existed); PostgreSQL has nothing outside the database to remember it, so set this after the first start.
    /// </summary>
    public bool RequireExistingData { get; set; }

    public sealed class SqliteOptions
    {
        /// <summary>The database file; a relative path is under the content root.</summary>
        [Required]
        public string Path { get; set; } = "App_Data/vssbot.db";

        /// <summary>
        /// How many conversations' last written state is kept in memory for their next turn (<see cref="Storage.RecentStates"/>:
        /// no read of the file, no decryption or deserialization then); 0 turns it off.
        /// </summary>
        [Range(0, 1_000_000)]
        public int RecentStates { get; set; } = 1000;

        /// <summary>How long a conversation's state stays in memory after its last turn.</summary>
        public TimeSpan RecentStateLifetime { get; set; } = TimeSpan.FromMinutes(5);

        /// <summary>
        /// How often the write-ahead logs are checkpointed in the background (<see cref="Storage.SqliteCheckpoints"/>);
        /// zero leaves it to the commits (every <see cref="SqliteFile.AutoCheckpointPages"/> pages).
        /// </summary>
        public TimeSpan CheckpointInterval { get; set; } = TimeSpan.FromMilliseconds(200);

        /// <summary>For tests: each state handed out from memory is also read from the file and must serialize the same.</summary>
        public bool VerifyRecentStates { get; set; }
    }

    public sealed class PostgresOptions
    {
        /// <summary>An Npgsql connection string (<c>Host=…;Database=…;Username=…;Password=…</c>), from a secret.</summary>
        public string? ConnectionString { get; set; }
    }
}

public enum StorageProvider
{
    Sqlite,
    Memory,
    Postgres,
}
