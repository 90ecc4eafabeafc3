using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using VssBot.Bot.Declarations;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Bot.Declarations.Outbox;

namespace VssBot.Bot.Tests.Declarations;

/// <summary>The embedded school registry over HTTP, as the student-affairs office (or another system) calls it.</summary>
public sealed class DeclarationRegistryApiTests
{
    private const string Base = "/registry/v1/declarations";

    private static DeclarationContent Sample(string receipt = "VSS-20261125-AAAA", string userId = "student-1") =>
        DeclarationContentMapper.Map(SampleDeclarations.Confirmed("k-" + receipt, userId), receipt);

    private static Task<HttpResponseMessage> SubmitAsync(HttpClient client, string key, object content)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, Base) { Content = JsonContent.Create(content, options: DeclarationDatabase.Json) };
        request.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(request);
    }

    [Fact]
    public async Task The_registry_refuses_an_invalid_declaration_with_problem_details_naming_the_fields()
    {
        using var factory = new VssBotFactory();
        var client = factory.CreateRegistryClient();
        var content = Sample() with { Mobile = "0912345678", CommitmentAccepted = false, Address = null! };

        var response = await SubmitAsync(client, "bad-1", content);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var errors = (await response.Content.ReadFromJsonAsync<JsonObject>())!["errors"]!.AsObject();
        Assert.Equal(["address", "commitmentAccepted", "mobile"], errors.Select(e => e.Key).Order());
        Assert.DoesNotContain("0912345678", errors.ToJsonString());

        var malformed = new HttpRequestMessage(HttpMethod.Post, Base) { Content = new StringContent("{\"fullName\": 12", System.Text.Encoding.UTF8, "application/json") };
        malformed.Headers.Add("Idempotency-Key", "bad-2");
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(malformed)).StatusCode);

        var noKey = await client.PostAsJsonAsync(Base, Sample(), DeclarationDatabase.Json);
        Assert.Equal(HttpStatusCode.BadRequest, noKey.StatusCode);
        Assert.Empty((await client.GetFromJsonAsync<List<Declaration>>(Base, DeclarationDatabase.Json))!);
    }

    [Fact]
    public async Task A_replayed_idempotency_key_returns_the_existing_record_and_creates_no_second_one()
    {
        using var factory = new VssBotFactory();
        var client = factory.CreateRegistryClient();

        var first = await SubmitAsync(client, "same-key", Sample());
        var replay = await SubmitAsync(client, "same-key", Sample());

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, replay.StatusCode);
        var created = (await first.Content.ReadFromJsonAsync<Declaration>(DeclarationDatabase.Json))!;
        Assert.Equal(created.Id, (await replay.Content.ReadFromJsonAsync<Declaration>(DeclarationDatabase.Json))!.Id);
        Assert.EndsWith(created.Id, first.Headers.Location!.ToString());
        var fetched = (await client.GetFromJsonAsync<Declaration>($"{Base}/{created.Id}", DeclarationDatabase.Json))!;
        Assert.Equal(Sample(), fetched.Content);
        Assert.Single((await client.GetFromJsonAsync<List<Declaration>>(Base, DeclarationDatabase.Json))!);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"{Base}/nope")).StatusCode);
    }

    [Fact]
    public async Task The_office_records_received_approved_and_rejected_and_the_list_filters_by_status_student_and_time()
    {
        using var factory = new VssBotFactory();
        var client = factory.CreateRegistryClient();
        var ids = new List<string>();
        foreach (var (receipt, user) in new[] { ("VSS-20261125-AAAA", "a"), ("VSS-20261125-BBBB", "b"), ("VSS-20261125-CCCC", "c") })
            ids.Add((await (await SubmitAsync(client, receipt, Sample(receipt, user))).Content.ReadFromJsonAsync<Declaration>(DeclarationDatabase.Json))!.Id);

        var received = await client.PostAsJsonAsync($"{Base}/{ids[0]}/status", new DeclarationStatusUpdate(DeclarationStatus.ReceivedAtOffice, null), DeclarationDatabase.Json);
        Assert.Equal(DeclarationStatus.ReceivedAtOffice, (await received.Content.ReadFromJsonAsync<Declaration>(DeclarationDatabase.Json))!.Status);
        await client.PostAsJsonAsync($"{Base}/{ids[0]}/status", new DeclarationStatusUpdate(DeclarationStatus.Approved, null), DeclarationDatabase.Json);
        var noReason = await client.PostAsJsonAsync($"{Base}/{ids[1]}/status", new DeclarationStatusUpdate(DeclarationStatus.Rejected, " "), DeclarationDatabase.Json);
        Assert.Equal(HttpStatusCode.BadRequest, noReason.StatusCode);
        var rejected = await client.PostAsJsonAsync($"{Base}/{ids[1]}/status", new DeclarationStatusUpdate(DeclarationStatus.Rejected, "Ảnh CCCD không rõ"), DeclarationDatabase.Json);
        Assert.Equal("Ảnh CCCD không rõ", (await rejected.Content.ReadFromJsonAsync<Declaration>(DeclarationDatabase.Json))!.StatusReason);
        Assert.Equal(HttpStatusCode.BadRequest, (await client.PostAsJsonAsync($"{Base}/{ids[2]}/status", new DeclarationStatusUpdate("lost", null), DeclarationDatabase.Json)).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.PostAsJsonAsync($"{Base}/nope/status", new DeclarationStatusUpdate(DeclarationStatus.Approved, null), DeclarationDatabase.Json)).StatusCode);

        async Task<List<string>> Receipts(string query) =>
            (await client.GetFromJsonAsync<List<Declaration>>(Base + query, DeclarationDatabase.Json))!.Select(d => d.ReceiptNumber).ToList();
        Assert.Equal(["VSS-20261125-AAAA"], await Receipts("?status=approved"));
        Assert.Equal(["VSS-20261125-BBBB"], await Receipts("?status=rejected"));
        Assert.Equal(["VSS-20261125-CCCC"], await Receipts("?status=submitted"));
        Assert.Equal(["VSS-20261125-CCCC"], await Receipts("?studentId=emulator/c"));
        Assert.Equal(3, (await Receipts($"?from={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"))}")).Count);
        Assert.Empty(await Receipts($"?to={Uri.EscapeDataString(DateTimeOffset.UtcNow.AddMinutes(-5).ToString("O"))}"));
        Assert.Equal(HttpStatusCode.BadRequest, (await client.GetAsync(Base + "?status=lost")).StatusCode);
    }

    [Fact]
    public async Task The_registry_requires_the_api_key_when_one_is_configured_and_the_outbox_sends_it()
    {
        var database = VssBotFactory.NewDatabasePath();
        try
        {
            using var factory = DeclarationHosts.Embedded(database, new Dictionary<string, string?> { ["DeclarationApi:ApiKey"] = "s3cret-key" });
            var client = factory.CreateClient();
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync(Base)).StatusCode);
            client.DefaultRequestHeaders.Add("X-Api-Key", "wrong");
            Assert.Equal(HttpStatusCode.Unauthorized, (await SubmitAsync(client, "k", Sample())).StatusCode);
            client.DefaultRequestHeaders.Remove("X-Api-Key");
            client.DefaultRequestHeaders.Add("X-Api-Key", "s3cret-key");
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(Base)).StatusCode);

            // The bot's own client carries the key: a recorded declaration reaches the embedded registry.
            await ((VssBot.Dialogs.Conversation.IDeclarationRecorder)factory.Services.GetService(typeof(VssBot.Dialogs.Conversation.IDeclarationRecorder))!)
                .RecordAsync(SampleDeclarations.Confirmed("with-key"), CancellationToken.None);
            await DeclarationHosts.EventuallyAsync(async () => (await client.GetFromJsonAsync<List<Declaration>>(Base, DeclarationDatabase.Json))!.Count == 1, "the declaration at the registry");
        }
        finally
        {
            DeclarationHosts.DeleteDatabase(database);
        }
    }
}
