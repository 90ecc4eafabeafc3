using System.Data.Common;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Declarations.Outbox;

/// <summary>The outbox row as both implementations select it, and its mapping to <see cref="OutboxItem"/>.</summary>
internal static class OutboxRows
{
    public const string Columns = "idempotency_key, receipt_number, student_key, conversation_json, content_json, status, attempts, " +
        "recorded_at, sent_at, registry_id, last_error, journey, notification, follow_up_done";

    public static async Task<IReadOnlyList<OutboxItem>> ReadAsync(DbCommand command, DeclarationContentCipher cipher, CancellationToken cancellationToken)
    {
        var items = new List<OutboxItem>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            items.Add(new OutboxItem(
                reader.GetString(0), reader.GetString(1), reader.GetString(2),
                ConversationReferences.Read(reader.GetString(3)),
                cipher.Read(reader.GetString(4), DeclarationContentCipher.OutboxTable),
                reader.GetString(5), reader.GetInt32(6), reader.Time(7), reader.NullableTime(8),
                reader.NullableText(9), reader.NullableText(10), reader.NullableText(11), reader.NullableText(12),
                reader.Flag(13)));
        return items;
    }
}
