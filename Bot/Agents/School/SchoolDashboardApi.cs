using System.Text;
using VssBot.Bot.Agents.Audit;
using VssBot.Bot.Agents.Auth;
using VssBot.Bot.Agents.Console;
using VssBot.Bot.Agents.Directory;
using VssBot.Bot.Agents.Pages;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Agents.School;

/// <summary>
/// The school dashboard (<c>/school</c>, staff and admin): roster import, linking chat users to roster students,
/// completion per faculty and class, where students drop off in Form 01, the CSV of students not finished, and the
/// campaign settings (changed by an admin only).
/// </summary>
public static class SchoolDashboardApi
{
    public sealed record LinkRequest(string StudentKey, string? StudentId);

    /// <summary>How many of the most recent chats the linking list offers.</summary>
    public const int ChatsListed = 500;

    /// <summary>The dashboard's columns, in the order of the journey.</summary>
    public static readonly IReadOnlyList<(string Key, string Label)> Statuses =
    [
        ("notStarted", "Chưa bắt đầu"), ("installing", "Đang cài VssID"), ("declaring", "Đang kê khai"), ("declared", "Đã kê khai"),
        ("submitted", "Đã gửi tờ khai"), ("waitingForOffice", "Chờ nộp tại cơ quan BHXH"), ("accountReceived", "Đã nhận tài khoản"),
        ("loggedIn", "Đã đăng nhập"), ("redo", "Cần kê khai lại"), ("withPerson", "Đang được hỗ trợ"),
    ];

    public static IServiceCollection AddSchoolDashboard(this IServiceCollection services)
    {
        services.AddSingleton<Roster>();
        services.AddSingleton<CampaignStore>();
        services.AddSingleton<SchoolReminders>();
        return services;
    }

    public static IEndpointRouteBuilder MapSchoolDashboard(this IEndpointRouteBuilder app)
    {
        app.MapGet("/school", (AgentPages pages) => pages.Page("school")).RequireAuthorization(AgentRoles.SchoolPolicy);

        var api = app.MapGroup("/api/school").RequireAuthorization(AgentRoles.SchoolPolicy).AddEndpointFilter<AntiforgeryCheck>();

        // The form is read by hand: an IFormFile parameter would make routing answer 415 before authorization runs.
        api.MapPost("/roster", async (HttpRequest request, Roster roster, CancellationToken ct) =>
        {
            var file = request.HasFormContentType ? (await request.ReadFormAsync(ct)).Files.GetFile("file") : null;
            if (file is null || file.Length == 0 || file.Length > 10 * 1024 * 1024) return Results.BadRequest(new { problem = "Tệp trống hoặc lớn hơn 10 MB." });
            await using var stream = file.OpenReadStream();
            RosterImportResult result;
            try
            {
                result = await roster.ImportAsync(stream, ct);
            }
            catch (CsvHelper.CsvFormatException)
            {
                return Results.BadRequest(new { problem = "Không đọc được tệp CSV (có thể thiếu dấu ngoặc kép đóng). Hãy lưu lại từ Excel dưới dạng CSV UTF-8 rồi thử lại." });
            }
            return Results.Ok(new { added = result.Added, updated = result.Updated, skippedLines = result.SkippedLines });
        });

        // The most recent chats, each named as the student gave their name in Form 01, for linking to the roster.
        api.MapGet("/chats", async (HttpContext http, StudentDirectory directory, StudentNames names, AuditLog audit, CancellationToken ct) =>
        {
            var entries = (await directory.AllAsync(ct)).Take(ChatsListed).ToList();
            var named = await names.OfAsync(entries, ct);
            if (entries.Count > 0)
                await audit.WriteAsync(AgentConsoleApi.User(http), entries.Select(e => e.StudentKey), "chats:names", ct);
            return Results.Ok(entries.Select(e => new
            {
                key = e.StudentKey, channel = e.ChannelId, lastActivity = e.LastActivity, state = e.JourneyState.ToString(), rosterId = e.RosterId,
                name = named.GetValueOrDefault(e.StudentKey),
            }));
        });

        api.MapPost("/link", async (HttpContext http, LinkRequest request, StudentDirectory directory, Roster roster, AuditLog audit, CancellationToken ct) =>
        {
            var id = string.IsNullOrWhiteSpace(request.StudentId) ? null : await roster.FindIdAsync(request.StudentId, ct);
            if (id is null && !string.IsNullOrWhiteSpace(request.StudentId)) return Results.UnprocessableEntity(new { problem = "Mã số sinh viên không có trong danh sách." });
            if (!await directory.LinkAsync(request.StudentKey, id, ct)) return Results.NotFound();
            await audit.WriteAsync(AgentConsoleApi.User(http), request.StudentKey, "link", ct);
            return Results.Ok();
        });

        api.MapGet("/completion", async (Roster roster, StudentDirectory directory, CampaignSettings campaign, TimeProvider clock, CancellationToken ct) =>
        {
            var students = await StudentsWithStatusAsync(roster, directory, ct);
            var overdue = IsPastDeadline(campaign, clock);
            var groups = students.GroupBy(s => (s.Student.Faculty, s.Student.ClassName)).OrderBy(g => g.Key.Faculty).ThenBy(g => g.Key.ClassName)
                .Select(g => new
                {
                    faculty = g.Key.Faculty,
                    className = g.Key.ClassName,
                    total = g.Count(),
                    counts = Statuses.ToDictionary(s => s.Key, s => g.Count(x => x.Status == s.Key)),
                    overdue = overdue ? g.Count(x => !IsDone(x.Status)) : 0,
                });
            return Results.Ok(new
            {
                statuses = Statuses.Select(s => new { key = s.Key, label = s.Label }),
                deadline = campaign.Deadline,
                pastDeadline = overdue,
                total = students.Count,
                done = students.Count(s => IsDone(s.Status)),
                groups,
            });
        });

        api.MapGet("/funnel", async (StudentDirectory directory, Form01Definition form, CancellationToken ct) =>
        {
            var entries = await directory.AllAsync(ct);
            var nextFields = await NextFieldsAsync(directory, ct);
            var stopped = form.Fields.Select(f => new { order = f.Number, key = f.Key, label = f.Title, stoppedHere = nextFields.Count(n => n == f.Key) }).ToList();
            return Results.Ok(new
            {
                chats = entries.Count,
                installing = entries.Count(e => e.JourneyState is JourneyState.NotStarted or JourneyState.Installing),
                // Before Form 01: consent not given (declined, or not answered yet); not a stop at its first question.
                withoutConsent = nextFields.Count(n => n == StudentDirectory.ConsentStep),
                fields = stopped,
                worst = stopped.Where(s => s.stoppedHere > 0).MaxBy(s => s.stoppedHere)?.label,
            });
        });

        api.MapGet("/unfinished.csv", async (HttpContext http, Roster roster, StudentDirectory directory, AuditLog audit,
            CampaignSettings campaign, TimeProvider clock, CancellationToken ct) =>
        {
            var students = (await StudentsWithStatusAsync(roster, directory, ct)).Where(s => !IsDone(s.Status)).ToList();
            var overdue = IsPastDeadline(campaign, clock);
            var csv = new StringBuilder("\uFEFFMã số sinh viên,Họ và tên,Lớp,Khoa,Giáo viên chủ nhiệm,Trạng thái,Quá hạn\r\n");
            foreach (var s in students)
                csv.AppendJoin(',', new[] { s.Student.StudentId, s.Student.FullName, s.Student.ClassName, s.Student.Faculty, s.Student.Teacher,
                    Statuses.First(x => x.Key == s.Status).Label, overdue ? "Có" : "Không" }.Select(Csv.Field)).Append("\r\n");
            await audit.WriteAsync(AgentConsoleApi.User(http), students.Select(s => "roster/" + s.Student.StudentId), "export:unfinished", ct);
            return Results.File(Encoding.UTF8.GetBytes(csv.ToString()), "text/csv; charset=utf-8", "sinh-vien-chua-hoan-thanh.csv");
        });

        api.MapPost("/remind", async (HttpContext http, SchoolReminders reminders, CancellationToken ct) =>
            Results.Ok(await reminders.SendAsync(AgentConsoleApi.User(http), ct)));

        // "Cần gọi điện": reminders no route could deliver (chat window closed, no template, no email), for the hotline.
        api.MapGet("/call-list", async (Reminders.Ledger.IReminderLedger ledger, StudentDirectory directory, Roster roster, Reminders.ReminderReasons reasons,
            CancellationToken ct) =>
        {
            var entries = (await directory.AllAsync(ct)).GroupBy(e => e.StudentKey).ToDictionary(g => g.Key, g => g.First());
            var students = (await roster.AllAsync(ct)).ToDictionary(s => s.StudentId);
            return Results.Ok((await ledger.UndeliverableAsync(ct)).Select(u =>
            {
                var student = entries.TryGetValue(u.StudentKey, out var entry) && entry.RosterId is { } id && students.TryGetValue(id, out var s) ? s : null;
                return new
                {
                    studentKey = u.StudentKey,
                    channel = StudentKey.TryParse(u.StudentKey, out var key) ? key.ChannelId : null,
                    studentId = student?.StudentId,
                    fullName = student?.FullName,
                    className = student?.ClassName,
                    reminder = ReminderLabel(u.ReminderId),
                    reasons = reasons.Describe(u.Reasons), // Vietnamese labels; the ledger keeps the routes' own words
                    since = u.FirstAt,
                    attempts = u.Attempts,
                };
            }));
        });

        api.MapGet("/settings", (CampaignStore store) => Results.Ok(store.Current));

        api.MapPost("/settings", async (CampaignChanges changes, CampaignStore store, CancellationToken ct) =>
            await store.SaveAsync(changes, ct) is { } problem ? Results.UnprocessableEntity(new { problem }) : Results.Ok(store.Current))
            .RequireAuthorization(AgentRoles.AdminPolicy);

        api.MapGet("/audit", async (AuditLog audit, string? studentKey, CancellationToken ct) =>
            Results.Ok(await audit.RecentAsync(200, studentKey, ct))).RequireAuthorization(AgentRoles.AdminPolicy);
        return app;
    }

    /// <summary>"countdown/…/day7" → "Nhắc hạn nộp (ngày 7)"; "school/…" → "Nhắc của nhà trường".</summary>
    public static string ReminderLabel(string reminderId) =>
        reminderId.StartsWith("countdown/", StringComparison.Ordinal) && reminderId.LastIndexOf("/day", StringComparison.Ordinal) is var at and >= 0
            ? $"Nhắc hạn nộp (ngày {reminderId[(at + 4)..]})"
            : "Nhắc của nhà trường";

    private static bool IsDone(string status) => status is "accountReceived" or "loggedIn";

    private static bool IsPastDeadline(CampaignSettings campaign, TimeProvider clock) =>
        campaign.Deadline is { } deadline && DateOnly.FromDateTime(clock.GetUtcNow().ToOffset(StudentSession.VietnamOffset).DateTime) > deadline;

    public static string StatusOf(JourneyState? state, JourneyState? before = null) => state switch
    {
        null or JourneyState.NotStarted => "notStarted",
        JourneyState.Installing or JourneyState.Installed => "installing",
        JourneyState.Declaring => "declaring",
        JourneyState.Declared => "declared",
        JourneyState.Submitted => "submitted",
        JourneyState.WaitingForOfficeVisit => "waitingForOffice",
        JourneyState.AccountReceived => "accountReceived",
        JourneyState.LoggedIn => "loggedIn",
        JourneyState.Expired or JourneyState.Rejected => "redo",
        _ => "withPerson",
    };

    private static async Task<List<(RosterStudent Student, string Status)>> StudentsWithStatusAsync(Roster roster, StudentDirectory directory, CancellationToken ct)
    {
        var linked = (await directory.AllAsync(ct)).Where(e => e.RosterId is not null)
            .GroupBy(e => e.RosterId!).ToDictionary(g => g.Key, g => g.First().JourneyState); // AllAsync is newest first
        return [.. (await roster.AllAsync(ct)).Select(student => (student, StatusOf(linked.TryGetValue(student.StudentId, out var state) ? state : null)))];
    }

    private static async Task<List<string>> NextFieldsAsync(StudentDirectory directory, CancellationToken ct) =>
        [.. (await directory.NextFieldsAsync(ct))];
}
