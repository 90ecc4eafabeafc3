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
        var paragraph = window.LastIndexOf("\n\n");
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

    /// <summary>"1. Đã cài rồi" … appended to the text: the bot understands a typed number as that choice.</summary>
    public static string WithNumberedChoices(string? text, IReadOnlyList<CardAction> actions)
    {
        var list = new StringBuilder(text?.TrimEnd() ?? "");
        if (list.Length > 0)
            list.Append('\n');
        for (var i = 0; i < actions.Count; i++)
            list.Append('\n').Append(i + 1).Append(". ").Append(TitleOf(actions[i]));
        return list.ToString();
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
