namespace VssBot.Bot.Agents.School;

public sealed record RosterStudent(string StudentId, string FullName, string ClassName, string Faculty, string Teacher);

/// <summary>What an import did: new students, updated ones, and the lines that could not be read (by line number).</summary>
public sealed record RosterImportResult(int Added, int Updated, IReadOnlyList<int> SkippedLines);

/// <summary>
/// The school's list of students (student id, name, class, faculty, homeroom teacher), imported from a CSV file
/// (<see cref="RosterCsv"/>: UTF-8, a BOM tolerated, comma or semicolon, quoted fields as Excel writes them; an optional header row).
/// </summary>
public sealed class Roster(IRosterStore store)
{
    public async Task<RosterImportResult> ImportAsync(Stream csv, CancellationToken cancellationToken)
    {
        var skipped = new List<int>();
        var students = new List<RosterStudent>();
        var first = true;
        await foreach (var (line, row) in RosterCsv.ReadAsync(csv, cancellationToken))
        {
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            var isFirst = first;
            first = false;
            if (isFirst && IsHeader(row)) continue;
            if (row.Count < 5 || string.IsNullOrWhiteSpace(row[0]) || string.IsNullOrWhiteSpace(row[1]) || row[0].Trim().Length > 32)
            {
                skipped.Add(line);
                continue;
            }
            students.Add(new RosterStudent(row[0].Trim(), row[1].Trim(), row[2].Trim(), row[3].Trim(), row[4].Trim()));
        }

        var (added, updated) = await store.UpsertAsync([.. students.DistinctBy(s => s.StudentId)], cancellationToken);
        return new RosterImportResult(added, updated, skipped);
    }

    /// <summary>The roster's spelling of <paramref name="studentId"/> ("SV2024002" for "sv2024002"), or null when it is not on the roster.</summary>
    public Task<string?> FindIdAsync(string studentId, CancellationToken cancellationToken) => store.FindIdAsync(studentId.Trim(), cancellationToken);

    /// <summary>The whole roster by student id, in the dashboard's order (faculty, class, student id).</summary>
    public Task<IReadOnlyList<RosterStudent>> AllAsync(CancellationToken cancellationToken) => store.AllAsync(cancellationToken);

    private static bool IsHeader(IReadOnlyList<string> row) =>
        !row[0].Trim().Any(char.IsAsciiDigit) || row[0].Contains("mã", StringComparison.OrdinalIgnoreCase) || row[0].Contains("id", StringComparison.OrdinalIgnoreCase);
}

/// <summary>CSV the dashboard writes (the unfinished students' export).</summary>
public static class Csv
{
    /// <summary>One CSV field, quoted when needed; a leading =, +, - or @ is defused so spreadsheets do not run it as a formula.</summary>
    public static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
