namespace VssBot.Bot.Privacy;

/// <summary>
/// One store of personal data the retention sweep cleans: everything about a student that was last touched before the
/// cutoff goes. Register with <see cref="RetentionSweepServiceCollectionExtensions.AddRetentionTarget{T}"/>.
/// </summary>
public interface IRetentionTarget
{
    /// <summary>The store's name in logs and in <see cref="RetentionOptions.Stores"/> (e.g. "directline").</summary>
    string Name { get; }

    /// <summary>Deletes what was last touched before <paramref name="cutoff"/>; returns how many items (rows, files) went.</summary>
    Task<int> DeleteOlderThanAsync(DateTimeOffset cutoff, CancellationToken cancellationToken);
}
