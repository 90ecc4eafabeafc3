using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Journey;

namespace VssBot.Dialogs.Conversation;

/// <summary>Where a student is on the way to Form 01, as a key that says nothing about them (the drop-off funnel, traces).</summary>
public static class FormProgress
{
    /// <summary>The step of a student before Form 01 whose consent is not given (declined or not answered).</summary>
    public const string ConsentStep = MainDialog.ConsentQuestion;

    /// <summary>
    /// The first Form 01 question not answered yet ("phone"), while the student is on the form; without consent the
    /// student has not reached the form: <see cref="ConsentStep"/>. Null elsewhere in the journey.
    /// </summary>
    public static string? NextStep(StudentProfile? profile, Form01Definition form) =>
        profile?.Journey.State is JourneyState.Installed or JourneyState.Declaring
        || profile?.Journey.State == JourneyState.WithPerson && profile.Journey.StateBeforePerson is JourneyState.Installed or JourneyState.Declaring
            ? profile!.ConsentGiven ? form.Fields.FirstOrDefault(f => !profile.Form.Answers.ContainsKey(f.Key))?.Key : ConsentStep
            : null;
}
