using System.Globalization;
using Microsoft.Bot.Schema;
using Newtonsoft.Json;
using VssBot.Bot.Privacy;

namespace VssBot.Bot.Channels.DirectLine.Stores;

/// <summary>
/// How both conversation stores write a row: the activity as JSON, encrypted and bound to (conversation, sequence); the
/// user id encrypted and bound to its conversation. The same contexts on SQLite and PostgreSQL.
/// </summary>
internal sealed class ActivityRows(IPersonalDataProtector protector)
{
    public const int PageSize = 200;

    private static readonly JsonSerializerSettings Json = new() { NullValueHandling = NullValueHandling.Ignore, MaxDepth = 64 };

    /// <summary>The activities of a "SELECT seq, json … ORDER BY seq" after <paramref name="watermark"/>, and the new watermark (either store).</summary>
    public async Task<ActivitySlice> ReadSliceAsync(System.Data.Common.DbDataReader reader, string conversationId, long? watermark, CancellationToken cancellationToken)
    {
        var activities = new List<Activity>();
        var last = watermark ?? 0;
        while (await reader.ReadAsync(cancellationToken))
        {
            last = reader.GetInt64(0);
            activities.Add(Read(conversationId, last, reader.GetString(1)));
        }
        return new ActivitySlice(activities, last);
    }

    /// <summary>Gives the activity its id "conversation|sequence" and returns its encrypted JSON.</summary>
    public string Protect(Activity activity, long sequence)
    {
        activity.Id = $"{activity.Conversation.Id}|{sequence:D7}";
        return ProtectJson(activity.Conversation.Id, sequence, JsonConvert.SerializeObject(activity, Json));
    }

    public string ProtectJson(string conversationId, long sequence, string json) => protector.Protect(json, ActivityContext(conversationId, sequence));

    public string ProtectUser(string conversationId, string userId) => protector.Protect(userId, $"dl_conversations|{conversationId}");

    /// <summary>A stored activity (rows written before encryption are read as they are until the start-up rewrite).</summary>
    public Activity Read(string conversationId, long sequence, string column)
    {
        var json = protector.IsProtected(column) ? protector.Unprotect(column, ActivityContext(conversationId, sequence)) : column;
        return JsonConvert.DeserializeObject<Activity>(json, Json)!;
    }

    private static string ActivityContext(string conversationId, long sequence) =>
        string.Create(CultureInfo.InvariantCulture, $"dl_activities|{conversationId}|{sequence}");
}
