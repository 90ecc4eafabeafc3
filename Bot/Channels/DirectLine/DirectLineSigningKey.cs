using Microsoft.Extensions.Options;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>
/// The HMAC key for tokens and attachment links: DirectLine:SigningKey when configured, otherwise a random key
/// created once in the data folder (readable by the owner only), so tokens survive a restart.
/// </summary>
public sealed class DirectLineSigningKey
{
    private const int MinimumBytes = 32;

    public DirectLineSigningKey(IOptions<DirectLineOptions> options, DirectLineDataFolder folder)
    {
        Bytes = options.Value.SigningKey is { Length: > 0 } configured
            ? Decode(configured)
            : LoadOrCreate(Path.Combine(folder.Path, "signing.key"));
    }

    public byte[] Bytes { get; }

    private static byte[] Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        return bytes.Length >= MinimumBytes
            ? bytes
            : throw new InvalidOperationException($"DirectLine:SigningKey must be at least {MinimumBytes} bytes (base64).");
    }

    private static byte[] LoadOrCreate(string path)
    {
        if (File.Exists(path))
            return Decode(File.ReadAllText(path).Trim());
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        var key = System.Security.Cryptography.RandomNumberGenerator.GetBytes(MinimumBytes);
        var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        try
        {
            using var writer = new StreamWriter(path, System.Text.Encoding.ASCII, options);
            writer.Write(Convert.ToBase64String(key));
        }
        catch (IOException) when (File.Exists(path))
        {
            return Decode(File.ReadAllText(path).Trim()); // another process created it first
        }
        return key;
    }
}
