namespace VssBot.Dialogs.Language;

/// <summary>
/// What one thread last worked out with a pure function of a key (a text's folded forms, an option's folded labels).
/// A message's readers run one after the other on one thread and ask again and again for the same keys (issue 12).
/// Held in a <c>[ThreadStatic]</c> field by its user, so it needs no lock and turns running at once share nothing.
/// The last <c>size</c> keys, oldest replaced first, looked up by instance and then by <c>comparer</c>: a ring was
/// measured faster than a dictionary here (no hashing for the usual hit, the same instance asked again).
/// </summary>
internal sealed class RecentResults<TKey, TValue>(int size, IEqualityComparer<TKey> comparer) where TKey : class
{
    private readonly TKey?[] keys = new TKey?[size];
    private readonly TValue[] values = new TValue[size];
    private int next;

    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        for (var i = 0; i < size; i++)
            if (ReferenceEquals(keys[i], key))
                return values[i];
        for (var i = 0; i < size; i++)
            if (keys[i] is { } known && comparer.Equals(known, key))
                return values[i];
        var value = compute(key);
        keys[next] = key;
        values[next] = value;
        next = (next + 1) % size;
        return value;
    }
}
