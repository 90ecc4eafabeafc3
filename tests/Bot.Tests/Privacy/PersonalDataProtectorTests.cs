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
}
