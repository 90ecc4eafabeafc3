namespace VssBot.Bot.Printing;

/// <summary>
/// The short link students get: "{base}/p/20261201-7K3Q-{12-character tag}", the receipt without its "VSS-" and a tag
/// only the bot can make (<see cref="FormLinkSigner.TagReceipt"/>). Nothing personal is in it; the receipt leads to the
/// declaration through the outbox, and the declaration's date decides until when it opens.
/// </summary>
public static class ShortFormLink
{
    public const string PathPrefix = "/p/";
    private const string ReceiptPrefix = "VSS-";
    private const int MaxCodeLength = 32; // "20261201-" and the longest receipt code (12) fit with room

    /// <summary>The token of the link to this receipt, or null for a receipt not made by <c>ReceiptNumber</c>.</summary>
    public static string? Token(FormLinkSigner signer, string? receiptNumber)
    {
        if (receiptNumber is null || !receiptNumber.StartsWith(ReceiptPrefix, StringComparison.Ordinal) || !IsCode(receiptNumber.AsSpan(ReceiptPrefix.Length)))
            return null;
        return receiptNumber[ReceiptPrefix.Length..] + "-" + signer.TagReceipt(receiptNumber);
    }

    /// <summary>The receipt a token names when its tag is right; null for anything malformed or tampered with.</summary>
    public static string? ReceiptOf(FormLinkSigner signer, string token)
    {
        var separator = token.Length - FormLinkSigner.ReceiptTagLength - 1;
        if (separator < 1 || token[separator] != '-' || !IsCode(token.AsSpan(0, separator)))
            return null;
        var receipt = ReceiptPrefix + token[..separator];
        return signer.IsReceiptTag(receipt, token[(separator + 1)..]) ? receipt : null;
    }

    private static bool IsCode(ReadOnlySpan<char> code) =>
        code.Length is > 0 and <= MaxCodeLength && !code.ContainsAnyExcept("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-");
}
