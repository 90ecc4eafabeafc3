using BenchmarkDotNet.Attributes;
using Microsoft.Data.Sqlite;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using VssBot.Dialogs;
using Microsoft.Bot.Builder;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Runtime;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Form01.Fields;
using VssBot.Dialogs.Texts;

namespace VssBot.Bench.Micro;

/// <summary>
/// State load and save through <see cref="SqliteStorage"/> (serialisation, encryption, SQLite) of a student who answered
/// every generic Form 01 field (the user-state item a turn reads and writes), and of a dialog stack waiting at a
/// question inside the address step (the conversation-state item).
/// </summary>
[MemoryDiagnoser]
public class StateBenchmarks
{
    private const string Key = "test/users/u-bench";
    private const string ConversationKey = "test/conversations/c-bench";
    private readonly string path = Path.Combine(Path.GetTempPath(), $"vssbot-micro-{Guid.NewGuid():N}.db");
    private SqliteStorage storage = null!;
    private Dictionary<string, object> state = null!;
    private Dictionary<string, object> conversation = null!;

    [GlobalSetup]
    public async Task SetupAsync()
    {
        // Nothing kept in memory (RecentStates off): Load* measures the file, what a turn pays when its state is not in memory.
        storage = new SqliteStorage(path, new PersonalDataProtector(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32)),
            options: new StorageOptions.SqliteOptions { RecentStates = 0 });
        await storage.EnsureCreatedAsync();
        state = new Dictionary<string, object> { [StudentBot.ProfileProperty] = CompletedProfile() };
        conversation = new Dictionary<string, object> { [StudentState.DialogStateProperty] = StackAtACommuneQuestion() };
        await storage.WriteAsync(new Dictionary<string, object> { [Key] = state, [ConversationKey] = conversation });
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

    [Benchmark]
    public Task<IDictionary<string, object>> LoadConversation() => storage.ReadAsync([ConversationKey]);

    [Benchmark]
    public Task SaveConversation() => storage.WriteAsync(new Dictionary<string, object> { [ConversationKey] = conversation });

    /// <summary>main → form01 → form01.address → a text prompt for the commune, as the dialogs leave it between turns.</summary>
    private static DialogState StackAtACommuneQuestion()
    {
        static DialogState Stack(params DialogInstance[] instances) => new() { DialogStack = [.. instances] };
        static DialogInstance Steps(string id, int step, Dictionary<string, object> values) =>
            new() { Id = id, State = new() { ["values"] = values, ["stepIndex"] = step } };
        var prompt = new DialogInstance
        {
            Id = "form01.address.commune",
            State = new()
            {
                ["options"] = new PromptOptions
                {
                    Prompt = new PromptText("Bạn ở phường/xã nào của Tỉnh Ninh Bình? (tên theo địa giới mới từ 1/7/2025)"),
                    RetryPrompt = new PromptText("Mình chưa tìm thấy phường/xã này ở Tỉnh Ninh Bình. Bạn thử nhập tên mới (ví dụ: Phường Phủ Lý) nhé."),
                    QuestionKey = "field:address",
                    Properties = new() { ["province"] = "37" },
                    Help = "Mục này là phường/xã (theo địa giới mới từ 1/7/2025, không còn cấp huyện) trong Tỉnh Ninh Bình.",
                },
                ["state"] = new Dictionary<string, object> { ["attemptCount"] = 0 },
            },
        };
        var address = new DialogInstance { Id = "form01.address", State = new() { ["dialogs"] = Stack(prompt, Steps("form01.address.steps", 1, new() { ["province"] = "37" })) } };
        var form = new DialogInstance { Id = "form01", State = new() { ["dialogs"] = Stack(address, Steps("form01.steps", 7, new() { ["started"] = true })) } };
        return Stack(new DialogInstance { Id = "main", State = new() { ["dialogs"] = Stack(form, Steps("main.steps", 2, [])) } });
    }

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
