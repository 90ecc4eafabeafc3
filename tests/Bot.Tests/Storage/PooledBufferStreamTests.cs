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

    // Lone surrogates cannot be attribute constants: the cases are built here.
    public static TheoryData<string[]> Writes => new()
    {
        new[] { "a", "b", "{", "\"", "ư" },
        new[] { "Xin chào", "\uD83D", "\uDE00", "!" }, // a pair over two writes between plain ones
        new[] { "\uD83D", "a" }, // a lone first half before ASCII: replaced, the 'a' kept
        new[] { "x\uDE00y", "z" }, // a lone second half inside a write
        new[] { "end", "\uD83D" }, // a lone first half at the very end: replaced when the writer closes
        new[] { "đ", "\uD83D\uDE00", "ư", "\uD83D", "\uDE00\uD83D", "\uDE00" },
    };

    [Theory]
    [MemberData(nameof(Writes))]
    public void Any_sequence_of_writes_gives_the_utf8_of_the_whole_text(string[] writes)
    {
        using var stream = new PooledBufferStream(4);
        using (var writer = stream.TextWriter())
            foreach (var text in writes)
                if (text.Length == 1)
                    writer.Write(text[0]); // one character: Newtonsoft's delimiters and escapes
                else
                    writer.Write(text);

        Assert.Equal(Encoding.UTF8.GetBytes(string.Concat(writes)), stream.Written.ToArray());
    }

    [Fact]
    public void Single_characters_and_strings_mixed_give_the_utf8_of_the_whole_text()
    {
        var text = "{\"a\":\"Phường 1 😀\",\"b\":[1,2]}\uD83D";
        using var stream = new PooledBufferStream(4);
        using (var writer = stream.TextWriter())
            for (var i = 0; i < text.Length; i++)
                if (i % 3 == 0) writer.Write(text[i]); else writer.Write(text.AsSpan(i, 1));

        Assert.Equal(Encoding.UTF8.GetBytes(text), stream.Written.ToArray());
    }
}
