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

    public string Source { get; }
    public string Version { get; }
    public IReadOnlyList<FieldDefinition> Fields { get; }

    public FieldDefinition this[string key] => Find(key) ?? throw new KeyNotFoundException($"Form 01 has no field '{key}'.");

    public FieldDefinition? Find(string key) => Fields.FirstOrDefault(f => f.Key == key);

    public int IndexOf(string key) => Fields.ToList().FindIndex(f => f.Key == key);

    /// <summary>Field key → the words that name it, for the intent recognizer.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Aliases => Fields.ToDictionary(f => f.Key, f => f.Aliases);

    public static Form01Definition LoadEmbedded()
    {
        using var stream = typeof(Form01Definition).Assembly.GetManifestResourceStream("Form01/form01-fields.json")
            ?? throw new InvalidOperationException("Embedded resource Form01/form01-fields.json is missing.");
        var file = JsonSerializer.Deserialize<DefinitionFile>(stream, JsonOptions) ?? throw new InvalidOperationException("Empty Form 01 definition.");
        return new Form01Definition(file.Source, file.Version, file.Fields);
    }

    private sealed record DefinitionFile(string Source, string Version, List<FieldDefinition> Fields);
}
