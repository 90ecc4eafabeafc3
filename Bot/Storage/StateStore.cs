using Microsoft.Bot.Builder;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using VssBot.Bot.Privacy;

namespace VssBot.Bot.Storage;

/// <summary>
/// What SQLite and PostgreSQL storage share: items are JSON with type names where the declared type does not say it
/// (the item itself, values of <c>object</c> slots, subtypes: TypeNameHandling.Auto; rows written with a name on every
/// object, TypeNameHandling.All, read the same), restricted by <see cref="StateTypeBinder"/>, and encrypted as a whole with
/// <see cref="IPersonalDataProtector"/> (bound to the key). ETags behave like MemoryStorage: a store item whose ETag is
/// neither "*" nor the current one is refused, and every write of a store item gets a new ETag.
/// Bot state dictionaries (what <see cref="BotState"/> writes) take part too: each write stores a new "ETag" entry in the
/// dictionary and puts it back into the caller's dictionary, so the next save of a stale copy (another instance wrote
/// in between) is refused instead of silently overwriting it. A state dictionary without an ETag is brand-new state (the
/// first message of a conversation): it is inserted only if absent, so when two instances answer a new conversation at
/// the same instant the second save is refused (and its turn re-run on the first one's state), not last-writer-wins.
/// </summary>
public abstract class StateStore(IPersonalDataProtector protector, TimeProvider? timeProvider) : IStateStore
{
    public const string ETagProperty = "ETag";

    private static readonly string[] PersonalKeyMarkers = ["/conversations/", "/users/"];

    private readonly JsonSerializer serializer = JsonSerializer.Create(new JsonSerializerSettings
    {
        // Auto, not All: a name only where the declared type does not say it. A completed profile is 1.7 KB of JSON
        // instead of 4.6 KB, written about 10× and read about 2× faster (issue 12).
        TypeNameHandling = TypeNameHandling.Auto,
        SerializationBinder = new StateTypeBinder(),
        ContractResolver = new StateContractResolver(), // no nulls where a new instance has them anyway
        // The binder hands over names already without versions (see StateTypeBinder.NameOf): "Full" writes them as given.
        TypeNameAssemblyFormatHandling = TypeNameAssemblyFormatHandling.Full,
        NullValueHandling = NullValueHandling.Include,
        ReferenceLoopHandling = ReferenceLoopHandling.Error,
        DateParseHandling = DateParseHandling.DateTimeOffset,
        MaxDepth = 64,
    });
    // An ETag only has to differ from every other ETag a row ever had: a random 64-bit prefix per store and a counter
    // (32 hex digits, as the GUIDs written before). Guid.NewGuid asked the OS for random bytes on every write (issue 12).
    private readonly ulong etagPrefix = BitConverter.ToUInt64(System.Security.Cryptography.RandomNumberGenerator.GetBytes(sizeof(ulong)));
    private long etagCounter;
    private readonly SemaphoreSlim schemaLock = new(1, 1);
    private volatile bool schemaReady;

    protected TimeProvider Time { get; } = timeProvider ?? TimeProvider.System;

    public abstract string Description { get; }

    public async Task EnsureCreatedAsync(CancellationToken cancellationToken = default)
    {
        if (schemaReady)
            return;
        await schemaLock.WaitAsync(cancellationToken);
        try
        {
            if (!schemaReady)
                await CreateSchemaAsync(cancellationToken);
            schemaReady = true;
        }
        finally
        {
            schemaLock.Release();
        }
    }

    public abstract Task<IDictionary<string, object>> ReadAsync(string[] keys, CancellationToken cancellationToken = default);
    public abstract Task WriteAsync(IDictionary<string, object> changes, CancellationToken cancellationToken = default);
    public abstract Task DeleteAsync(string[] keys, CancellationToken cancellationToken = default);
    public abstract Task<int> DeletePersonalStateUpdatedBeforeAsync(DateTimeOffset cutoff, CancellationToken cancellationToken = default);

    protected abstract Task CreateSchemaAsync(CancellationToken cancellationToken);

    /// <summary>SQL LIKE patterns of the keys <see cref="DeletePersonalStateUpdatedBeforeAsync"/> deletes.</summary>
    protected static IReadOnlyList<string> PersonalKeyPatterns => [.. PersonalKeyMarkers.Select(m => $"%{m}%")];

    /// <summary>
    /// Serializes, stamps a new ETag where one applies, compresses and encrypts one item for <paramref name="key"/>.
    /// A state dictionary (every turn's case) is written straight to UTF-8 with its new ETag set for the time of the
    /// write; other items go through a JSON tree to carry theirs.
    /// </summary>
    protected EncodedItem Encode(string key, object value)
    {
        var (takesPart, requested) = ETagOf(value);
        var stamped = takesPart || value is IDictionary<string, object>;
        var newETag = stamped ? NewETag() : null;
        using var json = new PooledBufferStream();
        using (var writer = json.JsonWriter())
        {
            if (value is IDictionary<string, object> { IsReadOnly: false } dictionary)
            {
                var previous = dictionary.TryGetValue(ETagProperty, out var old) ? (true, old) : (false, null);
                dictionary[ETagProperty] = newETag!;
                try
                {
                    serializer.Serialize(writer, value, typeof(object)); // declared as object: the item's own type is named
                }
                finally
                {
                    if (previous.Item1)
                        dictionary[ETagProperty] = previous.old!;
                    else
                        dictionary.Remove(ETagProperty);
                }
            }
            else
            {
                using var tree = new JTokenWriter();
                serializer.Serialize(tree, value, typeof(object));
                var token = tree.Token!;
                if (newETag is not null)
                    ((JObject)token)[ETagProperty] = newETag;
                token.WriteTo(writer);
            }
        }
        var compressed = StateCompression.Compress(json.Written, out var length);
        try
        {
            return new EncodedItem(key, protector.ProtectToAscii(compressed.AsSpan(0, length), key), newETag,
                Checked: takesPart ? requested != "*" : value is IDictionary<string, object>, requested, value as IDictionary<string, object>);
        }
        finally
        {
            System.Buffers.ArrayPool<byte>.Shared.Return(compressed);
        }
    }

    private string NewETag() =>
        string.Create(32, (Prefix: etagPrefix, Counter: (ulong)Interlocked.Increment(ref etagCounter)), static (text, parts) =>
        {
            parts.Prefix.TryFormat(text, out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
            parts.Counter.TryFormat(text[16..], out _, "x16", System.Globalization.CultureInfo.InvariantCulture);
        });

    /// <summary>After a committed write: the caller's state dictionaries carry their new ETag (what BotState keeps cached).</summary>
    protected static void Committed(IEnumerable<EncodedItem> items)
    {
        foreach (var item in items)
            if (item.Dictionary is { } dictionary && item.NewETag is { } etag)
                dictionary[ETagProperty] = etag;
    }

    /// <summary>
    /// Decrypts, decompresses and deserializes a stored item. Plain JSON (written before encryption existed) and
    /// uncompressed JSON (before compression) are read as is.
    /// </summary>
    protected object? Decode(string key, string stored)
    {
        using var text = protector.IsProtected(stored)
            ? StateCompression.Reader(protector.UnprotectToBytes(stored, key))
            : StateCompression.Reader(stored);
        using var reader = new JsonTextReader(text) { DateParseHandling = DateParseHandling.DateTimeOffset, ArrayPool = SharedCharPool.Instance };
        return serializer.Deserialize(reader);
    }

    /// <summary>An item as this store's JSON (to compare two copies of state; not what is stored).</summary>
    protected string Canonical(object value)
    {
        using var text = new StringWriter(System.Globalization.CultureInfo.InvariantCulture);
        serializer.Serialize(text, value, typeof(object));
        return text.ToString();
    }

    /// <summary>The error MemoryStorage throws for a stale ETag (same type and message).</summary>
    protected static ArgumentException ETagConflict(string? requested, string? current) =>
        new($"Etag conflict.\r\n\r\nOriginal: {requested}\r\nCurrent: {current}");

    /// <summary>True for the exception every store (MemoryStorage included) throws on a stale ETag.</summary>
    public static bool IsETagConflict(Exception error) =>
        error is ArgumentException && error.Message.StartsWith("Etag conflict", StringComparison.Ordinal);

    /// <summary>As MemoryStorage: store items and JSON objects carrying an "ETag" take part in concurrency checks; so do state dictionaries carrying one.</summary>
    private static (bool TakesPart, string? ETag) ETagOf(object value) => value switch
    {
        IStoreItem item => (true, item.ETag),
        JObject json when json.ContainsKey(ETagProperty) => (true, json.Value<string>(ETagProperty)),
        IDictionary<string, object> state when state.TryGetValue(ETagProperty, out var etag) => (true, etag as string),
        _ => (false, null),
    };

    /// <param name="Text">The stored text (encrypted, <see cref="IPersonalDataProtector.ProtectToText"/>'s form) as ASCII bytes.</param>
    /// <param name="Checked">true: refused when the stored ETag is set and differs from <paramref name="RequestedETag"/>.</param>
    protected sealed record EncodedItem(string Key, byte[] Text, string? NewETag, bool Checked, string? RequestedETag,
        IDictionary<string, object>? Dictionary)
    {
        /// <summary>The stored text as a string (for a driver that takes strings).</summary>
        public string Data => System.Text.Encoding.ASCII.GetString(Text);
    }
}
