using System.Net;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Bot.Declarations.Registry;
using VssBot.Bot.Tests.Channels.BotFramework;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Tests.Declarations;

/// <summary>A whole conversation over /api/messages ending with "Ghi nhận", with the embedded registry called over HTTP.</summary>
public sealed partial class DeclarationConversationTests : IDisposable
{
    private readonly string databasePath = VssBotFactory.NewDatabasePath();

    public void Dispose() => DeclarationHosts.DeleteDatabase(databasePath);

    [Fact]
    public async Task A_student_who_taps_ghi_nhan_sees_a_receipt_and_the_registry_holds_exactly_one_matching_declaration()
    {
        using var bot = DeclarationHosts.Embedded(databasePath);
        var client = bot.CreateClient();
        const string conversation = "declaration-to-registry";
        var confirmation = string.Join("\n", await HappyPath.DeclareAsync(say => SayAsync(client, conversation, say)));
        var receipt = ReceiptPattern().Match(confirmation);
        Assert.True(receipt.Success, "no receipt in: " + confirmation);

        var registry = bot.Services.GetRequiredService<IDeclarationRegistry>();
        await DeclarationHosts.EventuallyAsync(async () => (await registry.ListAsync(null, null, null, null, default)).Count == 1, "the declaration at the registry");
        await DeclarationHosts.EventuallyAsync(async () => (await OutboxAsync(bot)).SequenceEqual(["sent, follow-up done"]), "sent and followed up",
            describe: async () => string.Join(" | ", await OutboxAsync(bot)));

        var declaration = Assert.Single(await registry.ListAsync("emulator/student-1", null, null, null, default));
        Assert.Equal(receipt.Value, declaration.ReceiptNumber);
        var content = declaration.Content;
        Assert.Equal("Phạm Thu Hà", content.FullName);
        Assert.Equal("0113099841", content.SocialInsuranceNumber);
        Assert.Equal(new IdDocument("personalId", "036303012345"), content.IdDocument);
        Assert.Equal("036303012345", content.PersonalId);
        Assert.Equal(("Tỉnh Ninh Bình", "Phường Hoa Lư", "so 1 duong tran hung dao"), (content.Address.ProvinceName, content.Address.CommuneName, content.Address.Detail));
        Assert.False(string.IsNullOrEmpty(content.Address.DataSetVersion));
        Assert.Null(content.IdPhotos);
        Assert.Equal("Phạm Thu Hà", content.ContactPerson);
        Assert.Equal("ha.pham@gmail.com", content.Email);
        Assert.Equal("+84912345678", content.Mobile);
        Assert.Equal("portal", content.TransactionChannel);
        Assert.True(content.CommitmentAccepted);
        Assert.False(string.IsNullOrEmpty(content.ReceivingOffice.Name));
        Assert.Equal("office", content.SubmissionMethod);
        Assert.Equal("emulator", content.Channel);

        // The journey moved on the stored profile; the proactive notice could not reach this test's serviceUrl and says so.
        Assert.Equal(JourneyState.WaitingForOfficeVisit, await JourneyStateAsync(bot));
        await SayAsync(client, conversation, "ghi nhan");
        Assert.Single(await registry.ListAsync(null, null, null, null, default));
    }

    /// <summary>Every outbox row as "status, follow-up done|to do".</summary>
    private static async Task<List<string>> OutboxAsync(VssBotFactory bot)
    {
        await using var connection = await bot.Services.GetRequiredService<VssBot.Bot.Declarations.DeclarationDatabase>().OpenAsync(default);
        await using var command = connection.CreateCommand();
        command.CommandText = "SELECT status, follow_up_done FROM declaration_outbox";
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<string>();
        while (await reader.ReadAsync())
            rows.Add($"{reader.GetString(0)}, follow-up {(reader.GetInt32(1) == 1 ? "done" : "to do")}");
        return rows;
    }

    private static async Task<JourneyState> JourneyStateAsync(VssBotFactory bot)
    {
        var items = await bot.Services.GetRequiredService<Microsoft.Bot.Builder.IStorage>().ReadAsync(["emulator/users/student-1"]);
        return ((VssBot.Dialogs.Conversation.StudentProfile)((IDictionary<string, object>)items["emulator/users/student-1"])["student"]).Journey.State;
    }

    private static async Task<IReadOnlyList<string>> SayAsync(HttpClient client, string conversation, string say)
    {
        var response = await client.PostActivityAsync(BotFrameworkClient.Message(conversation, say));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JObject.Parse(await response.Content.ReadAsStringAsync())["activities"]!.Select(a => (string?)a["text"] ?? "").ToList();
    }

    [GeneratedRegex(@"VSS-\d{8}-[0-9A-Z]{4,}")]
    private static partial Regex ReceiptPattern();
}
