namespace VssBot.Dialogs.Form01;

/// <summary>One Form 01 field as described in <c>Form01/Data/form01-fields.json</c>: everything the generic question needs.</summary>
public sealed record FieldDefinition
{
    public required string Key { get; init; }
    /// <summary>The label printed on the official form (paper, PDF, registry).</summary>
    public required string Label { get; init; }
    /// <summary>How a person says it in chat ("Họ tên" for "Tên cơ quan/tổ chức/cá nhân"): the summary, read-backs, menus.</summary>
    public string? ChatLabel { get; init; }
    /// <summary>The position in the form, from 1 (set from the order of the fields in the file).</summary>
    public int Number { get; init; }
    /// <summary><see cref="ChatLabel"/>, or the official label when the file gives none.</summary>
    public string Title => ChatLabel ?? Label;
    /// <summary>"3. Số CCCD/hộ chiếu": the title with the number the summary shows, for menus where a typed number picks it.</summary>
    public string NumberedTitle => $"{Number}. {Title}";
    /// <summary>Which reader or dialog understands the answer (name, phone, choice, address…).</summary>
    public required string Kind { get; init; }
    public bool Required { get; init; } = true;
    public required string Prompt { get; init; }
    public required string Example { get; init; }
    public required string Retry { get; init; }
    public required string Help { get; init; }
    /// <summary>Words a student uses to name this field ("sđt" → phone), for corrections like "sửa sđt".</summary>
    public IReadOnlyList<string> Aliases { get; init; } = [];
    public IReadOnlyList<FieldChoice> Choices { get; init; } = [];
}

/// <summary>An option of a choice field. A discouraged option (I-VAN) is explained and the preferred one proposed.</summary>
public sealed record FieldChoice
{
    public required string Value { get; init; }
    public required string Title { get; init; }
    /// <summary>The wording printed on the form, when it differs from the short button title.</summary>
    public string? Summary { get; init; }
    public IReadOnlyList<string> Synonyms { get; init; } = [];
    public string? DiscouragedKey { get; init; }
    public string? Preferred { get; init; }
}
