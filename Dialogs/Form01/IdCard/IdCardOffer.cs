namespace VssBot.Dialogs.Form01.IdCard;

/// <summary>
/// The card values offered to the student and not yet accepted ("Dùng các thông tin này nhé?"), kept between turns in
/// <see cref="Form01Answers.IdCardOffer"/> (encrypted state, like every answer). Dropped as soon as the student answers
/// anything else: nothing is half-filled.
/// </summary>
public sealed class IdCardOffer
{
    public string Number { get; set; } = "";
    public string FullName { get; set; } = "";
    public string Address { get; set; } = "";
    public int BirthYear { get; set; }
    public string? BirthProvince { get; set; }
    /// <summary>"front" or "back": the side of the card the photo shows (the side with the QR code).</summary>
    public string QrSide { get; set; } = "front";
    /// <summary>Where the channel keeps the photo (never the image itself).</summary>
    public Dictionary<string, string> Photo { get; set; } = [];
    /// <summary>The student chose "Sửa": after filling, ask which value to correct.</summary>
    public bool EditAfter { get; set; }
    /// <summary>The field whose typed value disagrees with the card, asked about now.</summary>
    public string? AskingAbout { get; set; }
    /// <summary>Fields settled after a disagreement (the card's value or the typed one).</summary>
    public List<string> Decided { get; set; } = [];
    /// <summary>Fields where the student's typed value stays.</summary>
    public List<string> KeepTyped { get; set; } = [];

    public static IdCardOffer From(IdCardQr card, Dictionary<string, string> photo) => new()
    {
        Number = card.Number,
        FullName = card.FullName,
        Address = card.Address,
        BirthYear = card.BirthDate.Year,
        BirthProvince = VssBot.Dialogs.Language.BirthProvinces.NameOf(card.Number[..3]),
        QrSide = card.QrSide,
        Photo = photo,
    };
}
