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

    /// <summary>
    /// The student's own address from the whole message: dictated punctuation is rewritten first ("lan a còng gmail chấm com"),
    /// then <see cref="MessageReading"/> picks among several addresses (the corrected one, not someone else's).
    /// </summary>
    public static EmailReading Recognize(string text)
    {
        text = Spoken(text ?? "");
        var spotted = Candidate().Matches(text).Select(m => new Spotted<EmailReading>(m.Index, m.Length, Read(m))).ToList();
        if (MessageReading.Pick(text, spotted, ByAddress) is not { } picked) return new EmailReading(false, null, null);
        if (picked.Certainty == Certainty.SomeoneElse) return new EmailReading(false, null, null, Certainty.SomeoneElse);
        return picked.Value with { Certainty = picked.Certainty };
    }

    private static readonly IEqualityComparer<EmailReading> ByAddress =
        EqualityComparer<EmailReading>.Create((a, b) => a?.Address == b?.Address, r => r.Address?.GetHashCode(StringComparison.Ordinal) ?? 0);

    /// <summary>Each spoken punctuation entry as a regex built once (Regex's own cache holds only 15 patterns).</summary>
    private static readonly (Regex Pattern, string Replacement)[] VoiceRewrites = TypedWordTable.Voice
        .Select(v => (new Regex($@"(?<!\p{{L}}){Regex.Escape(v.Typed)}(?!\p{{L}})", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant), " " + v.Meaning + " "))
        .ToArray();

    /// <summary>"a còng" → "@", "chấm com" → ".com" (Language/Data/normalisation.vi.tsv, kind voice), and spaces around the domain's dots dropped.</summary>
    private static string Spoken(string text)
    {
        foreach (var (pattern, replacement) in VoiceRewrites)
            text = pattern.Replace(text, replacement);
        if (!text.Contains('@')) return text;
        text = SpacedAt().Replace(text, "@");
        return DomainDot().Replace(text, ".");
    }

    private static EmailReading Read(Match match)
    {
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

    [GeneratedRegex(@"\s*@\s*", RegexOptions.CultureInvariant)]
    private static partial Regex SpacedAt();

    /// <summary>A dot (or a spoken "chấm") inside the domain, with spaces around it.</summary>
    [GeneratedRegex(@"(?<=@[\p{L}\p{N}\-.]*[\p{L}\p{N}])\s+(?:\.|chấm|cham)\s+(?=[\p{L}\p{N}])", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex DomainDot();

    // Liberal on purpose (letters with diacritics included) so that a non-ASCII address is found and reported invalid.
    [GeneratedRegex(@"(?<local>[\p{L}\p{N}._%+\-]+)\s?@\s?(?<domain>[\p{L}\p{N}\-]+(?:\.[\p{L}\p{N}\-]+)*)", RegexOptions.CultureInvariant)]
    private static partial Regex Candidate();

    [GeneratedRegex(@"^[A-Za-z0-9_%+\-]+(?:\.[A-Za-z0-9_%+\-]+)*$", RegexOptions.CultureInvariant)]
    private static partial Regex AsciiLocal();

    [GeneratedRegex(@"^(?:[a-z0-9](?:[a-z0-9\-]*[a-z0-9])?\.)+[a-z]{2,}$", RegexOptions.CultureInvariant)]
    private static partial Regex AsciiDomain();
}
