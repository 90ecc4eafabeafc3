using System.Collections.Frozen;

namespace VssBot.Dialogs.Language;

/// <summary>
/// Vietnamese mobile prefixes as published by the carriers (docs/domain.md, "Validation rules").
/// Numbers keep their prefix when moving carriers, so the carrier is only a hint.
/// </summary>
public static class MobilePrefixes
{
    /// <summary>Three-digit national prefix ("091") → carrier name.</summary>
    public static IReadOnlyDictionary<string, string> All { get; } = Build(
        ("Viettel", ["032", "033", "034", "035", "036", "037", "038", "039", "086", "096", "097", "098"]),
        ("VinaPhone", ["081", "082", "083", "084", "085", "088", "091", "094"]),
        ("MobiFone", ["070", "076", "077", "078", "079", "089", "090", "093"]),
        ("Vietnamobile", ["052", "056", "058", "092"]),
        ("Gmobile", ["059", "099"]),
        ("Itelecom", ["087"]),
        ("Reddi", ["055"]));

    /// <summary>The carrier that issued a national number's prefix ("0912345678" → "VinaPhone"), or null.</summary>
    public static string? CarrierOf(string nationalNumber) =>
        nationalNumber.Length >= 3 ? All.GetValueOrDefault(nationalNumber[..3]) : null;

    private static FrozenDictionary<string, string> Build(params (string Carrier, string[] Prefixes)[] carriers) =>
        carriers.SelectMany(c => c.Prefixes.Select(p => (p, c.Carrier))).ToFrozenDictionary(x => x.p, x => x.Carrier);
}
