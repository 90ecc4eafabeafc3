using Microsoft.Bot.Builder;
using VssBot.Dialogs.Runtime;

namespace VssBot.Dialogs.Conversation;

/// <summary>
/// The student's stored state for a turn: the conversation's dictionary (the dialog stack) and the user's (the
/// profile), under Bot Framework's own keys (<c>{channel}/conversations/{id}</c>, <c>{channel}/users/{id}</c>) and in
/// the same form as <see cref="ConversationState"/> and <see cref="UserState"/> keep them, so either reads what the
/// other wrote. Cheaper per turn (issue 12): both are read in one storage call and written in one (one transaction,
/// so a stale copy of either refuses both), and nothing is serialised to detect changes — BotState serialises each
/// dictionary three more times per turn for that; a turn that answers has changed its state anyway.
/// Cached in the turn's state, so a turn re-run by the state-conflict retry (which drops what the turn added) reads
/// the stored state again.
/// </summary>
public sealed class StudentState(IStorage storage)
{
    public const string DialogStateProperty = "dialogState";

    private const string TurnStateKey = "VssBot.StudentState";

    /// <summary>The dialog stack (conversation state).</summary>
    public IStatePropertyAccessor<DialogState> DialogStack => new Accessor<DialogState>(this, Scope.Conversation, DialogStateProperty);

    /// <summary>The student's profile (user state).</summary>
    public IStatePropertyAccessor<StudentProfile> Profile => new Accessor<StudentProfile>(this, Scope.User, StudentBot.ProfileProperty);

    public static string ConversationKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.Conversation?.Id))
            throw new InvalidOperationException("The activity has no channel or conversation id: no conversation state.");
        return $"{activity.ChannelId}/conversations/{activity.Conversation.Id}";
    }

    public static string UserKey(ITurnContext turnContext)
    {
        var activity = turnContext.Activity;
        if (string.IsNullOrEmpty(activity.ChannelId) || string.IsNullOrEmpty(activity.From?.Id))
            throw new InvalidOperationException("The activity has no channel or sender id: no user state.");
        return $"{activity.ChannelId}/users/{activity.From.Id}";
    }

    /// <summary>Reads both dictionaries in one storage call, unless this turn has them already (or <paramref name="force"/>).</summary>
    public async Task LoadAsync(ITurnContext turnContext, bool force = false, CancellationToken cancellationToken = default)
    {
        if (!force && turnContext.TurnState.Get<Loaded>(TurnStateKey) is not null)
            return;
        var (conversationKey, userKey) = (ConversationKey(turnContext), UserKey(turnContext));
        var items = await storage.ReadAsync([conversationKey, userKey], cancellationToken);
        turnContext.TurnState[TurnStateKey] = new Loaded(conversationKey, Dictionary(items, conversationKey), userKey, Dictionary(items, userKey));
    }

    /// <summary>Writes both dictionaries in one storage call (one transaction), if this turn read them.</summary>
    public Task SaveAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        turnContext.TurnState.Get<Loaded>(TurnStateKey) is { } loaded
            ? storage.WriteAsync(new Dictionary<string, object> { [loaded.ConversationKey] = loaded.Conversation, [loaded.UserKey] = loaded.User }, cancellationToken)
            : Task.CompletedTask;

    /// <summary>Writes the profile's dictionary only (a turn outside the conversation: follow-ups, hand-off).</summary>
    public Task SaveProfileAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
        turnContext.TurnState.Get<Loaded>(TurnStateKey) is { } loaded
            ? storage.WriteAsync(new Dictionary<string, object> { [loaded.UserKey] = loaded.User }, cancellationToken)
            : Task.CompletedTask;

    /// <summary>Forgets the conversation (its dialog stack); the profile is kept.</summary>
    public async Task DeleteConversationAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        var key = ConversationKey(turnContext);
        if (turnContext.TurnState.Get<Loaded>(TurnStateKey) is { } loaded)
            turnContext.TurnState[TurnStateKey] = loaded with { Conversation = new Dictionary<string, object>() };
        await storage.DeleteAsync([key], cancellationToken);
    }

    private static IDictionary<string, object> Dictionary(IDictionary<string, object> items, string key) =>
        items.TryGetValue(key, out var value) && value is IDictionary<string, object> dictionary ? dictionary : new Dictionary<string, object>();

    private async Task<IDictionary<string, object>> DictionaryAsync(ITurnContext turnContext, Scope scope, CancellationToken cancellationToken)
    {
        await LoadAsync(turnContext, false, cancellationToken);
        var loaded = turnContext.TurnState.Get<Loaded>(TurnStateKey)!;
        return scope == Scope.Conversation ? loaded.Conversation : loaded.User;
    }

    private enum Scope { Conversation, User }

    private sealed record Loaded(string ConversationKey, IDictionary<string, object> Conversation, string UserKey, IDictionary<string, object> User);

    /// <summary>A property of one of the dictionaries, with BotState's accessor semantics (no value and no default: MissingMemberException).</summary>
    private sealed class Accessor<T>(StudentState state, Scope scope, string name) : IStatePropertyAccessor<T>
    {
        public string Name => name;

        public async Task<T> GetAsync(ITurnContext turnContext, Func<T>? defaultValueFactory = null, CancellationToken cancellationToken = default)
        {
            var dictionary = await state.DictionaryAsync(turnContext, scope, cancellationToken);
            if (dictionary.TryGetValue(name, out var value))
                return (T)value;
            if (defaultValueFactory is null)
                throw new MissingMemberException("Property not set and no default provided.");
            var created = defaultValueFactory();
            dictionary[name] = created!;
            return created;
        }

        public async Task SetAsync(ITurnContext turnContext, T value, CancellationToken cancellationToken = default) =>
            (await state.DictionaryAsync(turnContext, scope, cancellationToken))[name] = value!;

        public async Task DeleteAsync(ITurnContext turnContext, CancellationToken cancellationToken = default) =>
            (await state.DictionaryAsync(turnContext, scope, cancellationToken)).Remove(name);
    }
}
