using Microsoft.Bot.Schema;

namespace VssBot.Dialogs.Runtime;

/// <summary>A choice offered as a button (suggested action) and recognised from typed text.</summary>
public sealed class Choice
{
    public Choice() { }
    public Choice(string value, string? title = null, IEnumerable<string>? synonyms = null)
    {
        Value = value;
        Title = title ?? value;
        Synonyms = synonyms?.ToList() ?? [];
    }

    public string Value { get; set; } = "";
    public string Title { get; set; } = "";
    public List<string> Synonyms { get; set; } = [];

    /// <summary>Whether the text picks this choice (its title, value or a synonym; diacritics, typos as for a choice prompt).</summary>
    public bool IsChosenBy(string text) => VssBot.Dialogs.Language.ChoiceRecognizer.Recognize(text, [ChoicePrompt.ToOption(this)]).IsMatch;
}

public sealed record FoundChoice(string Value, int Index);

/// <summary>
/// What a prompt says, kept with the dialog stack while it waits: its text and its own buttons, if any. A whole
/// <see cref="Activity"/> used to be kept here; rows stored that way read into this (only these two fields were ever
/// set), and the JSON names are the activity's, so an earlier version reads these rows too. Storing two fields instead
/// of an activity's ~45 is a fifth less to write and read per turn (issue 12).
/// </summary>
public sealed class PromptText
{
    public PromptText() { }

    public PromptText(string text) => Text = text;

    [Newtonsoft.Json.JsonProperty("text")]
    public string? Text { get; set; }

    [Newtonsoft.Json.JsonProperty("suggestedActions")]
    public SuggestedActions? SuggestedActions { get; set; }
}

/// <summary>What a prompt asks, how it asks again, its choices and how many failed attempts it tolerates.</summary>
public sealed class PromptOptions
{
    public PromptText? Prompt { get; set; }
    public PromptText? RetryPrompt { get; set; }
    public List<Choice> Choices { get; set; } = [];
    /// <summary>Which question this is (e.g. "field:phone"): help, progress and escalations key on it.</summary>
    /// <remarks>Stored as "Validations" (its old name): conversations saved before the rename resume at the same question.</remarks>
    [Newtonsoft.Json.JsonProperty("Validations")]
    public string? QuestionKey { get; set; }
    /// <summary>Extra data a validator needs (e.g. the province chosen before a commune question).</summary>
    public Dictionary<string, string> Properties { get; set; } = [];
    /// <summary>What "trợ giúp" says at this question when it differs from the field's own help (a step inside a field).</summary>
    public string? Help { get; set; }
    /// <summary>Failed attempts before the bot offers help and a person; null takes the prompt's default.</summary>
    public int? MaxAttempts { get; set; }
}
