using System.ComponentModel.DataAnnotations;

namespace VssBot.Bot.Storage;

/// <summary>Where conversation and user state live. Bound from the "Storage" section.</summary>
public sealed class StorageOptions
{
    public const string SectionName = "Storage";

    /// <summary><see cref="StorageProvider.Sqlite"/> (the embedded default) or <see cref="StorageProvider.Memory"/> (lost on restart).</summary>
    [EnumDataType(typeof(StorageProvider))]
    public StorageProvider Provider { get; set; } = StorageProvider.Sqlite;

    public SqliteOptions Sqlite { get; set; } = new();

    public sealed class SqliteOptions
    {
        /// <summary>The database file; a relative path is under the content root.</summary>
        [Required]
        public string Path { get; set; } = "App_Data/vssbot.db";
    }
}

public enum StorageProvider
{
    Sqlite,
    Memory,
}
