using System.Security.Cryptography;
using Microsoft.Extensions.Time.Testing;
using VssBot.Bot.Printing;

namespace VssBot.Bot.Tests.Printing;

public sealed class FormLinkSignerTests
{
    private static readonly byte[] Key = RandomNumberGenerator.GetBytes(32);
    private readonly FakeTimeProvider clock = new(new DateTimeOffset(2026, 3, 2, 2, 30, 0, TimeSpan.Zero));

    [Fact]
    public void A_signed_token_verifies_back_to_the_same_student_declaration_and_expiry()
    {
        var signer = new FormLinkSigner(Key, clock);
        var token = signer.Sign("zalo/user/with/slashes", 3, TimeSpan.FromDays(14));

        var link = signer.Verify(token);

        Assert.Equal(new FormLink("zalo/user/with/slashes", 3, clock.GetUtcNow().AddDays(14)), link);
        Assert.Matches("^[A-Za-z0-9_-]+$", token);
    }

    [Fact]
    public void A_token_with_any_character_changed_is_refused()
    {
        var signer = new FormLinkSigner(Key, clock);
        var token = signer.Sign("emulator/student-1", 1, TimeSpan.FromDays(14));

        for (var i = 0; i < token.Length; i++)
        {
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Null(signer.Verify(changed));
        }
        Assert.Null(signer.Verify(token[..^1]));
        Assert.Null(signer.Verify(token + "A"));
    }

    [Fact]
    public void A_token_is_refused_once_its_lifetime_has_passed()
    {
        var signer = new FormLinkSigner(Key, clock);
        var token = signer.Sign("emulator/student-1", 1, TimeSpan.FromDays(14));

        clock.Advance(TimeSpan.FromDays(14) - TimeSpan.FromSeconds(1));
        Assert.NotNull(signer.Verify(token));
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Null(signer.Verify(token));
    }

    [Fact]
    public void A_token_signed_with_another_key_is_refused()
    {
        var token = new FormLinkSigner(RandomNumberGenerator.GetBytes(32), clock).Sign("emulator/student-1", 1, TimeSpan.FromDays(14));

        Assert.Null(new FormLinkSigner(Key, clock).Verify(token));
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("not base64url!")]
    [InlineData("AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public void Garbage_is_not_a_token(string token) => Assert.Null(new FormLinkSigner(Key, clock).Verify(token));

    [Fact]
    public void An_overlong_token_is_refused_without_decoding() =>
        Assert.Null(new FormLinkSigner(Key, clock).Verify(new string('A', 5000)));
}
