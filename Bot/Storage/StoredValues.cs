using System.Data.Common;
using System.Globalization;

namespace VssBot.Bot.Storage;

/// <summary>
/// Column values read the same way from either provider: SQLite keeps timestamps as UTC ISO 8601 text and booleans as
/// integers, PostgreSQL as timestamptz and boolean. Lets one row mapping serve both implementations of a store.
/// </summary>
public static class StoredValues
{
    public static DateTimeOffset Time(this DbDataReader reader, int ordinal) => reader.GetValue(ordinal) switch
    {
        string text => DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal),
        DateTime at => new DateTimeOffset(DateTime.SpecifyKind(at, DateTimeKind.Utc)),
        DateTimeOffset at => at,
        var other => throw new InvalidCastException($"Not a timestamp: {other.GetType().Name}"),
    };

    public static DateTimeOffset? NullableTime(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.Time(ordinal);

    public static bool Flag(this DbDataReader reader, int ordinal) => Convert.ToBoolean(reader.GetValue(ordinal), CultureInfo.InvariantCulture);

    public static string? NullableText(this DbDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);
}
