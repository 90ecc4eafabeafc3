using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Bot.Declarations.Outbox;
using VssBot.Bot.Declarations.Registry;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Journey;
using static VssBot.Bot.Tests.Declarations.DeclarationHosts;
using Fault = VssBot.Bot.Tests.Declarations.RemoteRegistryStandIn.Fault;

namespace VssBot.Bot.Tests.Declarations;

/// <summary>
/// The outbox and its worker against a "remote" registry (a second in-memory host) that fails on demand:
/// whatever happens, exactly one declaration with the right fields ends up at the registry.
/// </summary>
public sealed class DeclarationDeliveryTests : IDisposable
{
    private readonly string botDatabase = VssBotFactory.NewDatabasePath();
    /// <summary>The school's registry and the bot share its key, as a deployment sets DeclarationApi:ApiKey on both.</summary>
    private static readonly Dictionary<string, string?> RegistryKey = new() { ["DeclarationApi:ApiKey"] = "registry-key-shared-by-bot-and-registry" };

    private readonly VssBotFactory remote = new(null, RegistryKey);
    private readonly RemoteRegistryStandIn standIn;

    public DeclarationDeliveryTests() => standIn = new RemoteRegistryStandIn(remote.Server.CreateHandler());

    public void Dispose()
    {
        remote.Dispose();
        DeleteDatabase(botDatabase);
    }

    private VssBotFactory Bot() => WithRemoteRegistry(botDatabase, () => standIn, RegistryKey);

    [Theory]
    [InlineData(Fault.ServerError)]
    [InlineData(Fault.Timeout)]
    [InlineData(Fault.LoseResponse)]
    [InlineData(Fault.BareBadRequest)]
    public async Task A_declaration_reaches_the_registry_exactly_once_after_the_api_failed_for_a_while(Fault fault)
    {
        // A garbled 400 is one outbox attempt each (the client does not retry a 400): two stay under the give-up count.
        standIn.Fail(fault, times: fault == Fault.BareBadRequest ? 2 : 4);
        using var bot = Bot();
        var receipt = await RecordAsync(bot, "key-" + fault);

        var item = await SentAsync(bot, "key-" + fault);
        Assert.True(item.Attempts >= 2, $"expected retries, got {item.Attempts} attempt(s)");
        await AssertOneDeclarationAsync(receipt);
    }

    [Fact]
    public async Task A_declaration_recorded_while_the_api_is_down_is_sent_once_it_is_back()
    {
        standIn.Fail(Fault.ConnectionRefused);
        using var bot = Bot();
        var receipt = await RecordAsync(bot, "key-down");
        await EventuallyAsync(async () => (await ItemAsync(bot, "key-down")).Attempts >= 2, "failed attempts while the API is down");
        Assert.Equal(OutboxStatus.Pending, (await ItemAsync(bot, "key-down")).Status);
        Assert.Empty(await RegistryAsync());

        standIn.Heal();
        await SentAsync(bot, "key-down");
        await AssertOneDeclarationAsync(receipt);
    }

    [Fact]
    public async Task A_declaration_recorded_before_the_process_stopped_is_sent_by_the_next_process()
    {
        standIn.Fail(Fault.ConnectionRefused);
        string receipt;
        using (var first = Bot())
        {
            receipt = await RecordAsync(first, "key-restart");
            await EventuallyAsync(async () => (await ItemAsync(first, "key-restart")).Attempts >= 1, "a failed attempt before the stop");
        }
        Assert.Empty(await RegistryAsync());

        standIn.Heal();
        using var second = Bot();
        await SentAsync(second, "key-restart");
        await AssertOneDeclarationAsync(receipt);
    }

    [Fact]
    public async Task The_same_confirmation_delivered_twice_returns_the_same_receipt_and_sends_one_declaration()
    {
        using var bot = Bot();
        var recorder = bot.Services.GetRequiredService<IDeclarationRecorder>();
        var first = await recorder.RecordAsync(SampleDeclarations.Confirmed("key-twice"), CancellationToken.None);
        var again = await recorder.RecordAsync(SampleDeclarations.Confirmed("key-twice"), CancellationToken.None);

        Assert.Equal(first.ReceiptNumber, again.ReceiptNumber);
        Assert.Matches(@"^VSS-20261125-[0-9A-Z]{4}$", first.ReceiptNumber);
        await SentAsync(bot, "key-twice");
        Assert.Equal(first.ReceiptNumber, (await recorder.RecordAsync(SampleDeclarations.Confirmed("key-twice"), CancellationToken.None)).ReceiptNumber);
        // Nothing was queued again: a round of the worker finds nothing due.
        Assert.Equal(0, await bot.Services.GetRequiredService<DeclarationOutboxWorker>().RunOnceAsync(CancellationToken.None));
        await AssertOneDeclarationAsync(first.ReceiptNumber);
    }

    [Fact]
    public async Task A_declaration_the_registry_refuses_as_invalid_is_marked_and_not_retried()
    {
        using var bot = Bot();
        var invalid = SampleDeclarations.Confirmed("key-invalid");
        var answers = new Dictionary<string, VssBot.Dialogs.Form01.FieldAnswer>(invalid.Answers);
        answers.Remove("phone");
        await bot.Services.GetRequiredService<IDeclarationRecorder>().RecordAsync(invalid with { Answers = answers }, CancellationToken.None);

        await EventuallyAsync(async () => (await ItemAsync(bot, "key-invalid")).Status == OutboxStatus.RejectedInvalid, "rejected-invalid");
        var calls = standIn.Calls;
        // Refused is final: a round of the worker finds nothing due and calls no one.
        Assert.Equal(0, await bot.Services.GetRequiredService<DeclarationOutboxWorker>().RunOnceAsync(CancellationToken.None));
        Assert.Equal(calls, standIn.Calls);
        var item = await ItemAsync(bot, "key-invalid");
        // One attempt, or more when a loaded machine timed one out or garbled its answer: never retried after the refusal.
        Assert.InRange(item.Attempts, 1, 3);
        Assert.Equal(OutboxStatus.RejectedInvalid, item.Status);
        Assert.Contains("mobile", item.LastError);
        Assert.DoesNotContain("0912", item.LastError);
        Assert.Empty(await RegistryAsync());
    }

    [Fact]
    public async Task A_registry_that_keeps_answering_400_without_problem_details_gets_a_few_attempts_then_the_declaration_is_marked_invalid()
    {
        standIn.Fail(Fault.BareBadRequest);
        using var bot = Bot();
        await RecordAsync(bot, "key-garbled");

        await EventuallyAsync(async () => (await ItemAsync(bot, "key-garbled")).Status == OutboxStatus.RejectedInvalid, "rejected-invalid");
        var item = await ItemAsync(bot, "key-garbled");
        Assert.Equal(3, item.Attempts);
        Assert.Equal("HTTP 400: invalid (no problem details)", item.LastError);
        Assert.Empty(await RegistryAsync());
    }

    [Fact]
    public async Task Once_accepted_the_students_journey_moves_to_waiting_for_the_office_visit_and_an_unreachable_channel_is_recorded()
    {
        using var bot = Bot();
        var declaration = SampleDeclarations.Confirmed("key-journey", userId: "student-journey");
        var receipt = ReceiptNumber.Candidates(declaration.IdempotencyKey, declaration.ConfirmedAt).First();
        await SaveProfileAsync(bot, "emulator/users/student-journey", receipt);

        Assert.Equal(receipt, await RecordAsync(bot, declaration));
        await EventuallyAsync(async () => (await ItemAsync(bot, "key-journey")).FollowUpDone, "the follow-up");

        var item = await ItemAsync(bot, "key-journey");
        Assert.StartsWith("failed: ", item.Notification); // serviceUrl http://localhost:1 is unreachable
        Assert.Contains(nameof(JourneyState.WaitingForOfficeVisit), item.Journey);
        var profile = await LoadProfileAsync(bot, "emulator/users/student-journey");
        Assert.Equal(JourneyState.WaitingForOfficeVisit, profile.Journey.State);
        Assert.Equal([JourneyTrigger.DeclarationSubmitted, JourneyTrigger.InstructionsSent], profile.Journey.History.TakeLast(2).Select(e => e.Trigger));
    }

    private static async Task SaveProfileAsync(VssBotFactory bot, string key, string receipt)
    {
        var profile = new StudentProfile();
        profile.Journey.State = JourneyState.Declared;
        profile.Journey.ReceiptNumber = receipt;
        profile.Journey.DeclarationNumber = 1;
        profile.Journey.DeclaredAt = SampleDeclarations.ConfirmedAt;
        await bot.Services.GetRequiredService<IStorage>().WriteAsync(new Dictionary<string, object>
        {
            [key] = new Dictionary<string, object> { ["student"] = profile },
        });
    }

    private static async Task<StudentProfile> LoadProfileAsync(VssBotFactory bot, string key)
    {
        var items = await bot.Services.GetRequiredService<IStorage>().ReadAsync([key]);
        return (StudentProfile)((IDictionary<string, object>)items[key])["student"];
    }

    private static Task<string> RecordAsync(VssBotFactory bot, string key) => RecordAsync(bot, SampleDeclarations.Confirmed(key));

    private static async Task<string> RecordAsync(VssBotFactory bot, ConfirmedDeclaration declaration) =>
        (await bot.Services.GetRequiredService<IDeclarationRecorder>().RecordAsync(declaration, CancellationToken.None)).ReceiptNumber;

    private static async Task<OutboxItem> ItemAsync(VssBotFactory bot, string key) =>
        await bot.Services.GetRequiredService<IDeclarationOutbox>().GetAsync(key, CancellationToken.None) ?? throw new InvalidOperationException("not recorded");

    private static async Task<OutboxItem> SentAsync(VssBotFactory bot, string key)
    {
        await EventuallyAsync(async () => (await ItemAsync(bot, key)).Status == OutboxStatus.Sent, $"{key} sent",
            describe: async () => (await ItemAsync(bot, key)) with { Content = null!, Conversation = null! });
        return await ItemAsync(bot, key);
    }

    private Task<IReadOnlyList<Declaration>> RegistryAsync() =>
        remote.Services.GetRequiredService<IDeclarationRegistry>().ListAsync(null, null, null, null, CancellationToken.None);

    private async Task AssertOneDeclarationAsync(string receipt)
    {
        var declaration = Assert.Single(await RegistryAsync());
        Assert.Equal(receipt, declaration.ReceiptNumber);
        Assert.Equal(DeclarationStatus.Submitted, declaration.Status);
        var content = declaration.Content;
        Assert.Equal("emulator/student-1", content.StudentId);
        Assert.Equal("Phạm Thu Hà", content.FullName);
        Assert.Equal("0113099841", content.SocialInsuranceNumber);
        Assert.Equal("036303012345", content.PersonalId);
        Assert.Equal(new IdDocument("personalId", "036303012345"), content.IdDocument);
        Assert.Equal(new ContactAddress("37", "Tỉnh Ninh Bình", "14380", "Phường Hoa Lư", "so 1 duong tran hung dao", "2025-07-01"), content.Address);
        Assert.Null(content.IdPhotos);
        Assert.Equal("+84912345678", content.Mobile);
        Assert.Equal("ha.pham@gmail.com", content.Email);
        Assert.Equal(new DateOnly(2026, 11, 25), content.StartDate);
        Assert.Equal("portal", content.TransactionChannel);
        Assert.True(content.CommitmentAccepted);
        Assert.Equal(new ReceivingOffice("ninhbinh-hoalu", "BHXH cơ sở Hoa Lư", "Phường Hoa Lư, Ninh Bình", null), content.ReceivingOffice);
        Assert.Equal("office", content.SubmissionMethod);
    }
}
