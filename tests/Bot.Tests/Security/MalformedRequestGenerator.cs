using System.Text;
using System.Text.Json.Nodes;

namespace VssBot.Bot.Tests.Security;

/// <summary>
/// Seeded garbage for the fuzz test: JSON documents with a field replaced, deleted or nested too deep, truncated or
/// byte-flipped bodies, hostile strings (control characters, lone surrogates, path traversal, huge numbers). The same
/// seed gives the same requests, so a failure is reproduced by running the test again.
/// </summary>
public sealed class MalformedRequestGenerator(int seed)
{
    private readonly Random random = new(seed);

    public int Next(int max) => random.Next(max);

    public bool Chance(double p) => random.NextDouble() < p;

    public T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];

    private static readonly string[] HostileStrings =
    [
        "", " ", "\0", "\u0000\u0001\u001f", "\ud800", "\udfff\ud800", "../../../../etc/passwd", "..\\..\\windows\\win.ini", "%00", "%zz", "%",
        "<script>alert(1)</script>", "' OR 1=1 --", "${jndi:ldap://x/}", "{{7*7}}", "http://169.254.169.254/latest/meta-data/", "file:///etc/passwd",
        "javascript:alert(1)", "//evil.example/", "/\t/evil.example/", "\r\nSet-Cookie: x=1", "a.b.c", "....", "eyJ9.eyJ9.AAAA", "Bearer", "null", "NaN",
        "-1", "0", "99999999999999999999999999", "1e999", "-9223372036854775809", "9223372036854775807", "2026-13-45T25:61:61Z", "0001-01-01",
        "🙂🙂🙂", "Nguyễn Văn A", "ệ\u0301\u0302\u0303", "\u202etxt.exe", "\ufeff", "+84912345678", "xin chao", "ghi nhan", "message", "event",
        "expectReplies", "directline", "facebook", "zalo", "emulator", "msteams", "webchat",
    ];

    public string HostileString()
    {
        return Next(6) switch
        {
            0 => new string(Pick(['a', 'ệ', '0', ' ', '\n', '{']), Next(20_000)),
            1 => new string(Enumerable.Range(0, Next(64)).Select(_ => (char)Next(0x10000)).ToArray()),
            _ => Pick(HostileStrings),
        };
    }

    /// <summary>Any JSON value, hostile ones more often than friendly ones.</summary>
    public JsonNode? Value(int depth = 0) => Next(depth > 3 ? 6 : 9) switch
    {
        0 => null,
        1 => JsonValue.Create(Chance(0.5)),
        2 => JsonValue.Create(Pick([0L, -1L, long.MaxValue, long.MinValue, int.MaxValue + 1L, 1767240000000L])),
        3 => JsonValue.Create(Pick([double.MaxValue, double.Epsilon, -0.0, 1e300])),
        4 or 5 => JsonValue.Create(HostileString()),
        6 => new JsonArray(Enumerable.Range(0, Next(4)).Select(_ => Value(depth + 1)).ToArray()),
        7 => new JsonObject(Enumerable.Range(0, Next(4)).Select(i => KeyValuePair.Create($"{HostileString()}{i}", Value(depth + 1)))),
        _ => Nested(Next(300)),
    };

    private static JsonNode Nested(int depth)
    {
        JsonNode node = new JsonArray();
        for (var i = 0; i < depth; i++)
            node = new JsonArray(node);
        return node;
    }

    /// <summary>
    /// <paramref name="template"/> with one to three mutations: a field's value replaced, a field removed, a field added,
    /// or the whole document swapped for another value.
    /// </summary>
    public string MutateJson(JsonNode template)
    {
        var document = template.DeepClone();
        for (var i = 0; i < 1 + Next(3); i++)
        {
            var containers = Containers(document).ToList();
            var container = Pick(containers);
            switch (container, Next(4))
            {
                case (JsonObject o, 0) when o.Count > 0:
                    o.Remove(Pick(o.Select(p => p.Key).ToList()));
                    break;
                case (JsonObject o, 1):
                    o[HostileString() + "x"] = Value();
                    break;
                case (JsonObject o, _) when o.Count > 0:
                    o[Pick(o.Select(p => p.Key).ToList())] = Value();
                    break;
                case (JsonArray a, _) when a.Count > 0:
                    a[Next(a.Count)] = Value();
                    break;
                default:
                    if (Chance(0.05))
                        return Value()?.ToJsonString() ?? "null";
                    break;
            }
        }
        return document.ToJsonString();
    }

    /// <summary>The bytes of <paramref name="text"/> truncated, with bytes flipped or inserted, or not UTF-8 at all.</summary>
    public byte[] MangleBytes(string text)
    {
        var bytes = Encoding.UTF8.GetBytes(text).ToList();
        switch (Next(5))
        {
            case 0:
                return [.. bytes.Take(Next(bytes.Count + 1))];
            case 1:
                for (var i = 0; i < 1 + Next(8) && bytes.Count > 0; i++)
                    bytes[Next(bytes.Count)] = (byte)Next(256);
                return [.. bytes];
            case 2:
                bytes.InsertRange(Next(bytes.Count + 1), Enumerable.Range(0, 1 + Next(16)).Select(_ => (byte)Next(256)));
                return [.. bytes];
            case 3:
                return [0xFF, 0xFE, 0xC3, 0x28, .. bytes];
            default:
                return [.. Enumerable.Range(0, Next(2048)).Select(_ => (byte)Next(256))];
        }
    }

    public string ContentType() => Pick(["application/json", "application/json; charset=utf-16", "text/plain", "application/x-www-form-urlencoded",
        "multipart/form-data", "multipart/form-data; boundary=", "application/xml", "", "application/json; charset=nonsense"]);

    private static IEnumerable<JsonNode> Containers(JsonNode node)
    {
        yield return node;
        var children = node switch
        {
            JsonObject o => o.Select(p => p.Value),
            JsonArray a => a.AsEnumerable(),
            _ => [],
        };
        foreach (var child in children.OfType<JsonNode>().Where(c => c is JsonObject or JsonArray))
            foreach (var inner in Containers(child))
                yield return inner;
    }
}
