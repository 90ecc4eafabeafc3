using Microsoft.Bot.Builder;
using VssBot.Dialogs.Journey;

namespace VssBot.Dialogs.Conversation;

/// <summary>The student's profile and the clock for one turn, placed in the turn state by <see cref="StudentBot"/>.</summary>
public sealed class StudentSession(StudentProfile profile, TimeProvider clock)
{
    /// <summary>Vietnam has one time zone and no daylight saving: a fixed offset is exact.</summary>
    public static readonly TimeSpan VietnamOffset = TimeSpan.FromHours(7);

    public StudentProfile Profile { get; } = profile;
    public TimeProvider Clock { get; } = clock;
    public DateTimeOffset Now => Clock.GetUtcNow();
    public DateOnly Today => DateOnly.FromDateTime(Now.ToOffset(VietnamOffset).DateTime);

    /// <summary>The journey over the stored record (a journey borrows a configured machine per call: cheap to create).</summary>
    public StudentJourney Journey => new(Profile.Journey, Clock);

    /// <summary>
    /// Its key in the turn state. Short on purpose: Bot Framework's turn state hashes keys culture-aware (ICU), and the
    /// dialogs look the session up many times per turn (its type's full name as key was 3.5% of a turn's running time).
    /// </summary>
    public const string TurnStateKey = "vss.session";

    public static StudentSession From(ITurnContext turnContext)
        => turnContext.TurnState.Get<StudentSession>(TurnStateKey) ?? throw new InvalidOperationException("No StudentSession in this turn.");
}
