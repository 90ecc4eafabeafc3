using System.Text.Json;

namespace VssBot.Dialogs.Form01;

/// <summary>Form 01's fields in the portal's order, with the source and version of the definition.</summary>
public sealed class Form01Definition
{
    private static readonly JsonSerializerOptions JsonOptions = new() { PropertyNameCaseInsensitive = true };

    public Form01Definition(string source, string version, IReadOnlyList<FieldDefinition> fields)
    {
        Source = source;
        Version = version;
        Fields = fields;
    }

    /// <summary>Numbers the fields by their order and puts the number into each question ("Câu {number}: {prompt}").</summary>
    private static IReadOnlyList<FieldDefinition> Numbered(IReadOnlyList<FieldDefinition> fields, string? questionFormat)
        => fields.Select((f, i) => f with
        {
            Number = i + 1,
            Prompt = questionFormat is null ? f.Prompt
                : questionFormat.Replace("{number}", (i + 1).ToString(System.Globalization.CultureInfo.InvariantCulture)).Replace("{prompt}", f.Prompt),
        }).ToList();

    public string Source { get; }
    public string Version { get; }
    public IReadOnlyList<FieldDefinition> Fields { get; }

    public FieldDefinition this[string key] => Find(key) ?? throw new KeyNotFoundException($"Form 01 has no field '{key}'.");

    public FieldDefinition? Find(string key) => Fields.FirstOrDefault(f => f.Key == key);

    public int IndexOf(string key) => Fields.ToList().FindIndex(f => f.Key == key);

    /// <summary>How many questions the form asks ("Có 13 mục").</summary>
    public int Count => Fields.Count;

    /// <summary>Field key → the words that name it, for the intent recognizer.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases => Fields.ToDictionary(f => f.Key, f => f.Aliases);

    public static Form01Definition LoadEmbedded()
    {
        using var stream = typeof(Form01Definition).Assembly.GetManifestResourceStream("Form01/form01-fields.json")
            ?? throw new InvalidOperationException("Embedded resource Form01/form01-fields.json is missing.");
        var file = JsonSerializer.Deserialize<DefinitionFile>(stream, JsonOptions) ?? throw new InvalidOperationException("Empty Form 01 definition.");
        return new Form01Definition(file.Source, file.Version, Numbered(file.Fields, file.QuestionFormat));
    }

    private sealed record DefinitionFile(string Source, string Version, string? QuestionFormat, List<FieldDefinition> Fields);
}
