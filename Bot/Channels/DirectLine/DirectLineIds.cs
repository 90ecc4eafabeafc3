using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>Conversation and user ids: random, unguessable, and safe in a path or a URL.</summary>
internal static partial class DirectLineIds
{
    public static string NewConversation() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(16));

    public static string NewUser() => $"dl_{Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12))}";

    /// <summary>Letters, digits, '-' and '_', at most 64: what may name a folder or come from a school's server.</summary>
    public static bool IsSafe(string? id) => id is not null && SafePattern().IsMatch(id);

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SafePattern();
}
