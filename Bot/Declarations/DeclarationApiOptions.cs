using System.ComponentModel.DataAnnotations;

namespace VssBot.Bot.Declarations;

/// <summary>
/// Where declarations are sent and how hard to try. Bound from the "DeclarationApi" section.
/// The same <see cref="ApiKey"/> protects the embedded registry and is sent by the client.
/// </summary>
public sealed class DeclarationApiOptions
{
    public const string SectionName = "DeclarationApi";
    public const string HttpClientName = "DeclarationApi";
    public const string ApiKeyHeader = "X-Api-Key";

    /// <summary>The registry's base URL. Empty: the bot's own URL (the embedded registry, still called over HTTP).</summary>
    public string? BaseAddress { get; set; }

    /// <summary>
    /// Sent as <see cref="ApiKeyHeader"/>; the embedded registry requires it. Empty: a key generated in the app data folder
    /// (Registry/RegistryApiKey), refused in Production.
    /// </summary>
    public string? ApiKey { get; set; }

    internal bool HasValidBaseAddress => string.IsNullOrWhiteSpace(BaseAddress)
        || Uri.TryCreate(BaseAddress, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https";

    /// <summary>One HTTP attempt.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:05:00")]
    public TimeSpan AttemptTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>All attempts of one call, retries included.</summary>
    [Range(typeof(TimeSpan), "00:00:00.100", "00:30:00")]
    public TimeSpan TotalTimeout { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>Retries inside one call (the outbox retries again later, with its own back-off).</summary>
    [Range(0, 10)]
    public int Retries { get; set; } = 2;

    /// <summary>First retry delay inside one call; exponential with jitter after it.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:01:00")]
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How long the circuit stays open after too many failures.</summary>
    [Range(typeof(TimeSpan), "00:00:00.500", "00:10:00")]
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(15);
}
