namespace VssBot.Dialogs.Language;

/// <summary>
/// How a value was read from a message. Only a clear reading is stored as it is; anything else is confirmed
/// with one short question with buttons, or offered as choices.
/// </summary>
public enum Certainty
{
    /// <summary>The message is the value, as stored ("0912345678").</summary>
    Exact,
    /// <summary>The value with spaces, dots or a country code to remove ("0912.345.678", "+84 912…").</summary>
    Normalised,
    /// <summary>The value found inside a sentence ("sđt em là 0912345678 ạ").</summary>
    Extracted,
    /// <summary>Read through a guess: voice-typed digits, a typo corrected.</summary>
    Fuzzy,
    /// <summary>The student took back a first value in the same message ("… à nhầm, … mới đúng"): the last one.</summary>
    Corrected,
    /// <summary>Two or more values and no way to tell which ("1/12 hoặc 2/12").</summary>
    Several,
    /// <summary>The student is not sure ("hình như", "chắc là", "để em xem lại") or asks back ("…, đúng không?").</summary>
    Hedged,
    /// <summary>Only someone else's value was given ("số của bố em …").</summary>
    SomeoneElse,
}

public static class CertaintyExtensions
{
    /// <summary>The student gave this value as theirs (maybe to be confirmed).</summary>
    public static bool IsAnswer(this Certainty certainty) => certainty is not (Certainty.Several or Certainty.Hedged or Certainty.SomeoneElse);

    /// <summary>The value is only taken after the student confirms it (or picks it among several).</summary>
    public static bool NeedsConfirmation(this Certainty certainty) => certainty is Certainty.Fuzzy or Certainty.Corrected or Certainty.Several or Certainty.Hedged;
}
