using System.Security.Cryptography;
using System.Text;
using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>
/// Human-readable receipts, "VSS-20261125-7K3Q": the Vietnam date of "Ghi nhận" and a code derived from the
/// idempotency key (no I, L, O, U: easy to read aloud). A longer code is the fallback when a shorter one is taken that day.
/// </summary>
public static class ReceiptNumber
{
    private const string Alphabet = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";
    public const int ShortestCode = 4;
    public const int LongestCode = 12;

    public static IEnumerable<string> Candidates(string idempotencyKey, DateTimeOffset confirmedAt)
    {
        var date = confirmedAt.ToOffset(StudentSession.VietnamOffset).ToString("yyyyMMdd", System.Globalization.CultureInfo.InvariantCulture);
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(idempotencyKey));
        var code = new StringBuilder(LongestCode);
        for (var i = 0; i < LongestCode; i++)
            code.Append(Alphabet[hash[i] % Alphabet.Length]);
        for (var length = ShortestCode; length <= LongestCode; length++)
            yield return $"VSS-{date}-{code.ToString(0, length)}";
    }
}
