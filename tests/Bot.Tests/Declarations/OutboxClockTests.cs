using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using VssBot.Bot.Declarations;
using VssBot.Bot.Declarations.Outbox;
using VssBot.Bot.Declarations.Registry;
using VssBot.Dialogs.Conversation;
using static VssBot.Bot.Tests.Declarations.DeclarationHosts;
using Fault = VssBot.Bot.Tests.Declarations.RemoteRegistryStandIn.Fault;

namespace VssBot.Bot.Tests.Declarations;

/// <summary>
/// The outbox worker runs on the host's <see cref="TimeProvider"/>: with a fake clock in the container, a retry waits
/// until the test moves the clock past it, however long the machine takes — no test here sleeps on the wall clock.
/// </summary>
public sealed class OutboxClockTests : IDisposable
{
    private static readonly Dictionary<string, string?> Settings = new()
    {
        ["DeclarationApi:ApiKey"] = "registry-key-shared-by-bot-and-registry",
        ["DeclarationApi:BaseAddress"] = "http://registry.school.test/",
        // Minutes, on the fake clock: nothing here happens by itself while the test looks.
        ["DeclarationOutbox:PollInterval"] = "00:00:05",
        ["DeclarationOutbox:RetryDelay"] = "00:01:00",
        ["DeclarationOutbox:MaxRetryDelay"] = "00:10:00",
    };

    private readonly string botDatabase = VssBotFactory.NewDatabasePath();
    private readonly VssBotFactory remote = new(null, new Dictionary<string, string?> { ["DeclarationApi:ApiKey"] = Settings["DeclarationApi:ApiKey"] });
    private readonly RemoteRegistryStandIn standIn;
    private readonly FakeTimeProvider clock = new(SampleDeclarations.ConfirmedAt.AddMinutes(1));

    public OutboxClockTests() => standIn = new RemoteRegistryStandIn(remote.Server.CreateHandler());

    public void Dispose()
    {
        remote.Dispose();
        DeleteDatabase(botDatabase);
    }

    private VssBotFactory Bot() => new(botDatabase, FastSettings(Settings), services =>
    {
        services.AddSingleton<TimeProvider>(clock);
        services.AddHttpClient(DeclarationApiOptions.HttpClientName).ConfigurePrimaryHttpMessageHandler(() => standIn);
    });

    [Fact]
    public async Task A_failed_delivery_is_retried_when_the_hosts_clock_reaches_its_back_off_and_not_before()
    {
        // A 400 without problem details: one outbox attempt (the HTTP client does not retry a 400), then the outbox's back-off.
        standIn.Fail(Fault.BareBadRequest, times: 1);
        using var bot = Bot();
        var worker = bot.Services.GetRequiredService<DeclarationOutboxWorker>();
        var outbox = bot.Services.GetRequiredService<IDeclarationOutbox>();
        var receipt = (await bot.Services.GetRequiredService<IDeclarationRecorder>()
            .RecordAsync(SampleDeclarations.Confirmed("key-clock"), CancellationToken.None)).ReceiptNumber;

        // Recording wakes the worker at once (no poll): the first attempt fails.
        await EventuallyAsync(async () => (await outbox.GetAsync("key-clock", default))!.Attempts == 1, "the first attempt");

        // The back-off is RetryDelay ± 20 %: 48 to 72 seconds on the host's clock. At 40 nothing is due.
        clock.Advance(TimeSpan.FromSeconds(40));
        Assert.Equal(0, await worker.RunOnceAsync(CancellationToken.None));
        var waiting = (await outbox.GetAsync("key-clock", default))!;
        Assert.Equal((OutboxStatus.Pending, 1), (waiting.Status, waiting.Attempts));
        Assert.Equal(1, standIn.Calls);

        // At 80 it is: the worker's poll (on the same clock) or this round sends it, once.
        clock.Advance(TimeSpan.FromSeconds(40));
        await worker.RunOnceAsync(CancellationToken.None);
        await EventuallyAsync(async () => (await outbox.GetAsync("key-clock", default))!.Status == OutboxStatus.Sent, "the retry");
        Assert.Equal(2, (await outbox.GetAsync("key-clock", default))!.Attempts);
        var declaration = Assert.Single(await remote.Services.GetRequiredService<IDeclarationRegistry>().ListAsync(null, null, null, null, CancellationToken.None));
        Assert.Equal(receipt, declaration.ReceiptNumber);
    }
}
