namespace VssBot.Bot.Printing;

/// <summary>The printable Form 01 (links, page and PDF). Bound from the "Printing" section.</summary>
public sealed class PrintingOptions
{
    public const string SectionName = "Printing";

    /// <summary>
    /// Base64 of 32 random bytes signing the links (<c>openssl rand -base64 32</c>), the same on every replica. Empty: derived
    /// from <c>DataProtection:Key</c>, or with neither from the development key generated next to the SQLite file.
    /// </summary>
    public string? LinkKey { get; set; }

    /// <summary>How long a long "/forms/" link opens the form; short "/p/" links open until the office-visit deadline day ends.</summary>
    public TimeSpan LinkLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>
    /// The address students reach the bot at (https://bot.example.edu.vn); links are "{PublicBaseUrl}/p/{receipt}-{tag}". Required in
    /// Production; empty elsewhere: the address the student's request came in at.
    /// </summary>
    public string? PublicBaseUrl { get; set; }

    /// <summary>A TrueType font with Vietnamese glyphs, embedded in the PDF (Debian: fonts-dejavu-core).</summary>
    public string FontPath { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";

    /// <summary>The bold face of the same family, for the title and the deadline.</summary>
    public string BoldFontPath { get; set; } = "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf";
}
