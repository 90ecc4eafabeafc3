namespace VssBot.Bot.Storage;

/// <summary>
/// The state dictionaries <see cref="SqliteStorage"/> last wrote together (a turn's dialog stack and profile), kept in
/// memory so the next turn of that conversation gets them back without a SQLite read, decryption, decompression and
/// deserialization: reading state was about a tenth of a turn's CPU (issue 12). The stored row stays the truth; this
/// only saves reading back what this process has just written, as an actor framework keeps an actor's state in memory
/// between calls and writes it through.
/// Why handing out the written objects themselves is safe:
/// - a group is handed out only to a read of exactly the keys written together (the next turn of that conversation),
///   and it leaves the cache then: that turn owns the objects. A turn that fails before saving leaves nothing behind,
///   and a re-run after a refused save reads the file;
/// - the next turn of a conversation starts after the previous one has ended (ConversationTurnGate), and nothing keeps
///   a turn's state objects after the turn (the console's recorder keeps a summary, not the profile);
/// - any other read or any write or delete of one of the keys (the console reading a profile, the same student in
///   another conversation, the retention purge) drops the group first;
/// - one process writes the SQLite file (replicas share PostgreSQL, which keeps no such copy), and even a stale copy
///   could not overwrite newer state: its ETag is refused and the turn runs again on the stored state.
/// Bounded: at most <c>capacity</c> groups, each dropped <c>lifetime</c> after it was written.
/// </summary>
public sealed class RecentStates(int capacity, TimeSpan lifetime, TimeProvider time)
{
    private readonly Lock sync = new();
    private readonly Dictionary<string, Group> byKey = new(StringComparer.Ordinal);
    private readonly LinkedList<Group> byAge = []; // oldest write first

    /// <summary>Off when <c>capacity</c> is 0: every read goes to the file.</summary>
    public bool Enabled => capacity > 0;

    /// <summary>How many groups are kept (for tests and diagnostics).</summary>
    public int Count
    {
        get { lock (sync) return byAge.Count; }
    }

    /// <summary>
    /// The dictionaries last written together under exactly <paramref name="keys"/> (no more, no fewer), taken out of the
    /// cache. Otherwise false, and every group holding one of the keys is dropped (its objects may be read elsewhere now).
    /// </summary>
    public bool TryTake(IReadOnlyCollection<string> keys, out IReadOnlyList<KeyValuePair<string, IDictionary<string, object>>> values)
    {
        values = [];
        if (!Enabled || keys.Count == 0)
            return false;
        lock (sync)
        {
            var first = keys.First();
            if (byKey.TryGetValue(first, out var group) && group.Matches(keys) && time.GetUtcNow() - group.WrittenAt < lifetime)
            {
                Drop(group);
                values = group.Items;
                return true;
            }
            DropGroupsHolding(keys);
            return false;
        }
    }

    /// <summary>Keeps what was just committed together; call it while the file's write gate is still held.</summary>
    public void Remember(IReadOnlyList<KeyValuePair<string, IDictionary<string, object>>> items)
    {
        if (!Enabled || items.Count == 0)
            return;
        lock (sync)
        {
            DropGroupsHolding(items.Select(i => i.Key));
            var now = time.GetUtcNow();
            var group = new Group(items, now);
            group.Node = byAge.AddLast(group);
            foreach (var (key, _) in items)
                byKey[key] = group;
            while (byAge.First is { } oldest && (byAge.Count > capacity || now - oldest.Value.WrittenAt >= lifetime))
                Drop(oldest.Value);
        }
    }

    /// <summary>Drops every group holding one of <paramref name="keys"/>; call it while the file's write gate is held.</summary>
    public void Forget(IEnumerable<string> keys)
    {
        if (!Enabled)
            return;
        lock (sync)
            DropGroupsHolding(keys);
    }

    public void Clear()
    {
        lock (sync)
        {
            byKey.Clear();
            byAge.Clear();
        }
    }

    private void DropGroupsHolding(IEnumerable<string> keys)
    {
        foreach (var key in keys)
            if (byKey.TryGetValue(key, out var holding))
                Drop(holding);
    }

    private void Drop(Group group)
    {
        foreach (var (key, _) in group.Items)
            byKey.Remove(key);
        if (group.Node?.List is not null)
            byAge.Remove(group.Node);
    }

    private sealed class Group(IReadOnlyList<KeyValuePair<string, IDictionary<string, object>>> items, DateTimeOffset writtenAt)
    {
        public IReadOnlyList<KeyValuePair<string, IDictionary<string, object>>> Items { get; } = items;
        public DateTimeOffset WrittenAt { get; } = writtenAt;
        public LinkedListNode<Group>? Node { get; set; }

        public bool Matches(IReadOnlyCollection<string> keys) =>
            keys.Count == Items.Count && keys.All(k => Items.Any(i => string.Equals(i.Key, k, StringComparison.Ordinal)));
    }
}
