using Microsoft.Extensions.Options;
using VssBot.Bot.Privacy;

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
            : DevelopmentKeyFile.LoadOrCreate(folder.Path, "signing.key");
    }

    public byte[] Bytes { get; }

    private static byte[] Decode(string base64)
    {
        var bytes = Convert.FromBase64String(base64);
        return bytes.Length >= MinimumBytes
            ? bytes
            : throw new InvalidOperationException($"DirectLine:SigningKey must be at least {MinimumBytes} bytes (base64).");
    }
}
