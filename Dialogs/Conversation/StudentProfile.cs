using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Journey;

namespace VssBot.Dialogs.Conversation;

/// <summary>
/// Everything the bot keeps about one student between turns and days (user state): the journey,
/// consent, the install platform, Form 01 answers, and requests for a person.
/// </summary>
public sealed class StudentProfile
{
    public JourneyRecord Journey { get; set; } = new();
    public bool Greeted { get; set; }
    /// <summary>When the student agreed to the processing of personal data for Form 01 (Decree 13/2023, PDP Law 2025).</summary>
    public DateTimeOffset? ConsentGivenAt { get; set; }
    public bool ConsentGiven => ConsentGivenAt is not null;
    /// <summary>"android" or "ios", once the student says which phone they use.</summary>
    public string? Platform { get; set; }
    public Form01Answers Form { get; set; } = new();
    /// <summary>The student id the student gave (the school's roster key), when the campaign asks for it.</summary>
    public string? StudentId { get; set; }
    /// <summary>The student said "bỏ qua" to the student id question: it is not asked again.</summary>
    public bool StudentIdSkipped { get; set; }
    public List<Escalation> Escalations { get; set; } = [];
    /// <summary>The student's answer to «Mình nhắc bạn qua email nữa nhé?» after "Ghi nhận" (null: not asked or not answered).</summary>
    public bool? EmailReminders { get; set; }
    /// <summary>A command waiting for one more answer ("làm lại từ đầu" → are you sure? "sửa" → which field?).</summary>
    public PendingCommand PendingCommand { get; set; }
}

/// <summary>A moment the bot could not help on its own: a hotline agent should look (the agent console lists it until handed back).</summary>
public sealed record Escalation(EscalationReason Reason, string? QuestionKey, DateTimeOffset At);

public enum EscalationReason { StudentAskedForPerson, MaxAttemptsReached }

public enum PendingCommand { None, ConfirmRestart, ChooseFieldToCorrect, EmailReminders }
