using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json.Linq;
using VssBot.Bot.Channels.Proactive;
using VssBot.Bot.Declarations.Reminders;
using VssBot.Bot.Turns;
using VssBot.Bot.Tests.Channels.BotFramework;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Tests.Declarations;

/// <summary>
/// After "Ghi nhận" the bot speaks first, on the student's own channel: the declaration accepted, the day-7 and day-9
/// reminders, and on day 10 the expiry with the offer to declare again.
/// </summary>
public sealed class CountdownTests : IDisposable
{
    private readonly string databasePath = VssBotFactory.NewDatabasePath();
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 11, 25, 2, 0, 0, TimeSpan.Zero));
    private readonly RecordingChannel channel = new();

    public void Dispose() => DeclarationHosts.DeleteDatabase(databasePath);

    /// <summary>Stands in for the student's channel: proactive messages land here instead of a real serviceUrl.</summary>
    private sealed class RecordingChannel : VssBot.Bot.Channels.ChannelAdapter
    {
        public ConcurrentQueue<string> Sent { get; } = new();

        public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
        {
            foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message)) Sent.Enqueue(activity.Text ?? "");
            return Task.FromResult(activities.Select(_ => new ResourceResponse(Guid.NewGuid().ToString("N"))).ToArray());
        }

        public override Task<ResourceResponse> UpdateActivityAsync(ITurnContext turnContext, Activity activity, CancellationToken cancellationToken) => throw new NotSupportedException();
        public override Task DeleteActivityAsync(ITurnContext turnContext, ConversationReference reference, CancellationToken cancellationToken) => throw new NotSupportedException();
    }

    private VssBotFactory Host() => new(databasePath, DeclarationHosts.FastSettings(), services =>
    {
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton(sp => channel.UseTurnPipeline(sp)).AddChannelAdapter<RecordingChannel>("emulator");
        services.AddHttpClient(VssBot.Bot.Declarations.DeclarationApiOptions.HttpClientName)
            .ConfigurePrimaryHttpMessageHandler(sp => ((Microsoft.AspNetCore.TestHost.TestServer)sp.GetRequiredService<Microsoft.AspNetCore.Hosting.Server.IServer>()).CreateHandler());
    });

    /// <summary>Declares over /api/messages and waits until the registry accepted it and the student was told.</summary>
    private async Task DeclareAsync(VssBotFactory bot, HttpClient client)
    {
        var confirmation = await HappyPath.DeclareAsync(say => SayAsync(client, say));
        Assert.Contains(confirmation, t => t.Contains("Mã biên nhận"));

        // The worker polls on the host's clock: a follow-up that found the confirming turn still saving runs again once the
        // fake clock has moved a poll interval (FastSettings: 50 ms).
        await DeclarationHosts.EventuallyAsync(() =>
            {
                clock.Advance(TimeSpan.FromMilliseconds(50));
                return Task.FromResult(channel.Sent.Any(t => t.Contains("đã được gửi")));
            }, "the acceptance notice",
            describe: () => Task.FromResult<object>(string.Join(" | ", channel.Sent)));
        Assert.Equal(JourneyState.WaitingForOfficeVisit, await JourneyAsync(bot));
    }

    [Fact]
    public async Task The_offices_approval_at_the_registry_reaches_the_student_and_the_journey_runs_to_logged_in()
    {
        using var bot = Host();
        var client = bot.CreateRegistryClient();
        await DeclareAsync(bot, client);
        var declaration = Assert.Single(await bot.Services.GetRequiredService<VssBot.Bot.Declarations.Registry.IDeclarationRegistry>()
            .ListAsync("emulator/student-1", null, null, null, default));

        var received = await client.PostAsJsonAsync($"/registry/v1/declarations/{declaration.Id}/status", new { status = "receivedAtOffice" });
        Assert.Equal(HttpStatusCode.OK, received.StatusCode);
        Assert.Contains(channel.Sent, t => t.Contains("Cơ quan BHXH đã nhận tờ khai"));

        var approved = await client.PostAsJsonAsync($"/registry/v1/declarations/{declaration.Id}/status", new { status = "approved" });
        Assert.Equal(HttpStatusCode.OK, approved.StatusCode);
        Assert.Contains(channel.Sent, t => t.Contains("đã được duyệt"));
        Assert.Equal(JourneyState.AccountReceived, await JourneyAsync(bot));

        Assert.Contains(await SayAsync(client, "đăng nhập được rồi"), t => t.Contains("Chúc mừng bạn đã hoàn thành"));
        Assert.Equal(JourneyState.LoggedIn, await JourneyAsync(bot));
    }

    [Fact]
    public async Task A_refusal_at_the_registry_tells_the_student_why_and_a_correction_starts_a_new_declaration()
    {
        using var bot = Host();
        var client = bot.CreateRegistryClient();
        await DeclareAsync(bot, client);
        var declaration = Assert.Single(await bot.Services.GetRequiredService<VssBot.Bot.Declarations.Registry.IDeclarationRegistry>()
            .ListAsync("emulator/student-1", null, null, null, default));

        var rejected = await client.PostAsJsonAsync($"/registry/v1/declarations/{declaration.Id}/status", new { status = "rejected", reason = "Địa chỉ không khớp với thẻ căn cước" });
        Assert.Equal(HttpStatusCode.OK, rejected.StatusCode);
        Assert.Contains(channel.Sent, t => t.Contains("Lý do: Địa chỉ không khớp với thẻ căn cước"));
        Assert.Equal(JourneyState.Rejected, await JourneyAsync(bot));

        Assert.Contains(await SayAsync(client, "sửa địa chỉ"), t => t.StartsWith("Câu 4"));
        Assert.Equal(JourneyState.Declaring, await JourneyAsync(bot));
    }

    [Fact]
    public async Task The_student_is_told_of_acceptance_reminded_on_day_7_and_9_and_offered_to_declare_again_on_day_10()
    {
        using var bot = Host();
        var client = bot.CreateRegistryClient();
        await DeclareAsync(bot, client);

        var worker = bot.Services.GetRequiredService<DeadlineReminderWorker>();
        clock.Advance(TimeSpan.FromDays(6));
        await worker.RunOnceAsync(default);
        Assert.DoesNotContain(channel.Sent, t => t.Contains("⏰"));

        clock.Advance(TimeSpan.FromDays(1));
        await DeclarationHosts.EventuallyAsync(async () => { await worker.RunOnceAsync(default); return channel.Sent.Count(t => t.Contains("còn 3 ngày")) == 1; }, "the day-7 reminder");
        await worker.RunOnceAsync(default);
        Assert.Single(channel.Sent, t => t.Contains("⏰"));

        clock.Advance(TimeSpan.FromDays(2));
        await DeclarationHosts.EventuallyAsync(async () => { await worker.RunOnceAsync(default); return channel.Sent.Any(t => t.Contains("còn 1 ngày")); }, "the day-9 reminder");

        clock.Advance(TimeSpan.FromDays(1));
        await DeclarationHosts.EventuallyAsync(async () => { await worker.RunOnceAsync(default); return channel.Sent.Any(t => t.Contains("đã quá hạn 10 ngày")); }, "the expiry");
        Assert.Equal(JourneyState.Expired, await JourneyAsync(bot));
        Assert.Equal(2, channel.Sent.Count(t => t.Contains("⏰")));

        // The student comes back and declares again with the saved answers.
        var again = await SayAsync(client, "Kê khai lại");
        Assert.Contains(again, t => t.StartsWith("Câu 9"));
    }

    private static async Task<JourneyState> JourneyAsync(VssBotFactory bot)
    {
        var items = await bot.Services.GetRequiredService<IStorage>().ReadAsync(["emulator/users/student-1"]);
        return ((StudentProfile)((IDictionary<string, object>)items["emulator/users/student-1"])["student"]).Journey.State;
    }

    private static async Task<IReadOnlyList<string>> SayAsync(HttpClient client, string say)
    {
        var response = await client.PostActivityAsync(BotFrameworkClient.Message("countdown", say));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!.Select(a => (string?)a["text"] ?? "").ToList();
    }
}
