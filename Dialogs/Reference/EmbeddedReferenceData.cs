using System.Text.Json;

namespace VssBot.Dialogs.Reference;

/// <summary>Reads the data files embedded from Reference/Data (logical names "Reference/&lt;file&gt;").</summary>
internal static class EmbeddedReferenceData
{
    public static Stream Open(string fileName)
    {
        var name = "Reference/" + fileName;
        return typeof(EmbeddedReferenceData).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidDataException($"Embedded resource '{name}' is missing.");
    }

    public static JsonDocument ReadJson(string fileName)
    {
        using var stream = Open(fileName);
        return JsonDocument.Parse(stream);
    }

    public static string ReadText(string fileName)
    {
        using var reader = new StreamReader(Open(fileName));
        return reader.ReadToEnd();
    }
}
