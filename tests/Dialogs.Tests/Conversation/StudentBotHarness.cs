using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;
using VssBot.Dialogs.Conversation;

namespace VssBot.Dialogs.Tests.Conversation;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
    public void Advance(TimeSpan by) => Now += by;
}

/// <summary>
/// The dialog test client: the real <see cref="StudentBot"/> wired exactly as the host wires it, over a storage
/// that outlives "processes" (<see cref="Restart"/> builds a new bot over the same storage).
/// </summary>
public sealed class StudentBotHarness
{
    /// <summary>25/11/2026 09:00 in Vietnam.</summary>
    public static readonly DateTimeOffset DefaultNow = new(2026, 11, 25, 2, 0, 0, TimeSpan.Zero);

    private readonly TestAdapter _adapter;
    private ServiceProvider _services;

    private readonly Action<IServiceCollection>? _configure;

    /// <param name="configure">Services the host adds (e.g. how images are fetched), kept across <see cref="Restart"/>.</param>
    public StudentBotHarness(IStorage? storage = null, ManualClock? clock = null, string conversationId = "test-conversation", Action<IServiceCollection>? configure = null)
    {
        Storage = storage ?? new MemoryStorage();
        Clock = clock ?? new ManualClock(DefaultNow);
        _configure = configure;
        _adapter = new TestAdapter(TestAdapter.CreateConversation(conversationId, "student-1", "vssbot"));
        _services = Build();
    }

    public IStorage Storage { get; }
    public ManualClock Clock { get; }
    public IServiceProvider Services => _services;
    public StudentBot Bot => _services.GetRequiredService<StudentBot>();

    /// <summary>A new process: new container, new dialogs, same storage.</summary>
    public void Restart(Action<IServiceCollection>? configure = null)
    {
        _services.Dispose();
        _services = Build(configure);
    }

    public Task<IReadOnlyList<Activity>> SendAsync(string text) => SendAsync(_adapter.MakeActivity(text));

    public Task<IReadOnlyList<Activity>> SendImageAsync(string name, string url = "https://example.invalid/photo.jpg")
    {
        var activity = _adapter.MakeActivity(null);
        activity.Attachments = [new Attachment("image/jpeg", url, name: name)];
        return SendAsync(activity);
    }

    public async Task<IReadOnlyList<Activity>> SendAsync(Activity activity)
    {
        await _adapter.ProcessActivityAsync(activity, Bot.OnTurnAsync, CancellationToken.None);
        var replies = new List<Activity>();
        while (_adapter.GetNextReply() is Activity reply) replies.Add(reply);
        return replies;
    }

    public async Task<StudentProfile> ProfileAsync()
    {
        var context = ProbeContext();
        await Bot.State.LoadAsync(context, true);
        return await Bot.Profiles.GetAsync(context, () => new StudentProfile());
    }

    /// <summary>
    /// Stores a student who consented and answered every Form 01 field before <paramref name="untilField"/>
    /// (null: all of them), as if they had chatted before; the next message resumes at that field.
    /// </summary>
    public async Task SeedAsync(string? untilField)
    {
        var context = ProbeContext();
        await Bot.State.LoadAsync(context, true);
        var profile = await Bot.Profiles.GetAsync(context, () => new StudentProfile());
        profile.Greeted = true;
        profile.ConsentGivenAt = Clock.Now;
        profile.Journey.State = VssBot.Dialogs.Journey.JourneyState.Declaring;
        profile.Form = new VssBot.Dialogs.Form01.Form01Answers();
        foreach (var (key, answer) in SeedAnswers.All)
        {
            if (key == untilField) break;
            profile.Form.Set(key, answer);
        }
        await Bot.Profiles.SetAsync(context, profile);
        await Bot.State.SaveProfileAsync(context);
        // A returning student starts a fresh conversation: no open question.
        await Bot.State.DeleteConversationAsync(context);
    }

    /// <summary>Fires journey triggers on the stored profile, as the host's workers do (declaration accepted…).</summary>
    public async Task FireAsync(params VssBot.Dialogs.Journey.JourneyTrigger[] triggers)
    {
        var context = ProbeContext();
        await Bot.State.LoadAsync(context, true);
        var profile = await Bot.Profiles.GetAsync(context, () => new StudentProfile());
        var journey = new VssBot.Dialogs.Journey.StudentJourney(profile.Journey, Clock);
        foreach (var trigger in triggers)
            if (!journey.TryFire(trigger)) throw new InvalidOperationException($"{trigger} is not permitted in {journey.State}.");
        await Bot.State.SaveProfileAsync(context);
    }

    private TurnContext ProbeContext()
    {
        var probe = _adapter.MakeActivity("probe");
        probe.ChannelId = _adapter.Conversation.ChannelId;
        probe.From = _adapter.Conversation.User;
        probe.Conversation = _adapter.Conversation.Conversation;
        return new TurnContext(_adapter, probe);
    }

    private ServiceProvider Build(Action<IServiceCollection>? configure = null)
    {
        var services = new ServiceCollection();
        services.AddSingleton(Storage);
        services.AddSingleton<TimeProvider>(Clock);
        services.AddSingleton<ILoggerFactory>(NullLoggerFactory.Instance);
        services.AddSingleton(typeof(ILogger<>), typeof(NullLogger<>));
        // The host's links are signed tokens (Bot/Printing); here the link only has to name the student and the declaration.
        services.AddSingleton<IPrintableFormLinks, NamedFormLinks>();
        _configure?.Invoke(services);
        configure?.Invoke(services);
        services.AddStudentConversation();
        return services.BuildServiceProvider();
    }
}

/// <summary>Printable-form links that say whose declaration they open: "https://bot.test/forms/{channel}-{user}-{number}".</summary>
public sealed class NamedFormLinks : IPrintableFormLinks
{
    public string? LinkFor(StudentKey studentKey, int declarationNumber, string? receiptNumber) =>
        $"https://bot.test/forms/{studentKey.ChannelId}-{studentKey.UserId}-{declarationNumber}";
}
