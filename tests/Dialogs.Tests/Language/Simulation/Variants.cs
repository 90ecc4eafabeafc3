using System.Globalization;
using System.Text;
using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Tests.Language.Simulation;

/// <summary>A way of typing a canonical answer, and the answer typed that way.</summary>
public sealed record Variant(string Label, string Text);

/// <summary>
/// Expands a canonical answer into the ways students type it (issue 9): diacritics stripped, Telex/VNI leftovers,
/// teen code, polite particles, keyboard-adjacent typos (only in the words around a value, never inside it), spacing
/// and dots in numbers, numbers dictated to voice typing. Seeded: the same seed gives the same variants.
/// </summary>
public sealed class Variants(int seed)
{
    private readonly Random _random = new(seed);

    public T Pick<T>(IReadOnlyList<T> items) => items[_random.Next(items.Count)];

    public bool Chance(double p) => _random.NextDouble() < p;

    /// <summary>Every labelled variant of a sentence made of a lead-in, a value and a tail (the value is never altered).</summary>
    public IEnumerable<Variant> Around(string leadIn, string value, string tail = "")
    {
        string Join(string l, string v, string t) => $"{l}{(l.Length > 0 ? " " : "")}{v}{(t.Length > 0 ? " " : "")}{t}".Trim();
        yield return new Variant("canonical", Join(leadIn, value, tail));
        yield return new Variant("no-diacritics", Join(Strip(leadIn), value, Strip(tail)));
        yield return new Variant("teen-code", Join(TeenCode(leadIn), value, TeenCode(tail)));
        yield return new Variant("telex", Join(Telex(leadIn), value, Telex(tail)));
        yield return new Variant("particles", Join("dạ " + leadIn, value, tail + " ạ"));
        yield return new Variant("typo", Join(Typo(leadIn), value, tail));
    }

    /// <summary>A 10 or 12-digit number as students type it.</summary>
    public IEnumerable<Variant> Number(string digits)
    {
        yield return new Variant("digits", digits);
        yield return new Variant("groups-of-3", Group(digits, 3, " "));
        yield return new Variant("groups-of-4", Group(digits, 4, " "));
        yield return new Variant("dots", Group(digits, 3, "."));
        yield return new Variant("dashes", Group(digits, 4, "-"));
        yield return new Variant("voice", Spoken(digits));
        yield return new Variant("voice-no-diacritics", Strip(Spoken(digits)));
    }

    public static string Strip(string text) => VietnameseText.StripDiacritics(text);

    /// <summary>Digits as dictated: "0912…" → "không chín một hai…", in groups with commas.</summary>
    public static string Spoken(string digits)
    {
        string[] words = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"];
        var sb = new StringBuilder();
        for (var i = 0; i < digits.Length; i++)
        {
            if (i > 0) sb.Append(i % 4 == 0 ? ", " : " ");
            sb.Append(words[digits[i] - '0']);
        }
        return sb.ToString();
    }

    public static string Group(string digits, int size, string separator)
    {
        var parts = new List<string>();
        for (var i = 0; i < digits.Length; i += size) parts.Add(digits.Substring(i, Math.Min(size, digits.Length - i)));
        return string.Join(separator, parts);
    }

    private static readonly (string Word, string Teen)[] TeenWords =
    [
        ("không", "ko"), ("được", "đc"), ("số điện thoại", "sđt"), ("em", "e"), ("mình", "mk"), ("của", "cua"), ("rồi", "r"),
        ("căn cước công dân", "cccd"), ("bảo hiểm xã hội", "bhxh"), ("biết", "bít"), ("với", "vs"),
    ];

    public static string TeenCode(string text)
    {
        foreach (var (word, teen) in TeenWords)
            text = System.Text.RegularExpressions.Regex.Replace(text, $@"(?<!\p{{L}}){word}(?!\p{{L}})", teen);
        return text;
    }

    /// <summary>Each word with diacritics typed in Telex with the keyboard's Vietnamese mode off: "đúng" → "ddungs".</summary>
    public static string Telex(string text) => string.Join(' ', text.Split(' ').Select(TelexWord));

    public static string TelexWord(string word)
    {
        if (!VietnameseText.HasDiacritics(word) || word.Any(char.IsDigit)) return word;
        var sb = new StringBuilder();
        char? tone = null;
        foreach (var c in word.Normalize(NormalizationForm.FormD))
        {
            switch (c)
            {
                case '\u0301': tone = 's'; break;
                case '\u0300': tone = 'f'; break;
                case '\u0309': tone = 'r'; break;
                case '\u0303': tone = 'x'; break;
                case '\u0323': tone = 'j'; break;
                case '\u0302': sb.Append(sb[^1]); break;          // â ê ô → aa ee oo
                case '\u0306': sb.Append('w'); break;             // ă → aw
                case '\u031B': sb.Append('w'); break;             // ơ ư → ow uw
                case 'đ': sb.Append("dd"); break;
                case 'Đ': sb.Append("DD"); break;
                default: sb.Append(c); break;
            }
        }
        if (tone is { } t) sb.Append(t);
        return sb.ToString().Normalize(NormalizationForm.FormC);
    }

    private static readonly string[] KeyboardRows = ["qwertyuiop", "asdfghjkl", "zxcvbnm"];

    /// <summary>One letter of the longest plain word replaced by a neighbour on the keyboard.</summary>
    public string Typo(string text)
    {
        var words = text.Split(' ');
        var candidates = Enumerable.Range(0, words.Length).Where(i => words[i].Length >= 4 && words[i].All(char.IsAsciiLetterLower)).ToList();
        if (candidates.Count == 0) return text;
        var index = Pick(candidates);
        var word = words[index].ToCharArray();
        var at = 1 + _random.Next(word.Length - 2);
        var row = KeyboardRows.First(r => r.Contains(word[at]));
        var pos = row.IndexOf(word[at]);
        word[at] = row[pos > 0 ? pos - 1 : pos + 1];
        words[index] = new string(word);
        return string.Join(' ', words);
    }

    public static string Date(DateOnly date, string format) => date.ToString(format, CultureInfo.InvariantCulture);
}
