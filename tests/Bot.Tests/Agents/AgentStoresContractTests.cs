using Microsoft.Bot.Schema;
using VssBot.Bot.Agents;
using VssBot.Bot.Agents.Audit;
using VssBot.Bot.Agents.Auth;
using VssBot.Bot.Agents.Directory;
using VssBot.Bot.Agents.School;
using VssBot.Bot.Storage;
using VssBot.Bot.Tests.Storage;

namespace VssBot.Bot.Tests.Agents;

/// <summary>
/// What the agents' and school's stores do, run on SQLite and PostgreSQL; "another replica" = a new instance on the same data.
/// </summary>
public abstract class AgentStoresContractTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);

    protected abstract IStudentDirectoryStore Directory();
    protected abstract ITranscriptStore Transcript();
    protected abstract IAuditStore Audit();
    protected abstract IRosterStore Roster();
    protected abstract ISettingsStore Settings();
    protected abstract ISignInStore SignIns();

    private static ConversationReference Reference(string user) => new()
    {
        ChannelId = "zalo", User = new ChannelAccount(user, "Phạm Thu Hà"), Conversation = new ConversationAccount(id: user), ServiceUrl = "https://oa.zalo.me/",
    };

    private static Func<DateTimeOffset?, DirectoryTurn> Turn(DateTimeOffset at, string? escalation = null, string? studentId = null, string? next = null,
        List<DateTimeOffset?>? seen = null) => resolvedAt =>
    {
        seen?.Add(resolvedAt);
        return new DirectoryTurn(at, "Declaring", escalation, escalation is null ? null : "phone", escalation is null ? null : at, next, studentId);
    };

    [Fact]
    public async Task A_turn_upserts_the_row_links_the_roster_case_insensitively_and_reports_the_previous_escalation()
    {
        await Roster().UpsertAsync([new RosterStudent("SV2024001", "Phạm Thu Hà", "K68A", "Kinh tế", "Cô Lan")], default);
        var directory = Directory();
        Assert.Null(await directory.RecordTurnAsync("zalo/u1", Reference("u1"), Turn(Now, studentId: "sv2024001", next: "phone"), default));
        Assert.Null(await directory.RecordTurnAsync("zalo/u1", Reference("u1"), Turn(Now.AddMinutes(1), "StudentAskedForPerson"), default));
        Assert.Equal("StudentAskedForPerson", await Directory().RecordTurnAsync("zalo/u1", Reference("u1"), Turn(Now.AddMinutes(2), "StudentAskedForPerson"), default));

        var entry = await Directory().FindAsync("zalo/u1", default);
        Assert.NotNull(entry);
        Assert.Equal(("zalo", "u1", "Phạm Thu Hà", Now.AddMinutes(2)), (entry.ChannelId, entry.Reference.User.Id, entry.Reference.User.Name, entry.LastActivity));
        Assert.Equal((WaitingReason.StudentAskedForPerson, "phone", Now.AddMinutes(2)), (entry.Waiting!.Value, entry.QuestionKey, entry.WaitingSince!.Value));
        Assert.Equal("SV2024001", entry.RosterId);
        Assert.Null(await Directory().FindAsync("zalo/nobody", default));
        Assert.True(await directory.LinkAsync("zalo/u1", null, default));
        Assert.Null((await directory.FindAsync("zalo/u1", default))!.RosterId);
        Assert.False(await directory.LinkAsync("zalo/nobody", "SV2024001", default));
    }

    [Fact]
    public async Task Turns_recorded_together_apply_in_order_as_if_recorded_one_by_one()
    {
        // What the recorder writes in one go: two turns of one student (the second sees the first's escalation) and another student's.
        var before = await Directory().RecordTurnsAsync(
        [
            new StudentTurn("zalo/u1", Reference("u1"), Turn(Now, "StudentAskedForPerson")),
            new StudentTurn("zalo/u2", Reference("u2"), Turn(Now)),
            new StudentTurn("zalo/u1", Reference("u1"), Turn(Now.AddMinutes(1), next: "email")),
        ], default);

        Assert.Equal([null, null, "StudentAskedForPerson"], before);
        var u1 = (await Directory().FindAsync("zalo/u1", default))!;
        Assert.Equal((Now.AddMinutes(1), (WaitingReason?)null), (u1.LastActivity, u1.Waiting));
        Assert.Equal(Now, (await Directory().FindAsync("zalo/u2", default))!.LastActivity);

        await Transcript().AppendAsync(
        [
            new TranscriptEntry("zalo/u1", [(Sender.Student, "một"), (Sender.Bot, "hai")], Now),
            new TranscriptEntry("zalo/u2", [], Now),
            new TranscriptEntry("zalo/u1", [(Sender.Student, "ba")], Now.AddMinutes(1)),
            new TranscriptEntry("zalo/u2", [(Sender.Student, "bốn")], Now.AddMinutes(1)),
        ], keep: 2, default);

        Assert.Equal(["ba", "hai"], (await Transcript().NewestAsync("zalo/u1", 10, default)).Select(l => l.Text));
        Assert.Equal(["bốn"], (await Transcript().NewestAsync("zalo/u2", 10, default)).Select(l => l.Text));
        Assert.Empty(await Directory().RecordTurnsAsync([], default));
    }

    [Fact]
    public async Task A_conversation_is_held_by_one_agent_across_replicas_and_a_hand_back_closes_its_wait()
    {
        var directory = Directory();
        await directory.RecordTurnAsync("zalo/u1", Reference("u1"), Turn(Now, "MaxAttemptsReached"), default);
        var replicas = Enumerable.Range(0, 6).Select(_ => Directory()).ToList();
        var claims = await Task.WhenAll(replicas.Select((r, i) => r.TryClaimAsync("zalo/u1", $"agent{i}", Now.AddMinutes(1), default)));
        Assert.Single(claims, taken => taken);
        var holder = $"agent{Array.IndexOf(claims, true)}";

        Assert.False(await directory.ReleaseAsync("zalo/u1", "someone-else", Now.AddMinutes(2), resolved: true, default));
        var held = Assert.Single(await directory.QueueAsync(oldestFirst: true, default));
        Assert.Equal((holder, Now.AddMinutes(1)), (held.HeldBy, held.HeldSince!.Value));

        Assert.True(await directory.ReleaseAsync("zalo/u1", holder, Now.AddMinutes(3), resolved: true, default));
        Assert.Empty(await directory.QueueAsync(oldestFirst: true, default));
        var seen = new List<DateTimeOffset?>();
        await Directory().RecordTurnAsync("zalo/u1", Reference("u1"), Turn(Now.AddMinutes(4), seen: seen), default);
        Assert.Equal([Now.AddMinutes(3)], seen);
    }

    [Fact]
    public async Task The_queue_lists_waiting_and_held_rows_in_waiting_order_and_next_fields_are_listed()
    {
        var directory = Directory();
        await directory.RecordTurnAsync("zalo/late", Reference("late"), Turn(Now.AddMinutes(5), "StudentAskedForPerson"), default);
        await directory.RecordTurnAsync("zalo/early", Reference("early"), Turn(Now, "Rejected"), default);
        await directory.RecordTurnAsync("zalo/calm", Reference("calm"), Turn(Now.AddMinutes(9), next: "email"), default);

        Assert.Equal(["zalo/early", "zalo/late"], (await directory.QueueAsync(oldestFirst: true, default)).Select(e => e.StudentKey));
        Assert.Equal(["zalo/late", "zalo/early"], (await directory.QueueAsync(oldestFirst: false, default)).Select(e => e.StudentKey));
        Assert.Equal(["zalo/calm", "zalo/late", "zalo/early"], (await Directory().AllAsync(default)).Select(e => e.StudentKey));
        Assert.Equal(["email"], await directory.NextFieldsAsync(default));
    }

    [Fact]
    public async Task A_transcript_keeps_the_last_lines_in_order_and_reads_them_back_newest_first()
    {
        var transcript = Transcript();
        await transcript.AppendAsync("zalo/u1", [(Sender.Student, "xin chào"), (Sender.Bot, "Chào bạn"), (Sender.Student, "0912 345 678")], Now, keep: 4, default);
        await transcript.AppendAsync("zalo/u1", [(Sender.Agent, "Mình là Lan"), (Sender.Student, "dạ")], Now.AddMinutes(1), keep: 4, default);
        await transcript.AppendAsync("zalo/u2", [(Sender.Student, "khác")], Now, keep: 4, default);

        var lines = await Transcript().NewestAsync("zalo/u1", 10, default);
        Assert.Equal(["dạ", "Mình là Lan", "0912 345 678", "Chào bạn"], lines.Select(l => l.Text));
        Assert.Equal([Sender.Student, Sender.Agent, Sender.Student, Sender.Bot], lines.Select(l => l.Sender));
        Assert.Equal(Now.AddMinutes(1), lines[0].At);
        Assert.Equal(["dạ"], (await transcript.NewestAsync("zalo/u1", 1, default)).Select(l => l.Text));
    }

    [Fact]
    public async Task Retention_deletes_idle_unheld_rows_and_old_transcript_lines_and_keeps_recent_or_held_ones()
    {
        var (directory, transcript) = (Directory(), Transcript());
        await directory.RecordTurnAsync("zalo/old", Reference("old"), Turn(Now.AddDays(-91)), default);
        await directory.RecordTurnAsync("zalo/held", Reference("held"), Turn(Now.AddDays(-91), "StudentAskedForPerson"), default);
        Assert.True(await directory.TryClaimAsync("zalo/held", "lan", Now.AddDays(-91), default));
        await directory.RecordTurnAsync("zalo/recent", Reference("recent"), Turn(Now.AddDays(-2)), default);
        await transcript.AppendAsync("zalo/old", [(Sender.Student, "0912 345 678")], Now.AddDays(-91), keep: 10, default);
        await transcript.AppendAsync("zalo/recent", [(Sender.Student, "cũ")], Now.AddDays(-91), keep: 10, default);
        await transcript.AppendAsync("zalo/recent", [(Sender.Student, "mới")], Now.AddDays(-2), keep: 10, default);

        var cutoff = Now.AddDays(-90);
        Assert.Equal(1, await directory.DeleteIdleBeforeAsync(cutoff, default));
        Assert.Equal(2, await transcript.DeleteBeforeAsync(cutoff, default));

        Assert.Null(await Directory().FindAsync("zalo/old", default));
        Assert.NotNull(await Directory().FindAsync("zalo/held", default));
        Assert.NotNull(await Directory().FindAsync("zalo/recent", default));
        Assert.Empty(await Transcript().NewestAsync("zalo/old", 10, default));
        Assert.Equal(["mới"], (await Transcript().NewestAsync("zalo/recent", 10, default)).Select(l => l.Text));
    }

    [Fact]
    public async Task The_audit_log_is_newest_first_and_filters_by_student()
    {
        var audit = Audit();
        await audit.AppendAsync(Now, "lan", ["zalo/u1", "zalo/u2"], "export", default);
        await audit.AppendAsync(Now.AddMinutes(1), "minh", ["zalo/u1"], "reveal:idDocument", default);

        Assert.Equal([("minh", "zalo/u1", "reveal:idDocument"), ("lan", "zalo/u2", "export"), ("lan", "zalo/u1", "export")],
            (await Audit().NewestAsync(10, null, default)).Select(e => (e.UserName, e.StudentKey, e.Action)));
        var mine = await audit.NewestAsync(10, "zalo/u2", default);
        Assert.Equal([(Now, "lan")], mine.Select(e => (e.At, e.UserName)));
        Assert.Single(await audit.NewestAsync(1, null, default));
    }

    [Fact]
    public async Task The_roster_counts_new_and_updated_students_and_lists_by_faculty_class_and_id()
    {
        var roster = Roster();
        Assert.Equal((2, 0), await roster.UpsertAsync([new("SV2", "B", "K1", "Luật", "T"), new("SV1", "A", "K2", "Kinh tế", "T")], default));
        Assert.Equal((1, 1), await Roster().UpsertAsync([new("SV2", "B mới", "K1", "Luật", "T"), new("SV3", "C", "K1", "Kinh tế", "T")], default));
        Assert.Equal((0, 0), await roster.UpsertAsync([], default));

        Assert.Equal("SV3", await roster.FindIdAsync("SV3", default));
        Assert.Equal("SV3", await roster.FindIdAsync("sv3", default)); // staff type ids in any case
        Assert.Null(await roster.FindIdAsync("SV9", default));
        Assert.Equal([("SV3", "C"), ("SV1", "A"), ("SV2", "B mới")], (await roster.AllAsync(default)).Select(s => (s.StudentId, s.FullName)));
    }

    [Fact]
    public async Task A_setting_saved_on_one_replica_is_read_on_another()
    {
        Assert.Null(await Settings().GetAsync("campaign", default));
        await Settings().SetAsync("campaign", """{"Hotline":"1900 9068"}""", default);
        await Settings().SetAsync("campaign", """{"Hotline":"024 3936 8888"}""", default);
        Assert.Equal("""{"Hotline":"024 3936 8888"}""", await Settings().GetAsync("campaign", default));
    }

    private static TimeSpan Doubling(int earlierLockouts) => TimeSpan.FromMinutes(1 << earlierLockouts);

    [Fact]
    public async Task A_sign_out_on_one_replica_moves_the_generation_every_replica_reads_and_only_for_that_account()
    {
        Assert.Equal(0, await SignIns().GenerationAsync("an", default));
        await SignIns().SignOutAsync("an", default);
        await SignIns().SignOutAsync("an", default);

        Assert.Equal(2, await SignIns().GenerationAsync("an", default));
        Assert.Equal(0, await SignIns().GenerationAsync("binh", default));
        await SignIns().RecordFailureAsync("an", 5, Doubling, Now, default); // failures leave the generation alone
        Assert.Equal(2, await SignIns().GenerationAsync("an", default));
    }

    [Fact]
    public async Task Failures_spread_over_replicas_lock_the_account_at_the_fifth_with_doubling_lockouts_and_a_success_clears_them()
    {
        var replicas = new[] { SignIns(), SignIns() };
        for (var i = 0; i < 4; i++)
            await replicas[i % 2].RecordFailureAsync("binh", 5, Doubling, Now, default);
        Assert.Null(await SignIns().LockedUntilAsync("binh", default));

        await replicas[0].RecordFailureAsync("binh", 5, Doubling, Now, default);
        Assert.Equal(Now.AddMinutes(1), await replicas[1].LockedUntilAsync("binh", default));
        for (var i = 0; i < 5; i++)
            await replicas[i % 2].RecordFailureAsync("binh", 5, Doubling, Now.AddMinutes(2), default);
        Assert.Equal(Now.AddMinutes(4), await SignIns().LockedUntilAsync("binh", default)); // second lockout: 2 minutes

        await replicas[1].ClearFailuresAsync("binh", default);
        Assert.Null(await SignIns().LockedUntilAsync("binh", default));
        for (var i = 0; i < 5; i++)
            await replicas[0].RecordFailureAsync("binh", 5, Doubling, Now.AddMinutes(10), default);
        Assert.Equal(Now.AddMinutes(11), await SignIns().LockedUntilAsync("binh", default)); // earlier lockouts forgotten
        Assert.Null(await SignIns().LockedUntilAsync("an", default));
    }

    [Fact]
    public async Task Failures_recorded_at_the_same_instant_on_five_replicas_are_each_counted_once()
    {
        var replicas = Enumerable.Range(0, 5).Select(_ => SignIns()).ToList();
        await Task.WhenAll(Enumerable.Range(0, 10).Select(i => replicas[i % 5].RecordFailureAsync("cuc", 5, Doubling, Now, default)));

        // Ten failures: two lockouts, the second one 2 minutes long.
        Assert.Equal(Now.AddMinutes(2), await SignIns().LockedUntilAsync("cuc", default));
    }
}

public sealed class SqliteAgentStoresTests : AgentStoresContractTests
{
    private readonly string path = VssBotFactory.NewDatabasePath();

    private AgentsDatabase Database() => new(path);

    protected override IStudentDirectoryStore Directory() => new SqliteStudentDirectoryStore(Database(), TestKeys.Protector());
    protected override ITranscriptStore Transcript() => new SqliteTranscriptStore(Database(), TestKeys.Protector());
    protected override IAuditStore Audit() => new SqliteAuditStore(Database());
    protected override IRosterStore Roster() => new SqliteRosterStore(Database());
    protected override ISettingsStore Settings() => new SqliteSettingsStore(Database());
    protected override ISignInStore SignIns() => new SqliteSignInStore(Database());

    [Fact]
    public async Task Directory_and_transcript_rows_hold_the_text_an_earlier_version_reads()
    {
        // Both are bound from the encrypted text's ASCII bytes (SqliteStatement); a version rolled back to reads the
        // columns as strings and decrypts them with DirectoryReference.Unprotect and TranscriptText.Unprotect.
        var reference = new ConversationReference
        {
            ActivityId = "a-1", ChannelId = "zalo", User = new ChannelAccount("u1", "Phạm Thu Hà"), Bot = new ChannelAccount("oa", "VssBot"),
            Conversation = new ConversationAccount(id: "u1"), ServiceUrl = "https://oa.zalo.me/", Locale = "vi-VN",
        };
        var at = new DateTimeOffset(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
        await Directory().RecordTurnAsync("zalo/u1", reference, _ => new DirectoryTurn(at, "Declaring", null, null, null, "phone", null), default);
        await Transcript().AppendAsync("zalo/u1", [(Sender.Student, "Số CCCD của mình là 036303012345 😊"), (Sender.Bot, "Cảm ơn bạn!")], at, 50, default);

        await using var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={path}");
        await connection.OpenAsync();
        var read = connection.CreateCommand();
        read.CommandText = "SELECT typeof(reference), reference FROM student_directory WHERE student_key = 'zalo/u1'";
        await using (var row = await read.ExecuteReaderAsync())
        {
            Assert.True(await row.ReadAsync());
            Assert.Equal("text", row.GetString(0));
            var stored = Assert.IsType<string>(row.GetValue(1));
            Assert.Equal(Newtonsoft.Json.JsonConvert.SerializeObject(reference), TestKeys.Protector().Unprotect(stored, "directory/zalo/u1"));
            Assert.Equal("Phạm Thu Hà", DirectoryReference.Unprotect(TestKeys.Protector(), "zalo/u1", stored).User.Name);
        }
        read.CommandText = "SELECT typeof(text), text, sender FROM transcript WHERE student_key = 'zalo/u1' ORDER BY id";
        var lines = new List<(string, string)>();
        await using (var row = await read.ExecuteReaderAsync())
            while (await row.ReadAsync())
            {
                Assert.Equal("text", row.GetString(0));
                Assert.DoesNotContain("036303012345", row.GetString(1));
                lines.Add((row.GetString(2), TranscriptText.Unprotect(TestKeys.Protector(), "zalo/u1", Assert.IsType<string>(row.GetValue(1)))));
            }
        Assert.Equal([("Student", "Số CCCD của mình là 036303012345 😊"), ("Bot", "Cảm ơn bạn!")], lines);
    }
}

[Collection(PostgresCollection.Name)]
public sealed class PostgresAgentStoresTests(PostgresServer server) : AgentStoresContractTests, IAsyncLifetime
{
    private string connectionString = "";
    private readonly List<PostgresDatabase> databases = [];

    public async Task InitializeAsync() => connectionString = await server.CreateDatabaseAsync();

    public async Task DisposeAsync()
    {
        foreach (var database in databases)
            await database.DisposeAsync();
    }

    private PostgresDatabase Database()
    {
        var database = new PostgresDatabase(connectionString);
        databases.Add(database);
        return database;
    }

    protected override IStudentDirectoryStore Directory() => new PostgresStudentDirectoryStore(Database(), TestKeys.Protector());
    protected override ITranscriptStore Transcript() => new PostgresTranscriptStore(Database(), TestKeys.Protector());
    protected override IAuditStore Audit() => new PostgresAuditStore(Database());
    protected override IRosterStore Roster() => new PostgresRosterStore(Database());
    protected override ISettingsStore Settings() => new PostgresSettingsStore(Database());
    protected override ISignInStore SignIns() => new PostgresSignInStore(Database());
}
