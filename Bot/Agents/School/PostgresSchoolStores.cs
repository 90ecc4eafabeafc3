using VssBot.Bot.Storage;

namespace VssBot.Bot.Agents.School;

/// <summary><see cref="IRosterStore"/> in PostgreSQL, shared by replicas: an import is one statement (all or nothing).</summary>
public sealed class PostgresRosterStore(PostgresDatabase database) : IRosterStore
{
    public async Task<(int Added, int Updated)> UpsertAsync(IReadOnlyList<RosterStudent> students, CancellationToken cancellationToken)
    {
        if (students.Count == 0)
            return (0, 0);
        await using var connection = await database.OpenAsync(cancellationToken);
        // xmax = 0 on the returned row: it was inserted, not updated.
        await using var command = connection.Command("""
            INSERT INTO roster (student_id, full_name, class_name, faculty, teacher)
            SELECT * FROM unnest(@ids, @names, @classes, @faculties, @teachers)
            ON CONFLICT (student_id) DO UPDATE SET full_name = excluded.full_name, class_name = excluded.class_name,
                faculty = excluded.faculty, teacher = excluded.teacher
            RETURNING (xmax = 0)
            """, ("ids", students.Select(s => s.StudentId).ToArray()), ("names", students.Select(s => s.FullName).ToArray()),
            ("classes", students.Select(s => s.ClassName).ToArray()), ("faculties", students.Select(s => s.Faculty).ToArray()),
            ("teachers", students.Select(s => s.Teacher).ToArray()));
        int added = 0, updated = 0;
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        while (await reader.ReadAsync(cancellationToken))
            if (reader.GetBoolean(0)) added++; else updated++;
        return (added, updated);
    }

    public async Task<string?> FindIdAsync(string studentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync("SELECT student_id FROM roster WHERE lower(student_id) = lower(@id) LIMIT 1", cancellationToken, ("id", studentId)) as string;
    }

    public async Task<IReadOnlyList<RosterStudent>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        // COLLATE "C": the same byte order as SQLite's, whatever the database's locale.
        await using var command = connection.Command("""
            SELECT student_id, full_name, class_name, faculty, teacher FROM roster
            ORDER BY faculty COLLATE "C", class_name COLLATE "C", student_id COLLATE "C"
            """);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var students = new List<RosterStudent>();
        while (await reader.ReadAsync(cancellationToken))
            students.Add(new RosterStudent(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        return students;
    }
}

/// <summary><see cref="ISettingsStore"/> in PostgreSQL, shared by replicas.</summary>
public sealed class PostgresSettingsStore(PostgresDatabase database) : ISettingsStore
{
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        return await connection.ScalarAsync("SELECT value FROM settings WHERE name = @name", cancellationToken, ("name", name)) as string;
    }

    public async Task SetAsync(string name, string value, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await connection.ExecuteAsync("INSERT INTO settings (name, value) VALUES (@name, @value) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            cancellationToken, ("name", name), ("value", value));
    }
}
