using System.Text.RegularExpressions;
using VssBot.Bot.Declarations.Contracts;

namespace VssBot.Bot.Declarations.Registry;

/// <summary>
/// What the registry refuses with 400: missing required fields and wrong formats (docs/domain.md, "Validation rules").
/// Error messages name the field and the rule, never the value (it is personal data).
/// </summary>
public static partial class DeclarationValidator
{
    public static Dictionary<string, string[]> Validate(string? idempotencyKey, DeclarationContent? content)
    {
        var errors = new Dictionary<string, string[]>();
        void Check(bool ok, string field, string message)
        {
            if (!ok) errors[field] = [.. errors.GetValueOrDefault(field) ?? [], message];
        }

        Check(!string.IsNullOrWhiteSpace(idempotencyKey) && idempotencyKey.Length <= 200, "Idempotency-Key", "The Idempotency-Key header is required (at most 200 characters).");
        if (content is null)
        {
            Check(false, "body", "A declaration (JSON) is required.");
            return errors;
        }

        Check(Filled(content.StudentId), "studentId", "Required.");
        Check(Filled(content.Channel), "channel", "Required.");
        Check(content.ReceiptNumber is not null && ReceiptPattern().IsMatch(content.ReceiptNumber), "receiptNumber", "Required, like VSS-20261125-7K3Q.");
        Check(content.CreatedAt != default, "createdAt", "Required (ISO 8601 date and time).");
        Check(Filled(content.FormVersion), "formVersion", "Required.");
        Check(Filled(content.FullName), "fullName", "Required.");
        Check(content.SocialInsuranceNumber is not null || content.PersonalId is not null, "socialInsuranceNumber", "A social-insurance code or a personal ID is required.");
        Check(content.SocialInsuranceNumber is null || SocialInsuranceCodePattern().IsMatch(content.SocialInsuranceNumber), "socialInsuranceNumber", "10 digits.");
        Check(content.PersonalId is null || PersonalIdPattern().IsMatch(content.PersonalId), "personalId", "12 digits.");
        Check(content.IdDocument is { Type: "personalId" or "passport" }, "idDocument.type", "personalId or passport.");
        Check(content.IdDocument is { Type: "personalId", Number: { } n } ? PersonalIdPattern().IsMatch(n)
            : content.IdDocument is { Type: "passport", Number: { } p } && PassportPattern().IsMatch(p), "idDocument.number", "12 digits for a personal ID, 6–9 capital letters or digits for a passport.");
        var address = content.Address;
        Check(address is not null, "address", "Required.");
        if (address is not null)
        {
            Check(Filled(address.ProvinceCode) && Filled(address.ProvinceName), "address.province", "Province code and name are required.");
            Check(Filled(address.CommuneCode) && Filled(address.CommuneName), "address.commune", "Commune code and name are required.");
            Check(Filled(address.Detail), "address.detail", "Required (house number, street, hamlet).");
            Check(Filled(address.DataSetVersion), "address.dataSetVersion", "Required: commune codes were reused in 2025.");
        }
        Check(Filled(content.ContactPerson), "contactPerson", "Required.");
        Check(content.Email is null or "" || EmailPattern().IsMatch(content.Email), "email", "An ASCII e-mail address, or none.");
        Check(content.Mobile is not null && MobilePattern().IsMatch(content.Mobile), "mobile", "A Vietnamese mobile in E.164 (+84 and 9 digits).");
        Check(content.StartDate != default, "startDate", "Required (ISO 8601 date).");
        Check(content.TransactionChannel is "portal" or "ivan", "transactionChannel", "portal or ivan.");
        Check(content.CommitmentAccepted, "commitmentAccepted", "The commitment must be accepted.");
        Check(content.ReceivingOffice is { Id.Length: > 0, Name.Length: > 0 }, "receivingOffice", "The office id and name are required.");
        Check(content.SubmissionMethod is "office" or "post", "submissionMethod", "office or post.");
        return errors;
    }

    public static Dictionary<string, string[]> Validate(DeclarationStatusUpdate? update)
    {
        var errors = new Dictionary<string, string[]>();
        if (update is null || !DeclarationStatus.Updatable.Contains(update.Status))
            errors["status"] = [$"One of {string.Join(", ", DeclarationStatus.Updatable)}."];
        else if (update.Status == DeclarationStatus.Rejected && string.IsNullOrWhiteSpace(update.Reason))
            errors["reason"] = ["Required when the declaration is rejected."];
        return errors;
    }

    private static bool Filled(string? value) => !string.IsNullOrWhiteSpace(value);

    [GeneratedRegex(@"^VSS-\d{8}-[0-9A-Z]{4,}$")]
    private static partial Regex ReceiptPattern();
    [GeneratedRegex(@"^\d{10}$")]
    private static partial Regex SocialInsuranceCodePattern();
    [GeneratedRegex(@"^\d{12}$")]
    private static partial Regex PersonalIdPattern();
    [GeneratedRegex(@"^[A-Z0-9]{6,9}$")]
    private static partial Regex PassportPattern();
    [GeneratedRegex(@"^\+84\d{9}$")]
    private static partial Regex MobilePattern();
    [GeneratedRegex(@"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9.\-]+\.[A-Za-z]{2,}$")]
    private static partial Regex EmailPattern();
}
