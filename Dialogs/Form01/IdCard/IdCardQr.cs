namespace VssBot.Dialogs.Form01.IdCard;

/// <summary>Which card the QR code was printed on: it tells on which side the code is (see CCCD-QR.md).</summary>
public enum IdCardKind
{
    /// <summary>Thẻ Căn cước công dân gắn chip (Thông tư 06/2021/TT-BCA), issued 2021 to 30/6/2024: QR code on the front.</summary>
    ChipCccd2021,
    /// <summary>Thẻ Căn cước (Thông tư 16/2024/TT-BCA), issued from 1/7/2024: QR code on the back.</summary>
    CanCuoc2024,
}

/// <summary>
/// The values of an ID card's QR code that passed every check (<see cref="IdCardQrParser"/>). Personal data: never logged.
/// </summary>
public sealed record IdCardQr(string Number, string? FormerCmnd, string FullName, DateOnly BirthDate, bool IsFemale, string Address, DateOnly IssueDate)
{
    /// <summary>The first day the căn cước card (QR on the back) was issued.</summary>
    public static readonly DateOnly CanCuocSince = new(2024, 7, 1);

    public IdCardKind Kind => IssueDate >= CanCuocSince ? IdCardKind.CanCuoc2024 : IdCardKind.ChipCccd2021;

    /// <summary>"front" or "back": the side of the card that carries the QR code, so the side the photo shows.</summary>
    public string QrSide => Kind == IdCardKind.CanCuoc2024 ? "back" : "front";
}

/// <summary>Why a QR text was not taken: not an ID card's code at all, or a card's code whose values fail the checks.</summary>
public enum IdCardQrProblem { NotIdCard, Malformed, FailsChecks }

/// <summary>The card when every check passed, otherwise the problem.</summary>
public sealed record IdCardQrReading(IdCardQr? Card, IdCardQrProblem? Problem)
{
    public static IdCardQrReading Of(IdCardQrProblem problem) => new(null, problem);
}
