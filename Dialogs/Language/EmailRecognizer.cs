using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace VssBot.Dialogs.Language;

/// <summary>
/// Finds an email address in a message ("email em là An.Nguyen@Gmail.com nhé"), lower-cases the
/// domain (the local part is kept as typed) and checks it is a plain ASCII address. Common domain
/// typos get a Suggestion ("an@gmial.com" → "an@gmail.com"): a domain within edit distance 2 of a
/// popular one. School (*.edu.vn, *.edu) and other known real domains (mail.com, ymail.com, …)
/// are never "corrected". A missing top-level domain ("an@gmail") is invalid, with a suggestion when clear.
/// </summary>
public static partial class EmailRecognizer
{
    /// <summary>The domains students use most; typos are corrected towards these.</summary>
    public static IReadOnlyList<string> PopularDomains { get; } =
        ["gmail.com", "yahoo.com", "yahoo.com.vn", "outlook.com", "hotmail.com", "icloud.com", "outlook.com.vn"];

    /// <summary>Real domains close to a popular one that must not be "corrected".</summary>
    private static readonly FrozenSet<string> KnownDomains = FrozenSet.ToFrozenSet<string>([
        "mail.com", "ymail.com", "gmx.com", "live.com", "msn.com", "me.com", "mac.com", "aol.com", "proton.me",
        "protonmail.com", "zoho.com", "fpt.vn", "fpt.com", "fpt.edu.vn", "vnu.edu.vn", "hotmail.com.vn", "yahoo.vn",
        "email.com", "googlemail.com", "outlook.vn", "gmail.vn",
    ]);

    public static EmailReading Recognize(string text)
    {
        var match = Candidate().Match(text ?? "");
        if (!match.Success) return new EmailReading(false, null, null);
        var local = match.Groups["local"].Value;
        var domain = match.Groups["domain"].Value.TrimEnd('.', '-').ToLowerInvariant();
        var address = $"{local}@{domain}";
        var suggestion = SuggestDomain(domain) is { } better ? $"{local}@{better}" : null;
        return new EmailReading(IsWellFormed(local, domain), address, suggestion);
    }

    private static bool IsWellFormed(string local, string domain) =>
        AsciiLocal().IsMatch(local) && AsciiDomain().IsMatch(domain);

    /// <summary>The popular domain the student most likely meant, or null when the domain looks intended.</summary>
    public static string? SuggestDomain(string domain)
    {
        domain = domain.ToLowerInvariant();
        if (PopularDomains.Contains(domain) || KnownDomains.Contains(domain)) return null;
        if (domain.EndsWith(".edu.vn", StringComparison.Ordinal) || domain.EndsWith(".edu", StringComparison.Ordinal) || domain.EndsWith(".gov.vn", StringComparison.Ordinal)) return null;
        // "an@gmail": the top-level domain is missing.
        if (!domain.Contains('.'))
            return PopularDomains.FirstOrDefault(p => EditDistance.Between(domain, p[..p.IndexOf('.')]) <= (domain.Length >= 5 ? 1 : 0));
        var best = PopularDomains
            .Select(p => (Domain: p, Distance: EditDistance.Between(domain, p)))
            .Where(x => x.Distance <= 2 && domain.Length >= 5)
            .OrderBy(x => x.Distance)
            .FirstOrDefault();
        return best.Domain;
    }

    // Liberal on purpose (letters with diacritics included) so that a non-ASCII address is found and reported invalid.
    [GeneratedRegex(@"(?<local>[\p{L}\p{N}._%+\-]+)\s?@\s?(?<domain>[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"^[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex AsciiLocal();

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex AsciiDomain();
}
