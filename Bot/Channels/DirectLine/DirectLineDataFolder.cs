using Microsoft.Extensions.Options;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>The folder holding the activity log, uploaded images and the generated signing key.</summary>
public sealed class DirectLineDataFolder(IOptions<DirectLineOptions> options, IOptions<StorageOptions> storage, IHostEnvironment environment)
{
    public string Path { get; } = System.IO.Path.GetFullPath(System.IO.Path.Combine(environment.ContentRootPath,
        options.Value.DataFolder is { Length: > 0 } folder
            ? folder
            : System.IO.Path.Combine(System.IO.Path.GetDirectoryName(storage.Value.Sqlite.Path) ?? "", "directline")));
}
