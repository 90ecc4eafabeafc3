using System.Security.Claims;
using System.Text.Json;
using VssBot.Bot.Agents.Audit;
using VssBot.Bot.Agents.Auth;
using VssBot.Bot.Agents.Directory;
using VssBot.Bot.Agents.HandOff;
using VssBot.Bot.Channels.Proactive;
using VssBot.Bot.Storage;
using VssBot.Bot.Agents.Pages;
using VssBot.Bot.Privacy;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Form01.Fields;
using VssBot.Dialogs.Journey;
using VssBot.Dialogs.Texts;

namespace VssBot.Bot.Agents.Console;

/// <summary>
/// The agent console (<c>/agents</c>) and its API: the queue, a student's detail, take over / reply / hand back,
/// corrections, and the live events. Every response that shows a student's personal data writes the audit log.
/// </summary>
public static class AgentConsoleApi
{
    /// <summary>Answers masked until an agent reveals them (audited).</summary>
    public static readonly IReadOnlySet<string> PersonalNumberFields = new HashSet<string> { "socialInsuranceNumber", "idDocument", "phone", "email" };

    private const int QueueMessages = 3;

    public sealed record ReplyRequest(string Text);
    public sealed record CorrectionRequest(string Field, string Text);

    public static IEndpointRouteBuilder MapAgentConsole(this IEndpointRouteBuilder app)
    {
        app.MapGet("/agents", (AgentPages pages) => pages.Page("agents")).RequireAuthorization(AgentRoles.ConsolePolicy);

        var api = app.MapGroup("/api/agents").RequireAuthorization(AgentRoles.ConsolePolicy).AddEndpointFilter<AntiforgeryCheck>();

        api.MapGet("/queue", async (HttpContext http, StudentDirectory directory, StudentTranscript transcript, StudentNames names, AuditLog audit,
            Form01Definition form, BotTexts texts, string? order, CancellationToken ct) =>
        {
            var entries = await directory.QueueAsync(order != "newest", ct);
            var items = new List<object>();
            foreach (var e in entries)
                items.Add(new
                {
                    key = e.StudentKey,
                    name = await names.OfAsync(e, ct),
                    rosterId = e.RosterId,
                    channel = e.ChannelId,
                    reason = e.Waiting is { } w ? ReasonLabel(w) : null,
                    step = StepLabel(e.QuestionKey, form, texts),
                    journey = JourneyLabel(e.JourneyState, texts),
                    waitingSince = e.WaitingSince,
                    heldBy = e.HeldBy,
                    heldSince = e.HeldSince,
                    lastActivity = e.LastActivity,
                    lastMessages = (await transcript.RecentAsync(e.StudentKey, QueueMessages, ct)).Select(Line),
                });
            if (entries.Count > 0)
                await audit.WriteAsync(User(http), entries.Select(e => e.StudentKey), "queue:messages", ct);
            return Results.Ok(new { me = User(http), items });
        });

        api.MapGet("/student", async (HttpContext http, string key, StudentDirectory directory, StudentTranscript transcript, IStudentMessenger messenger, StudentProfiles profiles,
            AuditLog audit, Form01Definition form, FieldReaders readers, BotTexts texts, IServiceProvider services, CancellationToken ct) =>
        {
            if (await directory.FindAsync(key, ct) is not { } entry) return Results.NotFound();
            var profile = await profiles.ReadAsync(StudentKey.Of(entry.Reference), ct) ?? new StudentProfile();
            await audit.WriteAsync(User(http), key, "detail", ct);
            var journey = profile.Journey;
            return Results.Ok(new
            {
                key,
                name = StudentNames.NameIn(profile),
                channel = entry.ChannelId,
                reachable = messenger.CanReach(entry.Reference),
                heldBy = entry.HeldBy,
                reason = entry.Waiting is { } w ? ReasonLabel(w) : null,
                step = StepLabel(entry.QuestionKey, form, texts),
                rosterId = entry.RosterId,
                journey = new
                {
                    state = JourneyLabel(journey.State, texts),
                    before = journey.StateBeforePerson is { } b ? JourneyLabel(b, texts) : null,
                    declaredAt = journey.DeclaredAt,
                    declarationNumber = journey.DeclarationNumber,
                    receiptNumber = journey.ReceiptNumber,
                    officeVisitReportedAt = journey.OfficeVisitReportedAt,
                    history = journey.History.Select(h => new { from = JourneyLabel(h.From, texts), to = JourneyLabel(h.To, texts), trigger = h.Trigger.ToString(), at = h.At }),
                },
                fields = form.Fields.Select(f => new
                {
                    key = f.Key,
                    label = f.NumberedTitle,
                    value = profile.Form.Get(f.Key) is { } a ? (PersonalNumberFields.Contains(f.Key) ? Mask(f.Key, a.Display) : a.Display) : null,
                    masked = PersonalNumberFields.Contains(f.Key) && profile.Form.Get(f.Key) is not null,
                    correctable = readers.Has(f.Kind),
                }),
                canResendForm = services.GetService<IPrintableFormLinks>() is not null && journey.DeclarationNumber > 0,
                transcript = (await transcript.RecentAsync(key, 50, ct)).Select(Line),
            });
        });

        api.MapPost("/student/reveal", async (HttpContext http, string key, string field, StudentDirectory directory, StudentProfiles profiles,
            AuditLog audit, CancellationToken ct) =>
        {
            if (!PersonalNumberFields.Contains(field)) return Results.BadRequest();
            if (await directory.FindAsync(key, ct) is not { } entry) return Results.NotFound();
            var profile = await profiles.ReadAsync(StudentKey.Of(entry.Reference), ct);
            await audit.WriteAsync(User(http), key, "reveal:" + field, ct);
            return Results.Ok(new { field, value = profile?.Form.Get(field)?.Display });
        });

        api.MapPost("/student/claim", async (HttpContext http, string key, HandOffService handOff, CancellationToken ct) =>
            Outcome(await handOff.TakeOverAsync(key, User(http), ct)));

        api.MapPost("/student/reply", async (HttpContext http, string key, ReplyRequest request, HandOffService handOff, CancellationToken ct) =>
            string.IsNullOrWhiteSpace(request.Text) || request.Text.Length > 2000
                ? Results.BadRequest()
                : Outcome(await handOff.ReplyAsync(key, User(http), request.Text.Trim(), ct)));

        api.MapPost("/student/handback", async (HttpContext http, string key, HandOffService handOff, CancellationToken ct) =>
            Outcome(await handOff.HandBackAsync(key, User(http), ct)));

        api.MapPost("/student/correct", async (HttpContext http, string key, CorrectionRequest request, HandOffService handOff, AuditLog audit, CancellationToken ct) =>
        {
            if (await handOff.CorrectAsync(key, request.Field, request.Text ?? "", ct) is not { } result) return Results.NotFound();
            await audit.WriteAsync(User(http), key, "correct:" + request.Field, ct);
            return result.Accepted ? Results.Ok(new { display = Mask(request.Field, result.Display ?? ""), note = result.Problem })
                : Results.UnprocessableEntity(new { problem = result.Problem });
        });

        api.MapPost("/student/resend-form", async (HttpContext http, string key, StudentDirectory directory, IStudentMessenger messenger, StudentProfiles profiles,
            AuditLog audit, IServiceProvider services, CancellationToken ct) =>
        {
            if (services.GetService<IPrintableFormLinks>() is not { } links) return Results.NotFound();
            if (await directory.FindAsync(key, ct) is not { } entry) return Results.NotFound();
            var profile = await profiles.ReadAsync(StudentKey.Of(entry.Reference), ct);
            if (profile is null || profile.Journey.DeclarationNumber == 0 || links.LinkFor(StudentKey.Of(entry.Reference), profile.Journey.DeclarationNumber, profile.Journey.ReceiptNumber) is not { } link)
                return Results.Conflict(new { problem = "Sinh viên chưa có tờ khai để in." });
            await messenger.ContinueAsync(entry.Reference, (context, token) =>
                context.SendActivityAsync($"Đây là đường dẫn tới tờ khai mẫu 01 của bạn để in và ký: {link}", cancellationToken: token), ct);
            await audit.WriteAsync(User(http), key, "resend-form", ct);
            return Results.Ok();
        });

        // Server-sent events: "queue" and "message" with the student key; the page reloads what it shows.
        api.MapGet("/events", async (HttpContext http, AgentEvents events, CancellationToken ct) =>
        {
            http.Response.Headers.ContentType = "text/event-stream";
            http.Response.Headers.CacheControl = "no-store";
            await http.Response.WriteAsync(": connected\n\n", ct);
            await http.Response.Body.FlushAsync(ct);
            try
            {
                await foreach (var change in events.SubscribeAsync(ct))
                {
                    await http.Response.WriteAsync($"event: {change.Kind}\ndata: {JsonSerializer.Serialize(new { key = change.StudentKey })}\n\n", ct);
                    await http.Response.Body.FlushAsync(ct);
                }
            }
            catch (OperationCanceledException)
            {
                // The console closed.
            }
        });
        return app;
    }

    internal static string User(HttpContext http) => http.User.FindFirstValue(ClaimTypes.Name) ?? "?";

    private static IResult Outcome(HandOffResult result) => result switch
    {
        HandOffResult.Done => Results.Ok(),
        HandOffResult.NotFound => Results.NotFound(),
        HandOffResult.Unreachable => Results.Conflict(new { problem = "Không gửi được tin nhắn chủ động tới kênh của sinh viên này." }),
        HandOffResult.HeldByAnother => Results.Conflict(new { problem = "Một nhân viên khác đang hỗ trợ sinh viên này." }),
        _ => Results.Conflict(new { problem = "Bạn chưa nhận hỗ trợ cuộc trò chuyện này." }),
    };

    private static object Line(TranscriptLine line) => new
    {
        at = line.At,
        sender = line.Sender switch { Sender.Student => "Sinh viên", Sender.Agent => "Nhân viên", _ => "Trợ lý ảo" },
        kind = line.Sender.ToString().ToLowerInvariant(),
        text = line.Text,
    };

    public static string ReasonLabel(WaitingReason reason) => reason switch
    {
        WaitingReason.StudentAskedForPerson => "Sinh viên muốn gặp nhân viên",
        WaitingReason.MaxAttemptsReached => "Trợ lý ảo không hiểu sau nhiều lần thử",
        _ => "Tờ khai bị từ chối",
    };

    /// <summary>The question's title for staff: "8. Số điện thoại" for a Form 01 field, else its "question.{key}" text ("Đồng ý xử lý thông tin cá nhân").</summary>
    public static string? StepLabel(string? questionKey, Form01Definition form, BotTexts texts) => questionKey switch
    {
        null => null,
        _ when questionKey.StartsWith(QuestionKeys.FieldPrefix, StringComparison.Ordinal) && form.Find(questionKey[QuestionKeys.FieldPrefix.Length..]) is { } f
            => f.NumberedTitle,
        _ => texts.Find("question." + questionKey) ?? questionKey,
    };

    public static string JourneyLabel(JourneyState state, BotTexts texts) => texts.Find("journey." + state) ?? state.ToString();

    private static string Mask(string field, string value) => field switch
    {
        "phone" => PersonalDataMask.Phone(value),
        "email" => PersonalDataMask.Email(value),
        _ when PersonalNumberFields.Contains(field) => PersonalDataMask.IdNumber(value),
        _ => value,
    };
}
