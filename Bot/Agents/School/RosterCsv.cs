using CsvHelper;

namespace VssBot.Bot.Agents.School;

/// <summary>One record of a roster file: its fields and the line of the file it starts on (for "line 4 was skipped").</summary>
public sealed record RosterCsvRecord(int Line, IReadOnlyList<string> Fields);

/// <summary>
/// Reads a roster file with CsvHelper, as spreadsheets write it: UTF-8 (a BOM tolerated; UTF-16 with its BOM too), the
/// separator detected (comma or semicolon, Excel's "sep=;" line honoured), RFC 4180 quoting (separators, quotes and line
/// breaks inside quoted fields), blank lines skipped. No header is assumed: <see cref="Roster"/> recognises one.
/// </summary>
public static class RosterCsv
{
    private static readonly CsvReaderOptions Options = CsvReaderOptions.Default with
    {
        HasHeader = false,
        TrackLineNumbers = true,
        TrimWhitespace = true,
        IncludeValuesInExceptions = false, // students' names stay out of logs
        MaxRecordSize = 64 * 1024,         // an unclosed quote cannot make one record of the whole upload
    };

    public static async IAsyncEnumerable<RosterCsvRecord> ReadAsync(Stream csv, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var reader = CsvReader.Create(csv, Options, leaveOpen: true);
        while (await reader.ReadAsync(cancellationToken))
            yield return new RosterCsvRecord((int)reader.LineNumber, reader.Current.ToArray());
    }
}
