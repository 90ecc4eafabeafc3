using System.Data.Common;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Declarations.Registry;

/// <summary>The registry row as both implementations select it, and its mapping to <see cref="Declaration"/>.</summary>
internal static class RegistryRows
{
    public const string Columns = "id, receipt_number, student_id, status, status_reason, submitted_at, status_changed_at, content_json";

    public static async Task<IReadOnlyList<Declaration>> ReadAsync(DbCommand command, DeclarationContentCipher cipher, CancellationToken cancellationToken)
    {
        var declarations = new List<Declaration>();
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            declarations.Add(new Declaration(
                reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.NullableText(4),
                reader.Time(5), reader.Time(6), cipher.Read(reader.GetString(7), DeclarationContentCipher.RegistryTable)));
        return declarations;
    }
}
