using System.Globalization;

namespace VssBot.Dialogs.Form01;

/// <summary>
/// The student's Form 01 as typed values, read once from the answers (what each field's reader stored in
/// <see cref="FieldAnswer.Value"/> and <see cref="FieldAnswer.Data"/>): the one place that knows those keys. The registry
/// client, the printable form, the follow-up messages and the agent console read this record, not the answers.
/// A field not answered yet is empty (null or ""), never guessed.
/// </summary>
public sealed record Form01Declaration(
    string FullName,
    DeclaredInsuranceNumber SocialInsuranceNumber,
    DeclaredIdDocument IdDocument,
    DeclaredAddress Address,
    DeclaredIdPhotos? IdPhotos,
    string ContactPerson,
    string? Email,
    string Mobile,
    string MobileDisplay,
    DateOnly? StartDate,
    string TransactionChannel,
    bool CommitmentAccepted,
    DeclaredOffice? Office,
    string SubmissionMethod)
{
    /// <summary>The field keys of <c>form01-fields.json</c> this record reads.</summary>
    public static class Keys
    {
        public const string FullName = "fullName";
        public const string SocialInsuranceNumber = "socialInsuranceNumber";
        public const string IdDocument = "idDocument";
        public const string Address = "address";
        public const string IdPhotos = "idPhotos";
        public const string ContactPerson = "contactPerson";
        public const string Email = "email";
        public const string Phone = "phone";
        public const string StartDate = "startDate";
        public const string Channel = "channel";
        public const string Commitment = "commitment";
        public const string Office = "office";
        public const string SubmissionMethod = "submissionMethod";
    }

    public bool ByPost => SubmissionMethod == "post";

    /// <summary>The 12-digit personal id when the student gave one (as the insurance number or as the id document).</summary>
    public string? PersonalId => SocialInsuranceNumber.IsPersonalId ? SocialInsuranceNumber.Number
        : IdDocument.Kind == DeclaredIdDocument.PersonalId && IdDocument.Number.Length > 0 ? IdDocument.Number : null;

    public static Form01Declaration From(Form01Answers answers) => From(answers.Answers);

    public static Form01Declaration From(IReadOnlyDictionary<string, FieldAnswer> answers)
    {
        string Value(string key) => answers.GetValueOrDefault(key)?.Value ?? "";
        string Data(string key, string item) => answers.GetValueOrDefault(key)?.Data.GetValueOrDefault(item) ?? "";
        string? Optional(string value) => string.IsNullOrWhiteSpace(value) ? null : value;

        var photos = answers.GetValueOrDefault(Keys.IdPhotos);
        var office = answers.GetValueOrDefault(Keys.Office);
        return new Form01Declaration(
            FullName: Value(Keys.FullName),
            SocialInsuranceNumber: new DeclaredInsuranceNumber(Value(Keys.SocialInsuranceNumber), Data(Keys.SocialInsuranceNumber, "kind")),
            IdDocument: new DeclaredIdDocument(Optional(Data(Keys.IdDocument, "kind")) ?? DeclaredIdDocument.PersonalId, Value(Keys.IdDocument)),
            Address: new DeclaredAddress(Data(Keys.Address, "provinceCode"), Data(Keys.Address, "provinceName"), Data(Keys.Address, "communeCode"),
                Data(Keys.Address, "communeName"), Data(Keys.Address, "detail"), Data(Keys.Address, "dataSetVersion")),
            IdPhotos: photos is null || photos.Data.Count == 0 ? null
                : new DeclaredIdPhotos(Optional(Data(Keys.IdPhotos, "front.url")), Optional(Data(Keys.IdPhotos, "back.url"))),
            ContactPerson: Value(Keys.ContactPerson),
            Email: Optional(Value(Keys.Email)),
            Mobile: Value(Keys.Phone),
            MobileDisplay: answers.GetValueOrDefault(Keys.Phone)?.Display ?? "",
            StartDate: DateOnly.TryParseExact(Value(Keys.StartDate), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var start) ? start : null,
            TransactionChannel: Value(Keys.Channel),
            CommitmentAccepted: Value(Keys.Commitment) == "accepted",
            Office: office is null ? null : new DeclaredOffice(office.Value, Optional(Data(Keys.Office, "name")) ?? office.Display,
                Optional(Data(Keys.Office, "address")), Optional(Data(Keys.Office, "phone")), Optional(Data(Keys.Office, "hours"))),
            SubmissionMethod: Value(Keys.SubmissionMethod));
    }
}

/// <param name="Kind">"personalId" (12 digits, since 1/8/2025) or "socialInsuranceCode" (the old 10-digit code).</param>
public sealed record DeclaredInsuranceNumber(string Number, string Kind)
{
    public bool IsPersonalId => Kind == "personalId";
}

/// <param name="Kind">"personalId" (căn cước/CCCD) or "passport".</param>
public sealed record DeclaredIdDocument(string Kind, string Number)
{
    public const string PersonalId = "personalId";
}

/// <summary>The contact address in the two-level units (from 1/7/2025), with the data set it was read against.</summary>
public sealed record DeclaredAddress(string ProvinceCode, string ProvinceName, string CommuneCode, string CommuneName, string Detail, string DataSetVersion);

public sealed record DeclaredIdPhotos(string? FrontUrl, string? BackUrl);

/// <summary>The social-insurance office chosen to receive the paper form.</summary>
public sealed record DeclaredOffice(string Code, string Name, string? Address, string? Phone, string? Hours);
