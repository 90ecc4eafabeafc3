using VssBot.Bot.Declarations.Contracts;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>
/// Turns a confirmed Form 01 (<see cref="Form01Declaration"/>, read from the answers) into the registry's
/// <see cref="DeclarationContent"/>. A missing answer becomes an empty value, which the registry refuses
/// with 400: the outbox then stops instead of guessing.
/// </summary>
public static class DeclarationContentMapper
{
    public static DeclarationContent Map(ConfirmedDeclaration declaration, string receiptNumber)
    {
        var form = Form01Declaration.From(declaration.Answers);
        return new DeclarationContent(
            StudentId: declaration.StudentKey.ToString(),
            Channel: declaration.ChannelId,
            ReceiptNumber: receiptNumber,
            CreatedAt: declaration.ConfirmedAt,
            FormVersion: declaration.FormVersion,
            FullName: form.FullName,
            SocialInsuranceNumber: form.SocialInsuranceNumber.IsPersonalId ? null : form.SocialInsuranceNumber.Number,
            PersonalId: form.PersonalId,
            IdDocument: new IdDocument(form.IdDocument.Kind, form.IdDocument.Number),
            Address: new ContactAddress(form.Address.ProvinceCode, form.Address.ProvinceName, form.Address.CommuneCode,
                form.Address.CommuneName, form.Address.Detail, form.Address.DataSetVersion),
            IdPhotos: form.IdPhotos is { } photos ? new IdPhotoReferences(photos.FrontUrl, photos.BackUrl) : null,
            ContactPerson: form.ContactPerson,
            Email: form.Email,
            Mobile: form.Mobile,
            StartDate: form.StartDate ?? default,
            TransactionChannel: form.TransactionChannel,
            CommitmentAccepted: form.CommitmentAccepted,
            ReceivingOffice: new ReceivingOffice(form.Office?.Code ?? "", form.Office?.Name ?? "", form.Office?.Address, form.Office?.Phone),
            SubmissionMethod: form.SubmissionMethod);
    }
}
