using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>What a token grants: one conversation, as one user, until it expires.</summary>
public sealed record ConversationGrant(string ConversationId, string UserId, DateTimeOffset ExpiresAt, string Scope)
{
    public const string ConversationScope = "conversation";
    /// <summary>Short-lived, only for opening the WebSocket stream (it travels in the URL).</summary>
    public const string StreamScope = "stream";
}

/// <summary>
/// Conversation tokens: a JWT signed with HMAC-SHA256 (so Web Chat can read the <c>user</c> claim, as it does with
/// Direct Line tokens), carrying the conversation, the user, the expiry and the scope. A token names exactly one
/// conversation, so it can never read or post to another one. Signatures are compared in constant time.
/// </summary>
public sealed class DirectLineTokens(DirectLineSigningKey key, TimeProvider clock)
{
    private static readonly string Header = Base64Url.EncodeToString("""{"alg":"HS256","typ":"JWT"}"""u8);

    public string Issue(string conversationId, string userId, TimeSpan lifetime, string scope = ConversationGrant.ConversationScope)
    {
        var now = clock.GetUtcNow();
        var payload = new TokenPayload(conversationId, userId, scope, now.ToUnixTimeSeconds(), now.Add(lifetime).ToUnixTimeSeconds());
        var body = $"{Header}.{Base64Url.EncodeToString(JsonSerializer.SerializeToUtf8Bytes(payload, TokenJson.Default.TokenPayload))}";
        return $"{body}.{Base64Url.EncodeToString(Sign(body))}";
    }

    /// <summary>The grant of a well-signed, unexpired token of the given scope; null otherwise (the reason in <paramref name="expired"/>).</summary>
    public ConversationGrant? Validate(string? token, string scope, out bool expired)
    {
        expired = false;
        if (string.IsNullOrEmpty(token) || token.Length > 4096)
            return null;
        var lastDot = token.LastIndexOf('.');
        if (lastDot <= 0 || token.Split('.').Length != 3)
            return null;
        var body = token[..lastDot];
        Span<byte> signature = stackalloc byte[64];
        if (!TryDecode(token.AsSpan(lastDot + 1), signature, out var written) || written != 32
            || !CryptographicOperations.FixedTimeEquals(signature[..written], Sign(body)))
            return null;

        TokenPayload? payload;
        try
        {
            payload = JsonSerializer.Deserialize(Base64Url.DecodeFromChars(body.AsSpan(body.IndexOf('.') + 1)), TokenJson.Default.TokenPayload);
        }
        catch (Exception e) when (e is JsonException or FormatException)
        {
            return null;
        }
        if (payload is null || payload.Scope != scope || string.IsNullOrEmpty(payload.Conversation) || string.IsNullOrEmpty(payload.User))
            return null;
        var expiresAt = DateTimeOffset.FromUnixTimeSeconds(payload.Expires);
        if (expiresAt <= clock.GetUtcNow())
        {
            expired = true;
            return null;
        }
        return new ConversationGrant(payload.Conversation, payload.User, expiresAt, payload.Scope);
    }

    /// <summary>A signature for a value that is not a token (attachment links).</summary>
    public string SignValue(string purpose, string value) => Base64Url.EncodeToString(Sign($"{purpose}:{value}"));

    public bool VerifyValue(string purpose, string value, string? signature)
    {
        Span<byte> given = stackalloc byte[64];
        return signature is { Length: > 0 and < 88 }
            && TryDecode(signature, given, out var written)
            && CryptographicOperations.FixedTimeEquals(given[..written], Sign($"{purpose}:{value}"));
    }

    /// <summary>Base64url that may be malformed (the caller's input): false instead of a FormatException.</summary>
    private static bool TryDecode(ReadOnlySpan<char> text, Span<byte> destination, out int written)
    {
        try
        {
            return Base64Url.TryDecodeFromChars(text, destination, out written);
        }
        catch (FormatException)
        {
            written = 0;
            return false;
        }
    }

    private byte[] Sign(string text) => HMACSHA256.HashData(key.Bytes, Encoding.UTF8.GetBytes(text));
}

internal sealed record TokenPayload(
    [property: JsonPropertyName("conv")] string Conversation,
    [property: JsonPropertyName("user")] string User,
    [property: JsonPropertyName("scope")] string Scope,
    [property: JsonPropertyName("iat")] long IssuedAt,
    [property: JsonPropertyName("exp")] long Expires);

[JsonSerializable(typeof(TokenPayload))]
internal sealed partial class TokenJson : JsonSerializerContext;
