namespace VssBot.Bot.Declarations.Contracts;

/// <summary>
/// One confirmed Form 01, normalised, as the school's registry receives it (the body of
/// <c>POST /registry/v1/declarations</c>). Personal data: never log it.
/// </summary>
/// <param name="StudentId">"{channelId}/{userId}": whose declaration it is.</param>
/// <param name="Channel">The channel the student used (emulator, webchat, messenger…).</param>
/// <param name="ReceiptNumber">Human-readable receipt shown to the student ("VSS-20261125-7K3Q").</param>
/// <param name="CreatedAt">When the student tapped "Ghi nhận".</param>
/// <param name="SocialInsuranceNumber">The legacy 10-digit social-insurance code, when the student gave one.</param>
/// <param name="PersonalId">The 12-digit personal ID (số định danh cá nhân), when known.</param>
/// <param name="Mobile">E.164 (+84…).</param>
/// <param name="StartDate">ISO 8601 date the electronic transactions start.</param>
/// <param name="TransactionChannel">"portal" (Cổng TTĐT BHXH Việt Nam) or "ivan".</param>
/// <param name="SubmissionMethod">"office" (at the reception desk) or "post" (public postal service).</param>
public sealed record DeclarationContent(
    string StudentId,
    string Channel,
    string ReceiptNumber,
    DateTimeOffset CreatedAt,
    string FormVersion,
    string FullName,
    string? SocialInsuranceNumber,
    string? PersonalId,
    IdDocument IdDocument,
    ContactAddress Address,
    IdPhotoReferences? IdPhotos,
    string ContactPerson,
    string? Email,
    string Mobile,
    DateOnly StartDate,
    string TransactionChannel,
    bool CommitmentAccepted,
    ReceivingOffice ReceivingOffice,
    string SubmissionMethod);
