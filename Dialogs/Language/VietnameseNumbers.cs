using System.Collections.Frozen;

namespace VssBot.Dialogs.Language;

/// <summary>Small numbers written as words or ordinals in folded Vietnamese: "mot", "hai", "thu nhat", "muoi hai".</summary>
public static class VietnameseNumbers
{
    private static readonly FrozenDictionary<string, int> Units = new Dictionary<string, int>
    {
        ["khong"] = 0, ["mot"] = 1, ["nhat"] = 1, ["hai"] = 2, ["nhi"] = 2, ["ba"] = 3, ["bon"] = 4, ["tu"] = 4,
        ["nam"] = 5, ["lam"] = 5, ["sau"] = 6, ["bay"] = 7, ["tam"] = 8, ["chin"] = 9, ["muoi"] = 10, ["mươi"] = 10,
        ["gieng"] = 1, ["chap"] = 12, ["one"] = 1, ["two"] = 2, ["three"] = 3, ["four"] = 4, ["five"] = 5,
        ["first"] = 1, ["second"] = 2, ["third"] = 3,
    }.ToFrozenDictionary();

    /// <summary>
    /// Reads folded words as a number from 0 to 99: digits ("12"), words ("muoi hai" = 12, "hai muoi" = 20),
    /// ordinals ("nhat" = 1, "tu" = 4). Null when the words are not a number.
    /// </summary>
    public static int? Parse(IReadOnlyList<string> words)
    {
        if (words.Count == 1 && int.TryParse(words[0], out var n) && words[0].All(char.IsAsciiDigit) && words[0].Length <= 4) return n;
        if (words.Count is 0 or > 3 || words.Any(w => !Units.ContainsKey(w))) return null;
        var values = words.Select(w => Units[w]).ToList();
        return values switch
        {
            [var one] => one,
            [10, var unit] when unit is > 0 and < 10 => 10 + unit,      // muoi hai = 12
            [var tens, 10] when tens is > 1 and < 10 => tens * 10,       // hai muoi = 20
            [var tens, 10, var unit] when tens is > 1 and < 10 && unit is > 0 and < 10 => tens * 10 + unit,
            _ => null,
        };
    }
}
