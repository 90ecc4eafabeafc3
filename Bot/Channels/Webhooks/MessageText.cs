using System.Text;
using Microsoft.Bot.Schema;

namespace VssBot.Bot.Channels.Webhooks;

/// <summary>Text rules shared by the chat platforms: length limits and choices written out as a numbered list.</summary>
public static class MessageText
{
    private static readonly string[] SentenceEnds = [". ", "! ", "? ", "… ", ".\n", "!\n", "?\n", ": "];

    /// <summary>
    /// Splits <paramref name="text"/> into parts of at most <paramref name="maxLength"/> characters, cutting at
    /// a paragraph, a line, a sentence end, a space, in that order of preference; a word longer than the
    /// limit is cut (never inside a surrogate pair, so an emoji stays whole).
    /// </summary>
    public static IReadOnlyList<string> Split(string text, int maxLength)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(maxLength, 2);
        var parts = new List<string>();
        var rest = text.Trim();
        while (rest.Length > maxLength)
        {
            var cut = CutAt(rest, maxLength);
            var part = rest[..cut].TrimEnd();
            if (part.Length > 0)
                parts.Add(part);
            rest = rest[cut..].TrimStart();
        }
        if (rest.Length > 0)
            parts.Add(rest);
        return parts;
    }

    private static int CutAt(string text, int maxLength)
    {
        var window = text.AsSpan(0, maxLength);
        var floor = maxLength / 3; // a cut too early makes many tiny messages: rather cut a sentence
        var paragraph = window.LastIndexOf("\n\n", StringComparison.Ordinal);
        if (paragraph >= floor)
            return paragraph + 1;
        var line = window.LastIndexOf('\n');
        if (line >= floor)
            return line + 1;
        var sentence = -1;
        foreach (var end in SentenceEnds)
            sentence = Math.Max(sentence, window.LastIndexOf(end));
        if (sentence >= floor)
            return sentence + 1;
        var space = window.LastIndexOf(' ');
        if (space > 0)
            return space + 1;
        return char.IsHighSurrogate(text[maxLength - 1]) ? maxLength - 1 : maxLength;
    }

    /// <summary>
    /// "1. Đã cài rồi" … appended to the text: the bot understands a typed number as that choice. Nothing is appended when
    /// the text already lists the choices that way (the office list); a title that carries its own number ("3. Số CCCD")
    /// is written as it is.
    /// </summary>
    public static string WithNumberedChoices(string? text, IReadOnlyList<CardAction> actions)
    {
        if (ListsChoices(text, actions))
            return text!;
        var list = new StringBuilder(text?.TrimEnd() ?? "");
        if (list.Length > 0)
            list.Append('\n');
        for (var i = 0; i < actions.Count; i++)
            list.Append('\n').Append(NumberedTitle(actions[i], i));
        return list.ToString();
    }

    /// <summary>How a choice is listed: its title when it starts with its own number ("3. Số CCCD"), else "{position}. {title}".</summary>
    public static string NumberedTitle(CardAction action, int index) =>
        OwnNumber(action) is not null ? TitleOf(action) : $"{index + 1}. {TitleOf(action)}";

    /// <summary>The choice a typed number picks: the one whose own number it is, else the one at that position.</summary>
    public static CardAction? ChosenByNumber(IReadOnlyList<CardAction> actions, string typed)
    {
        if (!int.TryParse(typed.Trim(), out var number))
            return null;
        if (actions.Any(a => OwnNumber(a) is not null))
            return actions.FirstOrDefault(a => OwnNumber(a) == number);
        return number >= 1 && number <= actions.Count ? actions[number - 1] : null;
    }

    /// <summary>Whether every choice already has its own line "{position}. {title}…" in the text.</summary>
    public static bool ListsChoices(string? text, IReadOnlyList<CardAction> actions)
    {
        if (string.IsNullOrEmpty(text) || actions.Count == 0)
            return false;
        var lines = text.Split('\n');
        return actions.Select((a, i) => $"{i + 1}. {TitleOf(a)}").All(item => lines.Any(l => l.TrimStart().StartsWith(item, StringComparison.Ordinal)));
    }

    private static int? OwnNumber(CardAction action)
    {
        var title = TitleOf(action);
        var dot = title.IndexOf(". ", StringComparison.Ordinal);
        return dot is > 0 and <= 3 && int.TryParse(title.AsSpan(0, dot), out var number) ? number : null;
    }

    /// <summary>What a button shows: its title, else its value.</summary>
    public static string TitleOf(CardAction action) => action.Title ?? action.Value?.ToString() ?? "";

    /// <summary>What choosing a button sends back as the student's message: its value, else its title.</summary>
    public static string ValueOf(CardAction action) => action.Value?.ToString() ?? action.Title ?? "";

    /// <summary>The content type of an image the platform only gave a URL for: from the file extension, else image/*.</summary>
    public static string ImageContentType(string url)
    {
        var path = Uri.TryCreate(url, UriKind.Absolute, out var uri) ? uri.AbsolutePath : url;
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jpg" or ".jpeg" => "image/jpeg",
            ".png" => "image/png",
            ".gif" => "image/gif",
            ".webp" => "image/webp",
            ".heic" => "image/heic",
            _ => "image/*",
        };
    }
}
