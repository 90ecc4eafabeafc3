using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.Repositories;
using Npgsql;
using VssBot.Bot.Privacy;

namespace VssBot.Bot.Storage.KeyRing;

/// <summary>
/// The ASP.NET Core Data Protection key ring in PostgreSQL, so a sign-in cookie or an antiforgery token issued by one
/// replica is accepted by every other, and survives restarts. Keys are encrypted with the data key
/// (<see cref="IPersonalDataProtector"/>) before they are stored: the database alone cannot forge a cookie.
/// Data Protection calls this synchronously, rarely (at start and when a key is created, every 90 days by default).
/// </summary>
public sealed class PostgresKeyRing(PostgresDatabase database, IPersonalDataProtector protector) : IXmlRepository
{
    private const string Purpose = "data_protection_keys";

    public IReadOnlyCollection<XElement> GetAllElements()
    {
        using var connection = OpenConnection();
        using var command = new NpgsqlCommand("SELECT xml FROM data_protection_keys ORDER BY id", connection);
        using var reader = command.ExecuteReader();
        var elements = new List<XElement>();
        while (reader.Read())
            elements.Add(XElement.Parse(protector.Unprotect(reader.GetString(0), Purpose)));
        return elements;
    }

    public void StoreElement(XElement element, string friendlyName)
    {
        using var connection = OpenConnection();
        using var command = new NpgsqlCommand("INSERT INTO data_protection_keys (friendly_name, xml) VALUES (@name, @xml)", connection);
        command.Parameters.AddWithValue("name", friendlyName);
        command.Parameters.AddWithValue("xml", protector.Protect(element.ToString(SaveOptions.DisableFormatting), Purpose));
        command.ExecuteNonQuery();
    }

    private NpgsqlConnection OpenConnection()
    {
        database.EnsureMigratedAsync(CancellationToken.None).GetAwaiter().GetResult();
        return database.DataSource.OpenConnection();
    }
}
