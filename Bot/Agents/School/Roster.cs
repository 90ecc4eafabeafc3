using System.Text;

namespace VssBot.Bot.Agents.School;

public sealed record RosterStudent(string StudentId, string FullName, string ClassName, string Faculty, string Teacher);

/// <summary>What an import did: new students, updated ones, and the lines that could not be read (by line number).</summary>
public sealed record RosterImportResult(int Added, int Updated, IReadOnlyList<int> SkippedLines);

/// <summary>
/// The school's list of students (student id, name, class, faculty, homeroom teacher), imported from a CSV file
/// (UTF-8, a BOM tolerated, comma or semicolon, an optional header row, quoted fields as Excel writes them).
/// </summary>
public sealed class Roster(IRosterStore store)
{
    public async Task<RosterImportResult> ImportAsync(Stream csv, CancellationToken cancellationToken)
    {
        using var reader = new StreamReader(csv, new UTF8Encoding(false), detectEncodingFromByteOrderMarks: true);
        var text = await reader.ReadToEndAsync(cancellationToken);
        var rows = Csv.Parse(text.TrimStart('\uFEFF'));
        var skipped = new List<int>();
        var students = new List<RosterStudent>();
        for (var i = 0; i < rows.Count; i++)
        {
            var row = rows[i];
            if (row.All(string.IsNullOrWhiteSpace)) continue;
            if (i == 0 && IsHeader(row)) continue;
            if (row.Count < 5 || string.IsNullOrWhiteSpace(row[0]) || string.IsNullOrWhiteSpace(row[1]) || row[0].Trim().Length > 32)
            {
                skipped.Add(i + 1);
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

/// <summary>RFC 4180 CSV as spreadsheets write it; the delimiter (comma or semicolon) is guessed from the first line.</summary>
public static class Csv
{
    public static List<List<string>> Parse(string text)
    {
        var firstLine = text.Split('\n', 2)[0];
        var delimiter = firstLine.Count(c => c == ';') > firstLine.Count(c => c == ',') ? ';' : ',';
        var rows = new List<List<string>>();
        var row = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < text.Length && text[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == delimiter) { row.Add(field.ToString()); field.Clear(); }
            else if (c == '\r') { }
            else if (c == '\n') { row.Add(field.ToString()); field.Clear(); rows.Add(row); row = []; }
            else field.Append(c);
        }
        if (field.Length > 0 || row.Count > 0) { row.Add(field.ToString()); rows.Add(row); }
        return rows;
    }

    /// <summary>One CSV field, quoted when needed; a leading =, +, - or @ is defused so spreadsheets do not run it as a formula.</summary>
    public static string Field(string? value)
    {
        var text = value ?? "";
        if (text.Length > 0 && text[0] is '=' or '+' or '-' or '@') text = "'" + text;
        return text.IndexOfAny([',', '"', '\n', '\r', ';']) >= 0 ? "\"" + text.Replace("\"", "\"\"") + "\"" : text;
    }
}
