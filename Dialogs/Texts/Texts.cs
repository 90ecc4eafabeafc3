using System.Reflection;
using System.Text.Json;

namespace VssBot.Dialogs.Texts;

/// <summary>
/// The Vietnamese texts students read, loaded from the embedded <c>Texts/*.json</c> files (flat key → text).
/// Placeholders are named: <c>{name}</c>. A missing key is a bug, so it throws.
/// </summary>
public sealed class BotTexts
{
    private readonly IReadOnlyDictionary<string, string> _texts;

    public BotTexts(IReadOnlyDictionary<string, string> texts) => _texts = texts;

    public static BotTexts LoadEmbedded()
    {
        var assembly = typeof(BotTexts).Assembly;
        var texts = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames().Where(n => n.StartsWith("Texts/", StringComparison.Ordinal) && n.EndsWith(".json", StringComparison.Ordinal)).Order())
        {
            using var stream = assembly.GetManifestResourceStream(name)!;
            var file = JsonSerializer.Deserialize<Dictionary<string, string>>(stream) ?? [];
            foreach (var (key, value) in file)
                if (!key.StartsWith('$') && !texts.TryAdd(key, value.Normalize(System.Text.NormalizationForm.FormC)))
                    throw new InvalidOperationException($"Text key '{key}' is defined twice ({name}).");
        }
        return new BotTexts(texts);
    }

    public IEnumerable<string> Keys => _texts.Keys;

    public bool Contains(string key) => _texts.ContainsKey(key);

    public string this[string key] => _texts.TryGetValue(key, out var text) ? text : throw new KeyNotFoundException($"No text for key '{key}'.");

    public string? Find(string key) => _texts.GetValueOrDefault(key);

    /// <summary>The text with its <c>{placeholders}</c> filled from the arguments.</summary>
    public string Format(string key, params (string Name, object? Value)[] args) => Fill(this[key], args);

    public static string Fill(string template, params (string Name, object? Value)[] args)
    {
        foreach (var (name, value) in args)
            template = template.Replace("{" + name + "}", Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal);
        return template;
    }
}
