using Newtonsoft.Json.Linq;

namespace VssBot.Bot.Tests.Channels.BotFramework;

/// <summary>Posts activities to /api/messages the way the Emulator or Direct Line would.</summary>
public static class BotFrameworkClient
{
    public static JObject Message(string conversationId, string text, bool expectReplies = true, string serviceUrl = "http://localhost:3978", string userId = "student-1") =>
        new()
        {
            ["type"] = "message",
            ["id"] = Guid.NewGuid().ToString("N"),
            ["channelId"] = "emulator",
            ["serviceUrl"] = serviceUrl,
            ["conversation"] = new JObject { ["id"] = conversationId },
            ["from"] = new JObject { ["id"] = userId, ["name"] = "Sinh viên" },
            ["recipient"] = new JObject { ["id"] = "vssbot", ["name"] = "VssBot" },
            ["locale"] = "vi-VN",
            ["text"] = text,
            ["deliveryMode"] = expectReplies ? "expectReplies" : null,
        };

    public static Task<HttpResponseMessage> PostActivityAsync(this HttpClient client, JObject activity) =>
        client.PostAsync("/api/messages", new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json"));

    /// <summary>Posts with expectReplies and returns the texts of the replies in the body.</summary>
    public static async Task<IReadOnlyList<string>> ReplyTextsAsync(this HttpClient client, string conversationId, string text, string userId = "student-1")
    {
        var response = await client.PostActivityAsync(Message(conversationId, text, userId: userId));
        response.EnsureSuccessStatusCode();
        var body = JObject.Parse(await response.Content.ReadAsStringAsync());
        return body["activities"]!.Where(a => (string?)a["type"] == "message").Select(a => (string)a["text"]!).ToList();
    }
}
