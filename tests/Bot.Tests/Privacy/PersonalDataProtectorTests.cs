using System.Security.Cryptography;
using VssBot.Bot.Privacy;

namespace VssBot.Bot.Tests.Privacy;

public sealed class PersonalDataProtectorTests
{
    private static readonly byte[] Photo = [0x89, (byte)'P', (byte)'N', (byte)'G', .. "036303012345"u8];

    [Fact]
    public void Bytes_round_trip_only_under_their_context_and_key_and_a_previous_key_still_reads_them()
    {
        var oldKey = RandomNumberGenerator.GetBytes(32);
        var stored = new PersonalDataProtector(oldKey).ProtectBytes(Photo, "dl_uploads|c/f.png");
        var rotated = new PersonalDataProtector(RandomNumberGenerator.GetBytes(32), [oldKey]);

        Assert.True(rotated.IsProtected(stored));
        Assert.False(rotated.IsProtected(Photo));
        Assert.Equal(-1, stored.AsSpan().IndexOf("036303012345"u8));
        Assert.Equal(Photo, rotated.UnprotectBytes(stored, "dl_uploads|c/f.png"));
        Assert.ThrowsAny<CryptographicException>(() => rotated.UnprotectBytes(stored, "dl_uploads|other/f.png"));
        Assert.ThrowsAny<CryptographicException>(() => new PersonalDataProtector(RandomNumberGenerator.GetBytes(32)).UnprotectBytes(stored, "dl_uploads|c/f.png"));
        stored[^1] ^= 1;
        Assert.ThrowsAny<CryptographicException>(() => rotated.UnprotectBytes(stored, "dl_uploads|c/f.png"));
    }

    [Fact]
    public void Text_round_trips_under_short_and_long_contexts_and_a_damaged_value_is_a_cryptographic_error()
    {
        var protector = new PersonalDataProtector(RandomNumberGenerator.GetBytes(32));
        foreach (var context in new[] { "", "emulator/users/u1", "zalo/users/" + new string('x', 1024), "dl|Phạm Thu Hà" })
        {
            var stored = protector.Protect("036303012345 Phạm Thu Hà", context);
            Assert.StartsWith($"{PersonalDataProtector.Prefix}{protector.CurrentKeyId}:", stored);
            Assert.Equal("036303012345 Phạm Thu Hà", protector.Unprotect(stored, context));
            Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(stored, context + "?"));
        }
        var value = protector.Protect("0912345678", "k");
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect(value[..^3] + "!!!", "k"));
        Assert.ThrowsAny<CryptographicException>(() => protector.Unprotect($"{PersonalDataProtector.Prefix}{protector.CurrentKeyId}:AAAA", "k"));
    }

    [Fact]
    public void The_ASCII_form_is_the_text_form_for_every_length()
    {
        var protector = new PersonalDataProtector(RandomNumberGenerator.GetBytes(32));
        var random = new Random(12);
        for (var length = 0; length <= 3_000; length += random.Next(1, 40))
        {
            var plain = new byte[length];
            random.NextBytes(plain);
            var ascii = protector.ProtectToAscii(plain, "emulator/users/u" + length);
            var text = System.Text.Encoding.ASCII.GetString(ascii);

            Assert.All(ascii, b => Assert.InRange(b, (byte)0x21, (byte)0x7E)); // printable ASCII: the same bytes in UTF-8
            Assert.Equal(protector.ProtectToText(plain, "k").Length, text.Length);
            Assert.StartsWith($"{PersonalDataProtector.Prefix}{protector.CurrentKeyId}:", text);
            Assert.Equal(plain, protector.UnprotectToBytes(text, "emulator/users/u" + length));
            Assert.ThrowsAny<CryptographicException>(() => protector.UnprotectToBytes(text, "emulator/users/other"));
        }
    }

    [Fact]
    public async Task Values_protected_and_read_on_many_threads_at_once_all_round_trip()
    {
        // The protector reuses its AES-GCM instances: each must serve one caller at a time.
        var protector = new PersonalDataProtector(RandomNumberGenerator.GetBytes(32));
        var failures = 0;
        await Parallel.ForAsync(0, 2000, new ParallelOptions { MaxDegreeOfParallelism = 16 }, (i, _) =>
        {
            var text = $"student {i}: 0{i:D9}";
            if (protector.Unprotect(protector.Protect(text, $"users/{i}"), $"users/{i}") != text)
                Interlocked.Increment(ref failures);
            return ValueTask.CompletedTask;
        });
        Assert.Equal(0, failures);
    }
}
