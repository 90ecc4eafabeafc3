using System.Text;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using VssBot.Bot.Channels.DirectLine.Stores;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>Direct Line bodies in the Bot Framework's own JSON conventions (Newtonsoft, nulls left out).</summary>
internal static class DirectLineJson
{
    private static readonly JsonSerializer Serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        NullValueHandling = NullValueHandling.Ignore,
        MaxDepth = 64,
    });

    public static IResult Ok(JObject body, int statusCode = StatusCodes.Status200OK) =>
        Results.Content(body.ToString(Formatting.None), "application/json", Encoding.UTF8, statusCode);

    public static string ActivitySet(ActivitySlice slice) => new JObject
    {
        ["activities"] = JArray.FromObject(slice.Activities, Serializer),
        ["watermark"] = slice.Watermark.ToString(System.Globalization.CultureInfo.InvariantCulture),
    }.ToString(Formatting.None);

    public static IResult Error(int statusCode, string code, string message) =>
        Ok(new JObject { ["error"] = new JObject { ["code"] = code, ["message"] = message } }, statusCode);

    /// <summary>Reads an activity; null when the body is not one.</summary>
    public static Activity? ReadActivity(string json)
    {
        try
        {
            using var reader = new JsonTextReader(new StringReader(json)) { MaxDepth = 64, DateParseHandling = DateParseHandling.DateTimeOffset };
            return Serializer.Deserialize<Activity>(reader);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
