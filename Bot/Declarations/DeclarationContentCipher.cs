using System.Text.Json;
using VssBot.Bot.Declarations.Contracts;
using VssBot.Bot.Privacy;

namespace VssBot.Bot.Declarations;

/// <summary>
/// The one place declaration content (personal data) becomes a column value and back, for every provider: JSON
/// encrypted with the same key as the bot state, bound to the table so a value cannot be moved between tables.
/// </summary>
public sealed class DeclarationContentCipher(IPersonalDataProtector protector)
{
    public const string OutboxTable = "declaration_outbox";
    public const string RegistryTable = "registry_declarations";

    public string Write(DeclarationContent content, string table) => protector.Protect(JsonSerializer.Serialize(content, DeclarationDatabase.Json), table);

    public DeclarationContent Read(string column, string table) =>
        JsonSerializer.Deserialize<DeclarationContent>(protector.Unprotect(column, table), DeclarationDatabase.Json)
        ?? throw new InvalidDataException("Empty declaration content.");
}
