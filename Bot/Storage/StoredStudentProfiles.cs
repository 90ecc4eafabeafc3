using Microsoft.Bot.Builder;
using Newtonsoft.Json.Linq;
using VssBot.Dialogs;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Storage;

/// <summary>
/// Student profiles outside a turn (the outbox worker, the printable form): reads the user-state item UserState itself
/// writes ("{channelId}/users/{userId}", property <see cref="StudentBot.ProfileProperty"/>); moving the journey writes it
/// back with its ETag, and a conflict is read again and retried.
/// </summary>
public sealed class StoredStudentProfiles(IStorage storage, TimeProvider clock, ILogger<StoredStudentProfiles> logger)
{
    private const string ProfileProperty = StudentBot.ProfileProperty;
    private const int Attempts = 3;

    public static string StorageKey(string channelId, string userId) => $"{channelId}/users/{userId}";

    /// <summary>The stored profile of "{channelId}/{userId}", or null when there is none (or the key is malformed).</summary>
    public async Task<StudentProfile?> ReadAsync(string studentKey, CancellationToken cancellationToken)
    {
        var slash = studentKey.IndexOf('/');
        if (slash <= 0 || slash == studentKey.Length - 1) return null;
        var key = StorageKey(studentKey[..slash], studentKey[(slash + 1)..]);
        var items = await storage.ReadAsync([key], cancellationToken);
        return items.TryGetValue(key, out var item) && State(item) is { } state ? Profile(state) : null;
    }

    /// <summary>After the registry accepted the declaration with <paramref name="receiptNumber"/>: DeclarationSubmitted, then InstructionsSent.</summary>
    public async Task<JourneyUpdate> MarkSubmittedAsync(string channelId, string userId, string receiptNumber, CancellationToken cancellationToken)
    {
        var key = StorageKey(channelId, userId);
        for (var attempt = 1; ; attempt++)
        {
            var items = await storage.ReadAsync([key], cancellationToken);
            if (!items.TryGetValue(key, out var item) || State(item) is not { } state || Profile(state) is not { } profile)
                return JourneyUpdate.Waiting("no profile yet");
            if (profile.Journey.ReceiptNumber != receiptNumber)
                return JourneyUpdate.Waiting("the profile does not show this receipt yet");

            var journey = new StudentJourney(profile.Journey, clock);
            var submitted = journey.TryFire(JourneyTrigger.DeclarationSubmitted);
            var instructed = journey.TryFire(JourneyTrigger.InstructionsSent);
            if (!submitted && !instructed)
                return JourneyUpdate.Done($"unchanged ({journey.State})");

            state[ProfileProperty] = profile;
            try
            {
                await storage.WriteAsync(new Dictionary<string, object> { [key] = state }, cancellationToken);
                return JourneyUpdate.Done($"{(submitted ? "submitted, " : "")}{journey.State}");
            }
            catch (Exception e) when (attempt < Attempts && e.Message.Contains("etag", StringComparison.OrdinalIgnoreCase))
            {
                logger.LogInformation("User state changed while the journey was updated (ETag); reading it again");
            }
        }
    }

    /// <summary>The state dictionary as UserState stores it (typed with SqliteStorage and MemoryStorage, a JObject elsewhere).</summary>
    private static IDictionary<string, object>? State(object item) => item switch
    {
        IDictionary<string, object> dictionary => dictionary,
        JObject json => json.ToObject<Dictionary<string, object>>(),
        _ => null,
    };

    private static StudentProfile? Profile(IDictionary<string, object> state) => state.TryGetValue(ProfileProperty, out var value)
        ? value switch
        {
            StudentProfile profile => profile,
            JToken json => json.ToObject<StudentProfile>(),
            _ => null,
        }
        : null;
}

/// <summary>What happened to the journey: <see cref="Completed"/> false means "try again later".</summary>
public sealed record JourneyUpdate(bool Completed, string Outcome)
{
    public static JourneyUpdate Done(string outcome) => new(true, outcome);
    public static JourneyUpdate Waiting(string reason) => new(false, "waiting: " + reason);
}
