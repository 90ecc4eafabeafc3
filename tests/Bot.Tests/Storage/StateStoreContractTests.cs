using System.Security.Cryptography;
using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Time.Testing;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Tests.Storage;

/// <summary>
/// What every durable store (SQLite, PostgreSQL) must do, run against each by a subclass: MemoryStorage's ETag rules,
/// typed JSON restricted by the binder, encryption at rest, several instances on one database, retention.
/// </summary>
public abstract class StateStoreContractTests : IAsyncLifetime
{
    protected readonly FakeTimeProvider Time = new(DateTimeOffset.Parse("2025-09-01T00:00:00Z"));
    private IStateStore? storage;

    protected IStateStore Storage => storage ?? throw new InvalidOperationException("Not initialized.");

    /// <summary>A new store on the same database as <see cref="Storage"/> (another instance, or after a restart).</summary>
    protected abstract IStateStore NewInstance(IPersonalDataProtector? protector = null);

    /// <summary>Every stored data column, as the database holds it.</summary>
    protected abstract Task<IReadOnlyList<string>> RawDataAsync();

    /// <summary>Writes a row behind the store's back (a tampered database).</summary>
    protected abstract Task InsertRawAsync(string key, string data);

    public virtual async Task InitializeAsync()
    {
        storage = NewInstance();
        await Storage.EnsureCreatedAsync();
    }

    public virtual Task DisposeAsync() => storage is IAsyncDisposable d ? d.DisposeAsync().AsTask() : Task.CompletedTask;

    [Fact]
    public async Task Writes_reads_and_deletes_items_with_their_types()
    {
        var journey = new JourneyRecord { State = JourneyState.Declared, DeclaredAt = DateTimeOffset.Parse("2025-09-01T08:00:00+07:00") };
        journey.History.Add(new JourneyEvent(JourneyState.Declaring, JourneyState.Declared, JourneyTrigger.DeclarationConfirmed, journey.DeclaredAt.Value));

        await Storage.WriteAsync(new Dictionary<string, object> { ["journey"] = journey, ["note"] = new Note { Text = "xin chào" } });
        var read = await Storage.ReadAsync(["journey", "note", "missing"]);

        var readJourney = Assert.IsType<JourneyRecord>(read["journey"]);
        Assert.Equal(JourneyState.Declared, readJourney.State);
        Assert.Equal(journey.DeclaredAt, readJourney.DeclaredAt);
        Assert.Equal(journey.History, readJourney.History);
        Assert.Equal("xin chào", Assert.IsType<Note>(read["note"]).Text);
        Assert.False(read.ContainsKey("missing"));

        await Storage.DeleteAsync(["journey"]);
        Assert.Equal(["note"], (await Storage.ReadAsync(["journey", "note"])).Keys);
    }

    [Fact]
    public async Task Bot_state_dictionaries_round_trip()
    {
        var state = new Dictionary<string, object> { ["counter"] = new CountingBot.Counter { Count = 3 } };
        await Storage.WriteAsync(new Dictionary<string, object> { ["emulator/conversations/c1"] = state });

        var read = Assert.IsAssignableFrom<IDictionary<string, object>>((await Storage.ReadAsync(["emulator/conversations/c1"]))["emulator/conversations/c1"]);
        Assert.Equal(3, Assert.IsType<CountingBot.Counter>(read["counter"]).Count);
    }

    [Fact]
    public async Task Every_write_of_a_store_item_gets_a_new_ETag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "1" } });
        var first = (Note)(await Storage.ReadAsync(["k"]))["k"];
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = first });
        var second = (Note)(await Storage.ReadAsync(["k"]))["k"];

        Assert.False(string.IsNullOrEmpty(first.ETag));
        Assert.NotEqual(first.ETag, second.ETag);
        // Another instance (a restart, another replica) never hands out an ETag this row already had.
        await NewInstance().WriteAsync(new Dictionary<string, object> { ["k"] = second });
        var third = (Note)(await Storage.ReadAsync(["k"]))["k"];
        Assert.DoesNotContain(third.ETag, new[] { first.ETag, second.ETag });
        Assert.All(new[] { first.ETag, second.ETag, third.ETag }, etag => Assert.Matches("^[0-9a-f]{32}$", etag));
    }

    [Fact]
    public async Task A_stale_ETag_is_refused_like_MemoryStorage_refuses_it()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "1" } });
        var loaded = (Note)(await Storage.ReadAsync(["k"]))["k"];
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "2", ETag = loaded.ETag } });

        var stale = new Note { Text = "3", ETag = loaded.ETag };
        var ours = await Record.ExceptionAsync(() => Storage.WriteAsync(new Dictionary<string, object> { ["k"] = stale }));
        var theirs = await StaleWriteToMemoryStorage();

        Assert.NotNull(ours);
        Assert.Equal(theirs.GetType(), ours.GetType());
        Assert.Equal(theirs.Message.Split('.')[0], ours.Message.Split('.')[0]);
        Assert.True(StateStore.IsETagConflict(ours) && StateStore.IsETagConflict(theirs));
        Assert.Equal("2", ((Note)(await Storage.ReadAsync(["k"]))["k"]).Text);
    }

    [Fact]
    public async Task A_wildcard_ETag_overwrites()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "1" } });
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "2", ETag = "*" } });
        Assert.Equal("2", ((Note)(await Storage.ReadAsync(["k"]))["k"]).Text);
    }

    [Fact]
    public async Task A_json_object_with_an_ETag_takes_part_in_concurrency_checks()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["ETag"] = "*", ["v"] = 1 } });
        var loaded = (JObject)(await Storage.ReadAsync(["k"]))["k"];

        await Assert.ThrowsAnyAsync<Exception>(() => Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["ETag"] = "old", ["v"] = 2 } }));
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new JObject { ["ETag"] = loaded["ETag"], ["v"] = 3 } });
        Assert.Equal(3, (int)((JObject)(await Storage.ReadAsync(["k"]))["k"])["v"]!);
    }

    [Fact]
    public async Task A_stale_copy_of_bot_state_is_refused_and_the_writers_copy_follows_its_ETag()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["emulator/conversations/c"] = new Dictionary<string, object> { ["n"] = 1L } });
        var ours = (IDictionary<string, object>)(await Storage.ReadAsync(["emulator/conversations/c"]))["emulator/conversations/c"];
        var theirs = (IDictionary<string, object>)(await NewInstance().ReadAsync(["emulator/conversations/c"]))["emulator/conversations/c"];

        theirs["n"] = 2L;
        await Storage.WriteAsync(new Dictionary<string, object> { ["emulator/conversations/c"] = theirs });
        ours["n"] = 3L;
        var conflict = await Record.ExceptionAsync(() => Storage.WriteAsync(new Dictionary<string, object> { ["emulator/conversations/c"] = ours }));

        Assert.True(conflict is not null && StateStore.IsETagConflict(conflict));
        // The successful writer keeps saving its own (updated) copy, as BotState does within a turn.
        theirs["n"] = 4L;
        await Storage.WriteAsync(new Dictionary<string, object> { ["emulator/conversations/c"] = theirs });
        Assert.Equal(4L, ((IDictionary<string, object>)(await Storage.ReadAsync(["emulator/conversations/c"]))["emulator/conversations/c"])["n"]);
    }

    [Fact]
    public async Task Two_instances_saving_the_first_state_of_a_new_conversation_at_once_have_exactly_one_winner()
    {
        IStateStore[] instances = [Storage, NewInstance()];

        // BotState's first save of a conversation: a new dictionary, no ETag yet.
        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => Record.ExceptionAsync(() =>
            instances[i % 2].WriteAsync(new Dictionary<string, object> { ["emulator/conversations/new"] = new Dictionary<string, object> { ["n"] = (long)i } })))));

        Assert.Single(attempts, e => e is null);
        Assert.All(attempts.OfType<Exception>(), e => Assert.True(StateStore.IsETagConflict(e), e.ToString()));
        var winner = Array.FindIndex(attempts, e => e is null);
        Assert.Equal((long)winner, ((IDictionary<string, object>)(await NewInstance().ReadAsync(["emulator/conversations/new"]))["emulator/conversations/new"])["n"]);
    }

    [Fact]
    public async Task Items_survive_a_new_instance_on_the_same_database()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "còn đây" } });

        var other = NewInstance();
        Assert.Equal("còn đây", ((Note)(await other.ReadAsync(["k"]))["k"]).Text);
    }

    [Fact]
    public async Task Two_instances_writing_with_the_same_ETag_at_once_have_exactly_one_winner()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = "0" } });
        var etag = ((Note)(await Storage.ReadAsync(["k"]))["k"]).ETag;
        IStateStore[] instances = [Storage, NewInstance()];

        var attempts = await Task.WhenAll(Enumerable.Range(0, 10).Select(i => Task.Run(() => Record.ExceptionAsync(() =>
            instances[i % 2].WriteAsync(new Dictionary<string, object> { ["k"] = new Note { Text = $"w{i}", ETag = etag } })))));

        Assert.Single(attempts, e => e is null);
        Assert.All(attempts.OfType<Exception>(), e => Assert.True(StateStore.IsETagConflict(e), e.ToString()));
        var winner = Array.FindIndex(attempts, e => e is null);
        Assert.Equal($"w{winner}", ((Note)(await instances[1 - winner % 2].ReadAsync(["k"]))["k"]).Text);
    }

    [Fact]
    public async Task The_database_holds_no_personal_data_in_clear_and_it_reads_back()
    {
        var profile = new Dictionary<string, object>
        {
            ["student"] = new JObject { ["phone"] = "+84912345678", ["idNumber"] = "001203004545", ["email"] = "ha.pham@gmail.com" },
        };
        await Storage.WriteAsync(new Dictionary<string, object> { ["emulator/users/u1"] = profile });

        var raw = string.Join("\n", await RawDataAsync());
        Assert.StartsWith(PersonalDataProtector.Prefix, raw);
        foreach (var secret in new[] { "912345678", "001203004545", "ha.pham", "gmail", "student" })
            Assert.DoesNotContain(secret, raw);
        var read = (IDictionary<string, object>)(await Storage.ReadAsync(["emulator/users/u1"]))["emulator/users/u1"];
        Assert.Equal("ha.pham@gmail.com", (string?)((JObject)read["student"])["email"]);
    }

    [Fact]
    public async Task A_wrong_key_fails_loudly_instead_of_reading_empty_state()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["emulator/users/u1"] = new Note { Text = "0912345678" } });

        var wrongKey = NewInstance(new PersonalDataProtector(TestKeys.OtherKey));
        var error = await Assert.ThrowsAnyAsync<CryptographicException>(() => wrongKey.ReadAsync(["emulator/users/u1"]));
        Assert.Contains("DataProtection:Key", error.Message);

        var rotated = NewInstance(new PersonalDataProtector(TestKeys.OtherKey, [TestKeys.Key]));
        Assert.Equal("0912345678", ((Note)(await rotated.ReadAsync(["emulator/users/u1"]))["emulator/users/u1"]).Text);
    }

    [Fact]
    public async Task Unknown_type_names_in_a_stored_row_are_refused()
    {
        await InsertRawAsync("evil", TestKeys.Protector().Protect("""{"$type":"Gadgets.RunsCommands, Gadgets","cmd":"rm -rf /"}""", "evil"));
        await InsertRawAsync("evil-plain", """{"$type":"Gadgets.RunsCommands, Gadgets","cmd":"rm -rf /"}""");

        var error = await Assert.ThrowsAsync<JsonSerializationException>(() => Storage.ReadAsync(["evil"]));
        Assert.Contains("not allowed", error.ToString());
        await Assert.ThrowsAsync<JsonSerializationException>(() => Storage.ReadAsync(["evil-plain"]));
    }

    [Fact]
    public async Task Rows_in_every_earlier_stored_form_still_read_back()
    {
        const string json = """{"$type":"VssBot.Bot.Tests.Storage.StateStoreContractTests+Note, VssBot.Bot.Tests","Text":"0912345678"}""";
        var protector = TestKeys.Protector();
        // Plain JSON (before encryption), encrypted JSON (before compression), encrypted "br1:" + base64 Brotli (before raw
        // Brotli), encrypted "br2:" + raw Brotli (before Deflate).
        await InsertRawAsync("emulator/users/plain", json);
        await InsertRawAsync("emulator/users/encrypted", protector.Protect(json, "emulator/users/encrypted"));
        var brotli = System.IO.Compression.BrotliEncoder.GetMaxCompressedLength(json.Length);
        var buffer = new byte[brotli];
        Assert.True(System.IO.Compression.BrotliEncoder.TryCompress(System.Text.Encoding.UTF8.GetBytes(json), buffer, out var written));
        await InsertRawAsync("emulator/users/br1", protector.Protect("br1:" + Convert.ToBase64String(buffer, 0, written), "emulator/users/br1"));
        await InsertRawAsync("emulator/users/br2", protector.ProtectToText([.. "br2:"u8, .. buffer.AsSpan(0, written)], "emulator/users/br2"));

        var items = await Storage.ReadAsync(["emulator/users/plain", "emulator/users/encrypted", "emulator/users/br1", "emulator/users/br2"]);

        Assert.Equal(4, items.Count);
        Assert.All(items.Values, item => Assert.Equal("0912345678", ((Note)item).Text));
    }

    /// <summary>A student's state as a turn leaves it: the dialog stack with values of many shapes in object slots, and the profile.</summary>
    private static Dictionary<string, object> StudentStateItems()
    {
        var at = DateTimeOffset.Parse("2025-09-01T08:00:00+07:00");
        var profile = new VssBot.Dialogs.Conversation.StudentProfile { Greeted = true, ConsentGivenAt = at, Platform = "android" };
        profile.Journey.State = JourneyState.Declaring;
        profile.Journey.History.Add(new JourneyEvent(JourneyState.Installed, JourneyState.Declaring, JourneyTrigger.StartDeclaring, at));
        profile.Form.Set("phone", new VssBot.Dialogs.Form01.FieldAnswer("+84912345678", "0912345678"));
        profile.Form.Set("idDocument", new VssBot.Dialogs.Form01.FieldAnswer("036303012345", "036303012345", new() { ["kind"] = "personalId" }));
        profile.Escalations.Add(new VssBot.Dialogs.Conversation.Escalation(VssBot.Dialogs.Conversation.EscalationReason.MaxAttemptsReached, "phone", at));
        var stack = new VssBot.Dialogs.Runtime.DialogState { Version = "v1" };
        stack.DialogStack.Add(new VssBot.Dialogs.Runtime.DialogInstance
        {
            Id = "form01",
            State = new Dictionary<string, object>
            {
                ["stepIndex"] = 3L, ["question"] = "phone", ["attempts"] = new List<string> { "0912", "09123" }, ["since"] = at,
                ["values"] = new Dictionary<string, object> { ["journey"] = profile.Journey, ["flag"] = true, ["none"] = null! },
            },
        });
        return new Dictionary<string, object> { ["dialogState"] = stack, ["profile"] = profile };
    }

    private static string Canonical(object value) =>
        JsonConvert.SerializeObject(value, new JsonSerializerSettings { TypeNameHandling = TypeNameHandling.All, DateParseHandling = DateParseHandling.DateTimeOffset });

    [Fact]
    public async Task A_students_state_round_trips_with_every_type_it_holds()
    {
        var state = StudentStateItems();
        await Storage.WriteAsync(new Dictionary<string, object> { ["emulator/users/u1"] = state });

        var read = Assert.IsAssignableFrom<IDictionary<string, object>>((await NewInstance().ReadAsync(["emulator/users/u1"]))["emulator/users/u1"]);

        state.Remove(StateStore.ETagProperty);
        read.Remove(StateStore.ETagProperty);
        Assert.Equal(Canonical(state), Canonical(read));
        var stack = Assert.IsType<VssBot.Dialogs.Runtime.DialogState>(read["dialogState"]);
        Assert.IsType<List<string>>(stack.DialogStack[0].State["attempts"]);
        Assert.IsType<JourneyRecord>(((Dictionary<string, object>)stack.DialogStack[0].State["values"])["journey"]);
    }

    [Fact]
    public async Task A_prompt_waiting_for_its_answer_is_stored_without_its_empty_fields_and_reads_back_the_same()
    {
        var prompt = new VssBot.Dialogs.Runtime.PromptText("Bạn có số BHXH không?")
        {
            SuggestedActions = new SuggestedActions { Actions = [new CardAction(ActionTypes.ImBack, "Có", value: "Có"), new CardAction(ActionTypes.ImBack, "Không", value: "Không")] },
        };
        var options = new VssBot.Dialogs.Runtime.PromptOptions { Prompt = prompt, QuestionKey = "field:bhxh", Choices = null! };
        var stack = new VssBot.Dialogs.Runtime.DialogState();
        stack.DialogStack.Add(new VssBot.Dialogs.Runtime.DialogInstance { Id = "ask", State = new() { ["options"] = options, ["none"] = null! } });
        var state = new Dictionary<string, object> { ["dialogState"] = stack };

        await Storage.WriteAsync(new Dictionary<string, object> { ["emulator/conversations/c1"] = state });

        using var text = StateCompression.Reader(TestKeys.Protector().UnprotectToBytes(Assert.Single(await RawDataAsync()), "emulator/conversations/c1"));
        var json = await text.ReadToEndAsync();
        Assert.DoesNotContain("\"speak\"", json);       // no activity's empty fields any more (PromptText)
        Assert.Contains("\"text\":\"Bạn có số BHXH không?\"", json);
        Assert.DoesNotContain("\"RetryPrompt\"", json); // null in new PromptOptions: left out
        Assert.Contains("\"Choices\":null", json);      // a new PromptOptions has a list there: the null is kept
        Assert.Contains("\"none\":null", json);         // dictionary entries keep their nulls
        var read = Assert.IsAssignableFrom<IDictionary<string, object>>((await NewInstance().ReadAsync(["emulator/conversations/c1"]))["emulator/conversations/c1"]);
        state.Remove(StateStore.ETagProperty);
        read.Remove(StateStore.ETagProperty);
        Assert.Equal(Canonical(state), Canonical(read));
        var readOptions = Assert.IsType<VssBot.Dialogs.Runtime.PromptOptions>(((VssBot.Dialogs.Runtime.DialogState)read["dialogState"]).DialogStack[0].State["options"]);
        Assert.Null(readOptions.Choices);
        Assert.Equal(["Có", "Không"], readOptions.Prompt!.SuggestedActions!.Actions.Select(a => a.Title));
    }

    /// <summary>Prompts were stored as whole activities before PromptText: such a stack reads back with the text and buttons.</summary>
    [Fact]
    public async Task A_prompt_stored_as_a_whole_activity_reads_back_as_its_text_and_buttons()
    {
        const string json = """
            {"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]], System.Private.CoreLib",
             "dialogState":{"$type":"VssBot.Dialogs.Runtime.DialogState, VssBot.Dialogs","DialogStack":[{"Id":"form01.field","State":{
               "options":{"$type":"VssBot.Dialogs.Runtime.PromptOptions, VssBot.Dialogs",
                 "Prompt":{"type":"message","text":"Câu 7: Email của bạn là gì?","inputHint":"acceptingInput","attachments":[],"entities":[],
                   "suggestedActions":{"actions":[{"type":"imBack","title":"Không có email","value":"Không có email"}]}},
                 "RetryPrompt":{"type":"message","text":"Bạn nhập email đúng dạng nhé.","inputHint":"acceptingInput","attachments":[],"entities":[]},
                 "Choices":[],"Validations":"field:email","Properties":{}},
               "state":{"$type":"System.Collections.Generic.Dictionary`2[[System.String, System.Private.CoreLib],[System.Object, System.Private.CoreLib]], System.Private.CoreLib","attemptCount":0}}}],
             "Version":"1da0de9718996b64"},
             "ETag":"678c12df9e89d45e0000000000000015"}
            """;
        await InsertRawAsync("emulator/conversations/old-prompt", TestKeys.Protector().Protect(json, "emulator/conversations/old-prompt"));

        var read = Assert.IsAssignableFrom<IDictionary<string, object>>((await Storage.ReadAsync(["emulator/conversations/old-prompt"]))["emulator/conversations/old-prompt"]);
        var stack = Assert.IsType<VssBot.Dialogs.Runtime.DialogState>(read["dialogState"]);
        var options = Assert.IsType<VssBot.Dialogs.Runtime.PromptOptions>(stack.DialogStack[0].State["options"]);
        Assert.Equal("Câu 7: Email của bạn là gì?", options.Prompt!.Text);
        Assert.Equal(["Không có email"], options.Prompt.SuggestedActions!.Actions.Select(a => a.Title));
        Assert.Equal("Bạn nhập email đúng dạng nhé.", options.RetryPrompt!.Text);
        Assert.Equal("field:email", options.QuestionKey);
    }

    [Fact]
    public async Task State_written_with_a_type_name_on_every_object_still_reads_back()
    {
        // Before issue 12's second round rows named every object's type (TypeNameHandling.All); they read the same now.
        var state = StudentStateItems();
        var older = JsonConvert.SerializeObject(state, new JsonSerializerSettings
        {
            TypeNameHandling = TypeNameHandling.All, SerializationBinder = new StateTypeBinder(),
            TypeNameAssemblyFormatHandling = TypeNameAssemblyFormatHandling.Full,
        });
        Assert.Contains("System.Collections.Generic.List`1[[VssBot.Dialogs.Runtime.DialogInstance, VssBot.Dialogs]]", older);
        await InsertRawAsync("emulator/users/older", TestKeys.Protector().Protect(older, "emulator/users/older"));

        var read = (await Storage.ReadAsync(["emulator/users/older"]))["emulator/users/older"];

        Assert.Equal(Canonical(state), Canonical(read));
    }

    [Fact]
    public async Task A_row_written_now_is_compressed_inside_its_encryption()
    {
        var text = string.Concat(Enumerable.Repeat("0912345678 ", 200));
        await Storage.WriteAsync(new Dictionary<string, object> { ["emulator/users/long"] = new Note { Text = text } });

        var stored = Assert.Single(await RawDataAsync());
        var plain = TestKeys.Protector().UnprotectToBytes(stored, "emulator/users/long");
        Assert.Equal("df1:"u8.ToArray(), plain[..4]);
        Assert.True(plain.Length < text.Length / 4, $"{plain.Length} bytes for {text.Length} characters");
        Assert.Equal(text, ((Note)(await Storage.ReadAsync(["emulator/users/long"]))["emulator/users/long"]).Text);
    }

    [Fact]
    public async Task A_row_copied_under_another_key_does_not_decrypt()
    {
        await Storage.WriteAsync(new Dictionary<string, object> { ["emulator/users/a"] = new Note { Text = "a" } });
        var stolen = Assert.Single(await RawDataAsync());
        await InsertRawAsync("emulator/users/b", stolen);

        await Assert.ThrowsAnyAsync<CryptographicException>(() => Storage.ReadAsync(["emulator/users/b"]));
    }

    [Fact]
    public async Task Retention_deletes_conversations_and_profiles_not_updated_since_the_cutoff_only()
    {
        await Storage.WriteAsync(new Dictionary<string, object>
        {
            ["emulator/conversations/old"] = new Note(),
            ["emulator/users/old"] = new Note(),
            ["other/old"] = new Note(),
        });
        Time.Advance(TimeSpan.FromDays(50));
        await Storage.WriteAsync(new Dictionary<string, object> { ["emulator/conversations/recent"] = new Note(), ["emulator/users/recent"] = new Note() });
        Time.Advance(TimeSpan.FromDays(45));

        var deleted = await Storage.DeletePersonalStateUpdatedBeforeAsync(Time.GetUtcNow().AddDays(-90));

        Assert.Equal(2, deleted);
        var left = await Storage.ReadAsync(["emulator/conversations/old", "emulator/users/old", "other/old", "emulator/conversations/recent", "emulator/users/recent"]);
        Assert.Equal(["emulator/conversations/recent", "emulator/users/recent", "other/old"], left.Keys.Order());
    }

    [Fact]
    public async Task Writing_a_type_outside_the_allowed_namespaces_fails_at_write_time()
    {
        await Assert.ThrowsAsync<JsonSerializationException>(() =>
            Storage.WriteAsync(new Dictionary<string, object> { ["k"] = new Outside.Gadget() }));
    }

    private static async Task<Exception> StaleWriteToMemoryStorage()
    {
        var memory = new MemoryStorage();
        await memory.WriteAsync(new Dictionary<string, object> { ["k"] = new Note() }, default);
        await memory.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { ETag = "*" } }, default);
        return (await Record.ExceptionAsync(() => memory.WriteAsync(new Dictionary<string, object> { ["k"] = new Note { ETag = "0" } }, default)))!;
    }

    public sealed class Note : IStoreItem
    {
        public string? Text { get; set; }
        public string? ETag { get; set; }
    }
}
