using PdfSharp.Fonts;

namespace VssBot.Bot.Printing;

/// <summary>
/// PDFsharp's font resolver on Linux (it finds no system fonts there): the family name asked for is the path of a TrueType
/// file (<see cref="PrintingOptions.FontPath"/>), read from disk. Stateless, so the one instance PDFsharp keeps for the
/// whole process serves every host whatever its configuration.
/// </summary>
public sealed class FontFileResolver : IFontResolver
{
    /// <summary>PDFsharp's resolver is process-wide and must always be given the same instance.</summary>
    public static readonly FontFileResolver Instance = new();

    private static readonly Lock Gate = new();

    private FontFileResolver() { }

    /// <summary>Installs <see cref="Instance"/> as PDFsharp's resolver (once per process).</summary>
    public static void Install()
    {
        lock (Gate)
        {
            if (GlobalFontSettings.FontResolver is not FontFileResolver)
                GlobalFontSettings.FontResolver = Instance;
        }
    }

    /// <summary>Throws a clear error when the configured font is not there (Debian: <c>apt-get install fonts-dejavu-core</c>).</summary>
    public static void EnsureExists(string path)
    {
        if (!Path.IsPathFullyQualified(path) || !File.Exists(path))
            throw new FontFileMissingException(path);
    }

    public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic)
    {
        EnsureExists(familyName);
        return new FontResolverInfo(familyName);
    }

    public byte[]? GetFont(string faceName)
    {
        EnsureExists(faceName);
        return File.ReadAllBytes(faceName);
    }
}

public sealed class FontFileMissingException(string path) : FileNotFoundException(
    $"The font for the printable Form 01 PDF is missing: '{path}'. Install a TrueType font with Vietnamese glyphs "
    + "(Debian: apt-get install fonts-dejavu-core) or set Printing:FontPath and Printing:BoldFontPath to absolute paths of one.", path);
