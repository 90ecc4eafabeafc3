using Microsoft.Bot.Schema;

namespace VssBot.Bot.Channels.DirectLine.Stores;

/// <summary>
/// Where Direct Line conversations and their activities live: the SQLite file of one instance
/// (<see cref="SqliteConversationStore"/>) or the PostgreSQL database every replica shares (<see cref="PostgresConversationStore"/>).
/// The watermark is the activity's sequence number within its conversation. User ids and activity bodies hold personal
/// data: they are encrypted with the bot state's key, each value bound to its row.
/// </summary>
public interface IConversationStore
{
    /// <summary>Where the conversations are kept, for the start-up log (never a password).</summary>
    string Location { get; }

    /// <summary>Creates or migrates the tables; encrypts what an older version wrote in clear. Returns how many rows were rewritten.</summary>
    Task<int> PrepareAsync(CancellationToken cancellationToken);

    /// <summary>Records a new conversation for <paramref name="userId"/>; false when it already exists.</summary>
    Task<bool> CreateAsync(string conversationId, string userId, CancellationToken cancellationToken);

    Task<bool> ExistsAsync(string conversationId, CancellationToken cancellationToken);

    /// <summary>
    /// Appends the activity with the next sequence number of its conversation (one writer at a time per conversation,
    /// across replicas), giving it the id "conversation|sequence"; returns the sequence (its watermark).
    /// </summary>
    Task<long> AppendAsync(Activity activity, CancellationToken cancellationToken);

    /// <summary>The activities after <paramref name="watermark"/> (all of them when null), oldest first, one page at most.</summary>
    Task<ActivitySlice> ReadAfterAsync(string conversationId, long? watermark, CancellationToken cancellationToken);

    /// <summary>Deletes the conversations (and their activities) with no activity since <paramref name="cutoff"/>; returns their ids.</summary>
    Task<IReadOnlyList<string>> DeleteIdleBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}

/// <summary>A slice of a conversation's activities and the watermark to ask for the next ones.</summary>
public sealed record ActivitySlice(IReadOnlyList<Activity> Activities, long Watermark);
