using Newtonsoft.Json.Linq;

namespace VssBot.Dialogs.Runtime;

/// <summary>
/// Typed reads from a dialog's persisted state. After a storage round trip numbers come back as
/// <see cref="long"/> and objects may come back as <see cref="JToken"/>; this hides both.
/// </summary>
public static class StateBag
{
    public static T? Get<T>(this IDictionary<string, object> state, string key)
    {
        if (!state.TryGetValue(key, out var value) || value is null) return default;
        return value switch
        {
            T typed => typed,
            JToken token => token.ToObject<T>(),
            IConvertible when typeof(IConvertible).IsAssignableFrom(Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T)) =>
                (T)Convert.ChangeType(value, Nullable.GetUnderlyingType(typeof(T)) ?? typeof(T), System.Globalization.CultureInfo.InvariantCulture),
            _ => JToken.FromObject(value).ToObject<T>(),
        };
    }

    public static T GetOrAdd<T>(this IDictionary<string, object> state, string key, Func<T> create) where T : notnull
    {
        var existing = state.Get<T>(key);
        if (existing is not null)
        {
            state[key] = existing; // keep the typed instance so later mutations are persisted
            return existing;
        }
        var created = create();
        state[key] = created;
        return created;
    }
}
