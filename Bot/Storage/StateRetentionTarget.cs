using Microsoft.Bot.Builder;
using VssBot.Bot.Privacy;

namespace VssBot.Bot.Storage;

/// <summary>Retention of the bot state: conversation state and student profiles (user state) not updated since the cutoff.</summary>
public sealed class StateRetentionTarget(IStorage storage) : IRetentionTarget
{
    public string Name => "state";

    public Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken) =>
        storage is IStateStore store ? store.DeletePersonalStateUpdatedBeforeAsync(cutoff, cancellationToken) : Task.FromResult(0);
}
