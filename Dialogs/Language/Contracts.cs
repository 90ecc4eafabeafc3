// Public shapes of the Vietnamese understanding layer. Dialogs depend only on these.
namespace VssBot.Dialogs.Language;

/// <summary>Answer to a yes/no question. DontKnow ("không biết", "chưa có") is kept apart from No.</summary>
public enum YesNo { Yes, No, DontKnow }

/// <summary>One option of a choice question: a stable value, the title shown on the button, extra words that select it.</summary>
public sealed record ChoiceOption(string Value, string Title, IReadOnlyList<string>? Synonyms = null);

/// <summary>Result of matching free text against choices: a unique index, or candidates to ask back about.</summary>
public sealed record ChoiceMatch(int? Index, IReadOnlyList<int> Candidates)
{
    public static ChoiceMatch None { get; } = new(null, []);
    public bool IsMatch => Index is not null;
    public bool IsAmbiguous => Index is null && Candidates.Count > 1;
}

public enum IdDocumentKind { PersonalId, Passport, ExpiredCmnd }

/// <summary>
/// Reading of an identity document number. Problem/warning strings are text keys (Vietnamese texts in Texts/language.vi.json; all keys in TextKeys),
/// e.g. "id.invalid", "id.cmnd_expired", "id.unknown_province", "id.birth_year_mismatch".
/// </summary>
public sealed record IdDocumentReading(
    bool IsValid, IdDocumentKind? Kind, string? Number, string? ProblemKey,
    IReadOnlyList<string> WarningKeys, int? BirthYear, string? BirthProvince,
    Certainty Certainty = Certainty.Exact, IReadOnlyList<string>? Candidates = null)
{
    /// <summary>A valid number the student gave as theirs without doubt (it may still need a confirmation).</summary>
    public bool IsAnswer => IsValid && Certainty.IsAnswer();
}

public enum SocialInsuranceNumberKind { SocialInsuranceCode10, PersonalId12 }

/// <summary>The "Mã số BHXH" answer: the legacy 10-digit code or, since 2025, the 12-digit personal ID.</summary>
public sealed record SocialInsuranceNumberReading(bool IsValid, SocialInsuranceNumberKind? Kind, string? Number, string? ProblemKey,
    Certainty Certainty = Certainty.Exact, IReadOnlyList<string>? Candidates = null)
{
    public bool IsAnswer => IsValid && Certainty.IsAnswer();
}

/// <summary>A Vietnamese mobile number: E.164 to store, the usual 10-digit form to read back. ProblemKey e.g. "phone.landline", "phone.invalid".</summary>
public sealed record PhoneReading(bool IsValid, string? E164, string? Display, string? ProblemKey,
    Certainty Certainty = Certainty.Exact, IReadOnlyList<string>? Candidates = null)
{
    public bool IsAnswer => IsValid && Certainty.IsAnswer();
}

/// <summary>An email address; Suggestion holds a corrected address for common domain typos ("gmial.com").</summary>
public sealed record EmailReading(bool IsValid, string? Address, string? Suggestion, Certainty Certainty = Certainty.Exact)
{
    public bool IsAnswer => Address is not null && Certainty.IsAnswer();
}

/// <summary>A person's full name, title-cased, with the student's own diacritics kept.</summary>
/// <summary>A full name; <paramref name="Certainty"/> says whether the student took a first name back or is unsure (then it is confirmed).</summary>
public sealed record NameReading(bool IsValid, string? Name, bool HasDiacritics, Certainty Certainty = Certainty.Exact);

public enum IntentKind { None, Help, Cancel, Back, Restart, Progress, Human, Correct, Greeting, Thanks, WhatIsVssId, Install }

/// <summary>A command or small talk recognised at any prompt. FieldKey is set for Correct ("sửa số điện thoại" → "phone").</summary>
public sealed record Intent(IntentKind Kind, string? FieldKey = null)
{
    public static Intent None { get; } = new(IntentKind.None);
}
