using VssBot.Dialogs.Journey;

namespace VssBot.Dialogs.Conversation;

/// <summary>A new declaration after expiry or refusal: the answers are kept, a new start date and a new commitment are asked.</summary>
public static class Redeclaration
{
    public static bool Start(StudentSession session)
    {
        if (!session.Journey.TryFire(JourneyTrigger.Redeclare)) return false;
        session.Profile.Form.Answers.Remove("startDate");
        session.Profile.Form.Answers.Remove("commitment");
        session.Profile.Journey.OfficeVisitReportedAt = null;
        session.Profile.Journey.RemindersSent.Clear();
        return true;
    }
}
