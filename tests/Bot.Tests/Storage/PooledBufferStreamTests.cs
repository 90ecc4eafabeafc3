using System.Text;
using Newtonsoft.Json;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Tests.Storage;

/// <summary>The JSON writer that encodes straight into the pooled buffer (state items, /api/messages replies).</summary>
public sealed class PooledBufferStreamTests
{
    [Fact]
    public void Writes_the_same_utf8_as_serializing_to_a_string()
    {
        var value = new Dictionary<string, object>
        {
            ["text"] = "Xin chào 👋 — “Ghi nhận” <b>&</b> \"ok\" \\ 😀😀",
            ["long"] = string.Concat(Enumerable.Repeat("Phường Nam Định, Tỉnh Ninh Bình 🏫 ", 400)),
            ["n"] = 12345678901L,
        };
        using var stream = new PooledBufferStream(16);
        using (var writer = stream.JsonWriter())
            JsonSerializer.CreateDefault().Serialize(writer, value);

        Assert.Equal(Encoding.UTF8.GetBytes(JsonConvert.SerializeObject(value)), stream.Written.ToArray());
    }

    [Fact]
    public void A_surrogate_pair_split_over_two_writes_stays_one_character()
    {
        using var stream = new PooledBufferStream(16);
        using (var writer = stream.JsonWriter())
        {
            writer.WriteRaw("\uD83D");
            writer.Flush(); // a flush between the halves must not cut the pair
            writer.WriteRaw("\uDE00!");
        }

        Assert.Equal("😀!", Encoding.UTF8.GetString(stream.Written));
    }
}
