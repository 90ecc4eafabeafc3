using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Journey;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs.Tests.Conversation;

public class DeadlineRemindersTests
{
    private static readonly DateTimeOffset DeclaredAt = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero); // 10:00 in Vietnam

    private static (DeadlineReminders Reminders, StudentProfile Profile, ManualClock Clock) Setup()
    {
        var texts = BotTexts.LoadEmbedded();
        var campaign = new CampaignSettings();
        var profile = new StudentProfile();
        foreach (var (key, answer) in SeedAnswers.All) profile.Form.Set(key, answer);
        profile.Journey.State = JourneyState.WaitingForOfficeVisit;
        profile.Journey.DeclaredAt = DeclaredAt;
        return (new DeadlineReminders(texts, campaign, new DeclarationNextSteps(texts, campaign)), profile, new ManualClock(DeclaredAt));
    }

    private static DueReminder? On(int day, (DeadlineReminders Reminders, StudentProfile Profile, ManualClock Clock) s)
    {
        s.Clock.Now = DeclaredAt.AddDays(day);
        return s.Reminders.TakeDue(s.Profile.Journey, s.Profile, s.Clock.Now, s.Clock);
    }

    [Fact]
    public void Reminders_come_on_day_7_and_day_9_once_each_and_day_10_expires_the_journey()
    {
        var s = Setup();
        Assert.Null(On(6, s));
        var seventh = On(7, s);
        Assert.Equal(7, seventh!.Day);
        Assert.Contains("còn 3 ngày", seventh.Text);
        Assert.Contains("hạn chót 04/12/2026", seventh.Text);
        Assert.Contains("BHXH cơ sở Sơn Tây", seventh.Text);
        Assert.Null(On(7, s));
        Assert.Null(On(8, s));
        Assert.Contains("còn 1 ngày", On(9, s)!.Text);
        Assert.Null(On(9, s));
        var tenth = On(10, s);
        Assert.True(tenth!.Expires);
        Assert.Equal(JourneyState.Expired, s.Profile.Journey.State);
        Assert.Null(On(11, s));
    }

    [Fact]
    public void Peeking_changes_nothing_until_the_host_marks_the_reminder_as_delivered()
    {
        var s = Setup();
        var now = DeclaredAt.AddDays(7);
        var due = s.Reminders.Peek(s.Profile.Journey, s.Profile, now);
        Assert.Equal((7, 3, new DateOnly(2026, 12, 4)), (due!.Day, due.DaysLeft, due.Deadline));
        Assert.Contains("Sơn Tây", due.Office);
        Assert.Empty(s.Profile.Journey.RemindersSent);
        Assert.Equal(7, s.Reminders.Peek(s.Profile.Journey, s.Profile, now)!.Day); // not delivered: still due

        s.Reminders.MarkSent(s.Profile.Journey, due.Day);
        Assert.Null(s.Reminders.Peek(s.Profile.Journey, s.Profile, now));
        Assert.True(s.Reminders.Peek(s.Profile.Journey, s.Profile, DeclaredAt.AddDays(10))!.Expires);
        Assert.Equal(JourneyState.WaitingForOfficeVisit, s.Profile.Journey.State); // peeking at the expiry does not expire
    }

    [Fact]
    public void A_student_back_after_a_week_gets_one_reminder_not_two()
    {
        var s = Setup();
        Assert.Equal(9, On(9, s)!.Day);
        Assert.Null(On(9, s));
    }

    [Fact]
    public void A_student_who_said_the_paper_is_handed_in_is_not_reminded()
    {
        var s = Setup();
        s.Profile.Journey.OfficeVisitReportedAt = DeclaredAt.AddDays(2);
        Assert.Null(On(7, s));
        Assert.Null(On(9, s));
    }
}
