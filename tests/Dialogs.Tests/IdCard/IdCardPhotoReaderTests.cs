using System.Diagnostics;
using Microsoft.Bot.Schema;
using VssBot.Dialogs.Form01.IdCard;

namespace VssBot.Dialogs.Tests.IdCard;

public class IdCardPhotoReaderTests
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private static readonly Attachment Photo = new("image/jpeg", "https://example.invalid/p.jpg", name: "p.jpg");

    /// <summary>A channel that never answers.</summary>
    private sealed class Hanging : IAttachmentContent
    {
        public async Task<AttachmentContent> ReadAsync(Attachment attachment, long maxBytes, CancellationToken cancellationToken)
        {
            await Task.Delay(Timeout.Infinite, cancellationToken);
            return AttachmentContent.Unavailable;
        }
    }

    [Fact]
    public async Task AReadThatTakesTooLongEndsAtTheTimeLimitAsUnreadable()
    {
        var options = new IdCardPhotoOptions { Timeout = TimeSpan.FromMilliseconds(300) };
        var reader = new IdCardPhotoReader(new Hanging(), new QrImageDecoder(options), options);
        var clock = Stopwatch.StartNew();

        var reading = await reader.ReadAsync([Photo], Today, CancellationToken.None);

        Assert.Equal(IdCardPhotoOutcome.NoCode, reading.Outcome);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
    }

    [Fact]
    public async Task AnImageOverTheSizeLimitIsSaidToBeTooLarge()
    {
        var images = new NamedImages();
        images.Images["p.jpg"] = new byte[2000];
        var options = new IdCardPhotoOptions { MaxImageBytes = 1000 };

        var reading = await new IdCardPhotoReader(images, new QrImageDecoder(options), options).ReadAsync([Photo], Today, CancellationToken.None);

        Assert.Equal(IdCardPhotoOutcome.TooLarge, reading.Outcome);
    }

    [Fact]
    public async Task OfTwoPhotosTheOneWithTheCardIsTaken()
    {
        var card = CardPhotoGenerator.Card(new Random(9), IdCardKind.CanCuoc2024);
        var images = new NamedImages();
        images.Images["front.jpg"] = CardPhotoGenerator.Photo("x", PhotoConditions.Clean with { CardWidthShare = 0.01f }, 9);
        images.Images["back.jpg"] = CardPhotoGenerator.Photo(CardPhotoGenerator.QrText(card), PhotoConditions.Clean, 9);
        var options = new IdCardPhotoOptions();
        Attachment[] sent = [new("image/jpeg", "https://example.invalid/1", name: "front.jpg"), new("image/jpeg", "https://example.invalid/2", name: "back.jpg")];

        var reading = await new IdCardPhotoReader(images, new QrImageDecoder(options), options).ReadAsync(sent, Today, CancellationToken.None);

        Assert.Equal(IdCardPhotoOutcome.Read, reading.Outcome);
        Assert.Equal(card, reading.Card);
        Assert.Equal("back.jpg", reading.Photo?.Name);
    }
}
