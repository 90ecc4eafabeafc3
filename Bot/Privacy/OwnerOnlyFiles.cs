namespace VssBot.Bot.Privacy;

/// <summary>
/// Files and folders of personal data readable by the service's own user only, from the moment they exist
/// (mode 0600/0700 given at creation, never a chmod afterwards that leaves a window).
/// </summary>
public static class OwnerOnlyFiles
{
    private const UnixFileMode File = UnixFileMode.UserRead | UnixFileMode.UserWrite;
    private const UnixFileMode Folder = File | UnixFileMode.UserExecute;

    /// <summary>Creates <paramref name="path"/> and its missing parents owner-only (existing folders keep their mode).</summary>
    public static void CreateDirectory(string path)
    {
        if (OperatingSystem.IsWindows())
            Directory.CreateDirectory(path);
        else
            Directory.CreateDirectory(path, Folder);
    }

    /// <summary>Options for a new file (<paramref name="mode"/> Create or CreateNew) that only the owner can read.</summary>
    public static FileStreamOptions NewFile(FileMode mode = FileMode.CreateNew)
    {
        var options = new FileStreamOptions { Mode = mode, Access = FileAccess.Write, Share = FileShare.None };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = File;
        return options;
    }

    /// <summary>Writes a new owner-only file (fails when it exists).</summary>
    public static async Task WriteNewAsync(string path, byte[] content, CancellationToken cancellationToken)
    {
        await using var stream = new FileStream(path, NewFile());
        await stream.WriteAsync(content, cancellationToken);
    }

    /// <summary>
    /// An empty owner-only file where a SQLite database is about to be created: SQLite gives its -wal and -shm files
    /// the database file's mode, so all three stay owner-only. SQLite treats an empty file as a new database.
    /// </summary>
    public static void PrepareDatabaseFile(string path)
    {
        if (System.IO.File.Exists(path))
            return;
        try
        {
            using var _ = new FileStream(path, NewFile());
        }
        catch (IOException) when (System.IO.File.Exists(path))
        {
            // Another process created it first.
        }
    }
}
