using System.Collections.Frozen;
using System.Text.RegularExpressions;

namespace VssBot.Dialogs.Language;

/// <summary>Values found in one message; null where the message did not give that value.</summary>
public sealed record ExtractedValues(
    NameReading? FullName = null,
    PhoneReading? Phone = null,
    EmailReading? Email = null,
    IdDocumentReading? IdDocument = null,
    SocialInsuranceNumberReading? SocialInsuranceNumber = null)
{
    /// <summary>How many values were found.</summary>
    public int Count => new object?[] { FullName, Phone, Email, IdDocument, SocialInsuranceNumber }.Count(v => v is not null);
}

/// <summary>
/// Finds several Form 01 values in one message: "em tên Nguyễn Văn An, sđt 0912345678, email an@gmail.com".
/// Only labelled or unambiguous values are taken:
/// <list type="bullet">
/// <item>a label ("họ tên", "tên", "sđt", "số điện thoại", "email", "cccd", "căn cước", "số định danh",
/// "hộ chiếu", "mã số BHXH"…) names the value that follows it, up to the next label, comma or semicolon;
/// a labelled value is returned even when invalid, so the dialog can explain the problem;</item>
/// <item>"mình là"/"em là" names a person only when every word of the name is capitalised ("mình là sinh viên" is no name);</item>
/// <item>without a label: an address with "@" is an email, a valid Vietnamese mobile is a phone and a valid
/// 12-digit personal ID is the ID document; a bare name, a 10-digit code or 9 digits are too ambiguous.</item>
/// </list>
/// </summary>
public static partial class MessageExtractor
{
    private enum Label { Name, NameIfCapitalised, Phone, Email, IdDocument, SocialInsurance }

    private static readonly PhraseTable<Label> Labels = new(
    [
        ("họ và tên", Label.Name), ("họ tên", Label.Name), ("tên", Label.Name),
        ("mình là", Label.NameIfCapitalised), ("em là", Label.NameIfCapitalised), ("tôi là", Label.NameIfCapitalised),
        ("số điện thoại", Label.Phone), ("điện thoại", Label.Phone), ("phone", Label.Phone), ("di động", Label.Phone),
        ("zalo", Label.Phone), ("mobile", Label.Phone),
        ("email", Label.Email), ("mail", Label.Email), ("e mail", Label.Email), ("gmail", Label.Email), ("thư điện tử", Label.Email),
        ("căn cước công dân", Label.IdDocument), ("căn cước", Label.IdDocument), ("chứng minh nhân dân", Label.IdDocument),
        ("số định danh", Label.IdDocument), ("định danh", Label.IdDocument), ("hộ chiếu", Label.IdDocument),
        ("passport", Label.IdDocument),
        ("mã số bảo hiểm xã hội", Label.SocialInsurance), ("bảo hiểm xã hội", Label.SocialInsurance),
        ("mã số bảo hiểm", Label.SocialInsurance), ("mã bảo hiểm", Label.SocialInsurance), ("số bảo hiểm", Label.SocialInsurance),
        ("sổ bảo hiểm", Label.SocialInsurance),
    ]);

    /// <summary>Words between a label and its value: "sđt CỦA EM LÀ 09…", "tên ĐẦY ĐỦ LÀ …".</summary>
    private static readonly FrozenSet<string> Connectors = FrozenSet.ToFrozenSet<string>(["cua", "em", "minh", "toi", "to", "tui", "day", "du", "so", "cua minh", "moi", "hien", "tai"]);

    public static ExtractedValues Extract(string text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new ExtractedValues();
        var values = new ExtractedValues(Email: EmailRecognizer.Recognize(text) is { Address: not null, IsAnswer: true } email ? email : null);
        foreach (var part in PartSeparator().Split(text))
        {
            // "hình như sdt em là …": a hedged number is left for its own question, where it is confirmed.
            if (MessageReading.Has(part, MessageReading.Marker.Hedge)) continue;
            foreach (var (label, content) in Segments(part))
                values = Add(values, label, content);
        }
        // A phone number is taken only when the whole message gives it as the student's own ("số mẹ em …" is not).
        if (values.Phone is { IsValid: true } found && PhoneRecognizer.Recognize(text) is var whole && (!whole.IsAnswer || whole.E164 != found.E164))
            values = values with { Phone = null };
        return values.FullName is null && values.Count > 0 && UnlabelledName(text) is { } name ? values with { FullName = name } : values;
    }

    /// <summary>
    /// "Võ Thành Đạt, 0912345678, dat.vo@gmail.com": with other values given, a run of two to five capitalised words right
    /// before the first value (or its separator) is the name even without a label.
    /// </summary>
    private static NameReading? UnlabelledName(string text)
    {
        var firstValue = FirstValue().Match(text);
        if (!firstValue.Success) return null;
        var before = text[..firstValue.Index].TrimEnd(' ', ',', ';', '-', ':', '|', '\t');
        var words = before.Split([' ', ':', ',', ';', '\t'], StringSplitOptions.RemoveEmptyEntries);
        var run = words.Reverse().TakeWhile(w => char.IsUpper(w[0]) && w.All(c => char.IsLetter(c) || c is '\'' or '’')).Reverse().ToList();
        if (run.Count is < 2 or > 5) return null;
        return NameRecognizer.Recognize(string.Join(' ', run)) is { IsValid: true } name ? name : null;
    }

    /// <summary>Where the first number or e-mail address starts.</summary>
    [GeneratedRegex(@"[+(]?\d|[\p{L}\p{N}._%+\-]+\s?@", RegexOptions.CultureInvariant)]
    private static partial Regex FirstValue();

    private static ExtractedValues Add(ExtractedValues values, Label? label, List<string> content)
    {
        if (content.Count == 0) return values;
        var joined = string.Join(' ', content);
        switch (label)
        {
            case Label.Name or Label.NameIfCapitalised:
                var nameWords = content.TakeWhile(w => !w.Any(char.IsDigit) && !w.Contains('@')).ToList();
                if (label == Label.NameIfCapitalised && !nameWords.All(w => char.IsUpper(w[0]))) break;
                values = values with { FullName = Prefer(values.FullName, NameRecognizer.Recognize(string.Join(' ', nameWords)), n => n.IsValid) };
                // What follows the name ("Nguyễn Văn An 0912345678") is read without a label.
                return Add(values, null, content.Skip(nameWords.Count).ToList());
            // Someone else's number, a hedged one or two side by side are not the student's: left for the question itself.
            case Label.Phone:
                return PhoneRecognizer.Recognize(joined) is var p && (p.IsAnswer || !p.IsValid && p.Certainty != Certainty.SomeoneElse)
                    ? values with { Phone = Prefer(values.Phone, p, r => r.IsValid) } : values;
            case Label.IdDocument:
                return IdDocumentRecognizer.Recognize(joined) is var d && (d.IsAnswer || !d.IsValid && d.Certainty != Certainty.SomeoneElse)
                    ? values with { IdDocument = Prefer(values.IdDocument, d, r => r.IsValid) } : values;
            case Label.SocialInsurance:
                return SocialInsuranceNumberRecognizer.Recognize(joined) is var sin && (sin.IsAnswer || !sin.IsValid && sin.Certainty != Certainty.SomeoneElse)
                    ? values with { SocialInsuranceNumber = Prefer(values.SocialInsuranceNumber, sin, r => r.IsValid) } : values;
            case Label.Email:
                break; // read from the whole message
            case null:
                if (values.Phone is null && PhoneRecognizer.Recognize(joined) is { IsAnswer: true } phone)
                    values = values with { Phone = phone };
                if (values.IdDocument is null && IdDocumentRecognizer.Recognize(joined) is { IsAnswer: true, Kind: IdDocumentKind.PersonalId } id)
                    values = values with { IdDocument = id };
                break;
        }
        return values;
    }

    /// <summary>The earlier reading unless only the new one is valid.</summary>
    private static T Prefer<T>(T? earlier, T later, Func<T, bool> isValid) where T : class =>
        earlier is not null && (isValid(earlier) || !isValid(later)) ? earlier : later;

    /// <summary>Splits one comma-free part into (label, value words); words before the first label have no label.</summary>
    private static List<(Label? Label, List<string> Content)> Segments(string part)
    {
        var tokens = part.Split((char[])[' ', '\t', ':'], StringSplitOptions.RemoveEmptyEntries);
        var folded = tokens.Select(t => VietnameseText.FoldedWords(t)).ToList();
        var segments = new List<(Label? Label, List<string> Content)> { (null, []) };
        for (var i = 0; i < tokens.Length;)
        {
            if (LabelAt(folded, i) is var (label, tokenCount))
            {
                i += tokenCount;
                while (i < tokens.Length && (folded[i] is [var w] && Connectors.Contains(w) || tokens[i] is "là" or "Là" or "la" or "=")) i++;
                segments.Add((label, []));
                continue;
            }
            segments[^1].Content.Add(tokens[i]);
            i++;
        }
        return segments;
    }

    /// <summary>A label made of whole typed tokens starting at token <paramref name="start"/>.</summary>
    private static (Label Label, int TokenCount)? LabelAt(List<IReadOnlyList<string>> folded, int start)
    {
        var words = folded.Skip(start).SelectMany(f => f).ToList();
        if (Labels.MatchAt(words, 0) is not var (length, label)) return null;
        for (int tokens = 0, covered = 0; start + tokens < folded.Count; tokens++)
        {
            covered += folded[start + tokens].Count;
            if (covered == length) return (label, tokens + 1);
            if (covered > length) return null;
        }
        return null;
    }

    [GeneratedRegex(@"[,;\n]|\s-\s|\.\s", RegexOptions.CultureInvariant)]
    private static partial Regex PartSeparator();
}
