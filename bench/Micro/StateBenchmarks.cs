using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using VssBot.Dialogs;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Form01.Fields;
using VssBot.Dialogs.Texts;

namespace VssBot.Bench.Micro;

/// <summary>
/// State load and save through <see cref="SqliteStorage"/> (serialisation, encryption, SQLite) of a student who answered
/// every generic Form 01 field: the user-state item a turn reads and writes.
/// </summary>
[MemoryDiagnoser]
public class StateBenchmarks
{
    private const string Key = "test/users/u-bench";
    private readonly string path = Path.Combine(Path.GetTempPath(), $"vssbot-micro-{Guid.NewGuid():N}.db");
    private SqliteStorage storage = null!;
    private Dictionary<string, object> state = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        storage = new SqliteStorage(path, new PersonalDataProtector(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)));
        await storage.EnsureCreatedAsync();
        state = new Dictionary<string, object> { [StudentBot.ProfileProperty] = CompletedProfile() };
        await storage.WriteAsync(new Dictionary<string, object> { [Key] = state });
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        storage.Dispose();
        SqliteConnection.ClearAllPools();
        foreach (var file in new[] { path, path + "-wal", path + "-shm" })
            File.Delete(file);
    }

    [Benchmark]
    public Task<IDictionary<string, object>> Load() => storage.ReadAsync([Key]);

    [Benchmark]
    public Task Save() => storage.WriteAsync(new Dictionary<string, object> { [Key] = state });

    /// <summary>Every generic field answered with its example, as the readers store it.</summary>
    private static StudentProfile CompletedProfile()
    {
        var form = Form01Definition.LoadEmbedded();
        var readers = FieldReaders.Default();
        var texts = BotTexts.LoadEmbedded();
        var profile = new StudentProfile { Greeted = true, ConsentGivenAt = DateTimeOffset.UtcNow };
        foreach (var field in form.Fields.Where(f => readers.Has(f.Kind)))
        {
            var text = field.Example == "{today}" ? "hôm nay" : field.Example;
            var reading = readers.For(field.Kind).Read(new FieldInput(text, [], field, profile.Form, new DateOnly(2026, 12, 1), texts, new Dictionary<string, object>()));
            if (reading.Answer is { } answer)
                profile.Form.Set(field.Key, answer);
        }
        return profile;
    }
}
