using VssBot.Bot.Declarations.Contracts;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>
/// Turns the answers of a confirmed Form 01 (what each field's Value and Data hold: Dialogs/Form01/Fields) into the
/// registry's <see cref="DeclarationContent"/>. A missing answer becomes an empty value, which the registry refuses
/// with 400: the outbox then stops instead of guessing.
/// </summary>
public static class DeclarationContentMapper
{
    public static DeclarationContent Map(ConfirmedDeclaration declaration, string receiptNumber)
    {
        var answers = declaration.Answers;
        string Value(string key) => answers.GetValueOrDefault(key)?.Value ?? "";
        string Data(string key, string item) => answers.GetValueOrDefault(key)?.Data.GetValueOrDefault(item) ?? "";
        string? Optional(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

        var insuranceKind = Data("socialInsuranceNumber", "kind");
        var documentType = Optional(Data("idDocument", "kind")) ?? "personalId";
        var personalId = insuranceKind == "personalId" ? Value("socialInsuranceNumber")
            : documentType == "personalId" ? Optional(Value("idDocument")) : null;
        var photos = answers.GetValueOrDefault("idPhotos");
        var office = answers.GetValueOrDefault("office");

        return new DeclarationContent(
            StudentId: declaration.StudentKey.ToString(),
            Channel: declaration.ChannelId,
            ReceiptNumber: receiptNumber,
            CreatedAt: declaration.ConfirmedAt,
            FormVersion: declaration.FormVersion,
            FullName: Value("fullName"),
            SocialInsuranceNumber: insuranceKind == "socialInsuranceCode" ? Value("socialInsuranceNumber") : null,
            PersonalId: personalId,
            IdDocument: new IdDocument(documentType, Value("idDocument")),
            Address: new ContactAddress(Data("address", "provinceCode"), Data("address", "provinceName"), Data("address", "communeCode"),
                Data("address", "communeName"), Data("address", "detail"), Data("address", "dataSetVersion")),
            IdPhotos: photos is null || photos.Data.Count == 0 ? null
                : new IdPhotoReferences(Optional(Data("idPhotos", "front.url")), Optional(Data("idPhotos", "back.url"))),
            ContactPerson: Value("contactPerson"),
            Email: Optional(Value("email")),
            Mobile: Value("phone"),
            StartDate: DateOnly.TryParseExact(Value("startDate"), "yyyy-MM-dd", out var start) ? start : default,
            TransactionChannel: Value("channel"),
            CommitmentAccepted: Value("commitment") == "accepted",
            ReceivingOffice: new ReceivingOffice(Value("office"), Data("office", "name"), Optional(Data("office", "address")), Optional(Data("office", "phone"))),
            SubmissionMethod: Value("submissionMethod"));
    }
}
