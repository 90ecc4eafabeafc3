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

    [Fact]
    public void A_short_token_names_the_receipt_and_any_changed_character_or_other_key_is_refused()
    {
        var signer = new FormLinkSigner(Key, clock);
        var token = ShortFormLink.Token(signer, "VSS-20261201-7K3Q")!;

        Assert.Matches("^20261201-7K3Q-[A-Za-z0-9_-]{12}$", token);
        Assert.Equal("VSS-20261201-7K3Q", ShortFormLink.ReceiptOf(signer, token));
        Assert.Null(ShortFormLink.ReceiptOf(new FormLinkSigner(RandomNumberGenerator.GetBytes(32), clock), token));
        for (var i = 0; i < token.Length; i++)
        {
            var changed = token[..i] + (token[i] == 'A' ? 'B' : 'A') + token[(i + 1)..];
            Assert.Null(ShortFormLink.ReceiptOf(signer, changed));
        }
        Assert.Null(ShortFormLink.ReceiptOf(signer, token[..^1]));
        Assert.Null(ShortFormLink.ReceiptOf(signer, token + "A"));
        Assert.NotEqual(token[^12..], ShortFormLink.Token(signer, "VSS-20261201-7K3R")![^12..]);
        // Only receipts as the outbox makes them get a short link.
        Assert.Null(ShortFormLink.Token(signer, "20261201-7K3Q"));
        Assert.Null(ShortFormLink.Token(signer, "VSS-2026/../x"));
        Assert.Null(ShortFormLink.Token(signer, null));
    }
}
