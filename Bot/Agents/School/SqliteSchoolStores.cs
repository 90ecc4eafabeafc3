using VssBot.Bot.Storage;

namespace VssBot.Bot.Agents.School;

/// <summary><see cref="IRosterStore"/> in the bot's SQLite file.</summary>
public sealed class SqliteRosterStore(AgentsDatabase database) : IRosterStore
{
    public async Task<(int Added, int Updated)> UpsertAsync(IReadOnlyList<RosterStudent> students, CancellationToken cancellationToken)
    {
        int added = 0, updated = 0;
        await using var write = await database.BeginWriteAsync(cancellationToken);
        foreach (var s in students)
        {
            await using var exists = write.Sql("SELECT 1 FROM roster WHERE student_id = $id", ("$id", s.StudentId));
            var known = await exists.ExecuteScalarAsync(cancellationToken) is not null;
            await write.ExecuteAsync("""
                INSERT INTO roster (student_id, full_name, class_name, faculty, teacher) VALUES ($id, $name, $class, $faculty, $teacher)
                ON CONFLICT (student_id) DO UPDATE SET full_name = excluded.full_name, class_name = excluded.class_name,
                    faculty = excluded.faculty, teacher = excluded.teacher
                """, cancellationToken, ("$id", s.StudentId), ("$name", s.FullName), ("$class", s.ClassName), ("$faculty", s.Faculty), ("$teacher", s.Teacher));
            if (known) updated++; else added++;
        }
        await write.CommitAsync(cancellationToken);
        return (added, updated);
    }

    public async Task<string?> FindIdAsync(string studentId, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT student_id FROM roster WHERE student_id = $id COLLATE NOCASE LIMIT 1", ("$id", studentId));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public async Task<IReadOnlyList<RosterStudent>> AllAsync(CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT student_id, full_name, class_name, faculty, teacher FROM roster ORDER BY faculty, class_name, student_id");
        await using var reader = await command.ExecuteReaderAsync(cancellationToken);
        var students = new List<RosterStudent>();
        while (await reader.ReadAsync(cancellationToken))
            students.Add(new RosterStudent(reader.GetString(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4)));
        return students;
    }
}

/// <summary><see cref="ISettingsStore"/> in the bot's SQLite file.</summary>
public sealed class SqliteSettingsStore(AgentsDatabase database) : ISettingsStore
{
    public async Task<string?> GetAsync(string name, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = connection.Command("SELECT value FROM settings WHERE name = $name", ("$name", name));
        return await command.ExecuteScalarAsync(cancellationToken) as string;
    }

    public Task SetAsync(string name, string value, CancellationToken cancellationToken) =>
        database.WriteAsync("INSERT INTO settings (name, value) VALUES ($name, $value) ON CONFLICT (name) DO UPDATE SET value = excluded.value",
            cancellationToken, ("$name", name), ("$value", value));
}
