using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Declarations.Registry;

/// <summary>
/// The key of the embedded registry: <c>DeclarationApi:ApiKey</c>, or else a random key generated once in the app data
/// folder (<see cref="DevelopmentFileName"/>, owner-only), which the bot's own client sends. The registry is never open
/// without a key; Production refuses the generated one (Security/ProductionSafety).
/// </summary>
public sealed class RegistryApiKey
{
    public const string DevelopmentFileName = "registry-api.dev.key";

    private readonly byte[] expectedHash;

    public RegistryApiKey(IOptions<DeclarationApiOptions> options, IServiceProvider services, ILogger<RegistryApiKey> logger)
    {
        if (options.Value.ApiKey is { Length: > 0 } configured)
        {
            Value = configured;
        }
        else
        {
            var folder = Path.GetDirectoryName(StorageServiceCollectionExtensions.SqlitePath(services))!;
            Value = Convert.ToBase64String(DevelopmentKeyFile.LoadOrCreate(folder, DevelopmentFileName));
            IsGenerated = true;
            // The path and how to read it, never the key itself.
            logger.LogWarning("The registry (/registry/v1) requires the DEVELOPMENT key generated in {Path} (read it with: cat {Path}); " +
                "set DeclarationApi:ApiKey for real students", Path.Combine(folder, DevelopmentFileName), Path.Combine(folder, DevelopmentFileName));
        }
        expectedHash = SHA256.HashData(Encoding.UTF8.GetBytes(Value));
        SentToRegistry = string.IsNullOrWhiteSpace(options.Value.BaseAddress) || !IsGenerated;
    }

    /// <summary>The key the registry requires.</summary>
    public string Value { get; }

    /// <summary>Generated in the data folder (no <c>DeclarationApi:ApiKey</c>).</summary>
    public bool IsGenerated { get; }

    /// <summary>Whether the bot's client sends it: a generated key only ever goes to the embedded registry, never to a remote one.</summary>
    public bool SentToRegistry { get; }

    /// <summary>Compared as hashes, so the time taken does not depend on how much of the key was right.</summary>
    public bool Matches(string? given) =>
        given is { Length: > 0 } && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(given)), expectedHash);
}
