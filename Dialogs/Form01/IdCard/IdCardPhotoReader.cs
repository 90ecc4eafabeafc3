using System.Diagnostics;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace VssBot.Dialogs.Form01.IdCard;

public enum IdCardPhotoOutcome { Read, NoCode, NotIdCard, Refused, TooLarge }

/// <summary>What a photo gave: a card that passed every check (and the photo it came from), or the outcome.</summary>
public sealed record IdCardPhotoReading(IdCardPhotoOutcome Outcome, IdCardQr? Card = null, Attachment? Photo = null);

/// <summary>
/// Looks for an ID card's QR code in the images of a message: fetches each image (through the host's
/// <see cref="IAttachmentContent"/>), decodes it off the turn's thread, and parses the text. Fetching and decoding together
/// are bounded by <see cref="IdCardPhotoOptions.Timeout"/>. Only the outcome and the time are logged, never the text.
/// </summary>
public sealed class IdCardPhotoReader(IAttachmentContent content, QrImageDecoder decoder, IdCardPhotoOptions options, ILogger<IdCardPhotoReader>? logger = null)
{
    private const int MaxImagesRead = 2;
    private readonly ILogger _logger = logger ?? NullLogger<IdCardPhotoReader>.Instance;

    public async Task<IdCardPhotoReading> ReadAsync(IEnumerable<Attachment> images, DateOnly today, CancellationToken cancellationToken)
    {
        var best = new IdCardPhotoReading(IdCardPhotoOutcome.NoCode);
        foreach (var image in images.Take(MaxImagesRead))
        {
            var reading = await ReadOneAsync(image, today, cancellationToken);
            if (reading.Outcome == IdCardPhotoOutcome.Read) return reading;
            if (reading.Outcome > best.Outcome) best = reading; // a refused card code says more than no code at all
        }
        return best;
    }

    private async Task<IdCardPhotoReading> ReadOneAsync(Attachment image, DateOnly today, CancellationToken cancellationToken)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(options.Timeout);
        var clock = Stopwatch.StartNew();
        IdCardPhotoReading reading;
        try
        {
            var fetched = await content.ReadAsync(image, options.MaxImageBytes, timeout.Token);
            if (fetched.TooLarge) reading = new(IdCardPhotoOutcome.TooLarge);
            else if (fetched.Bytes is not { } bytes) reading = new(IdCardPhotoOutcome.NoCode);
            else
            {
                // CPU-bound: off the turn's thread, and abandoned (it stops at its next check) when the time is up.
                var decoded = await Task.Run(() => decoder.Decode(bytes, timeout.Token), timeout.Token).WaitAsync(timeout.Token);
                reading = Interpret(decoded, image, today);
            }
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            reading = new(IdCardPhotoOutcome.NoCode);
            _logger.LogInformation("Reading an ID card photo timed out after {Milliseconds} ms", clock.ElapsedMilliseconds);
        }
        _logger.LogInformation("ID card photo read: {Outcome} in {Milliseconds} ms", reading.Outcome, clock.ElapsedMilliseconds);
        return reading;
    }

    private static IdCardPhotoReading Interpret(QrImageResult decoded, Attachment image, DateOnly today)
    {
        if (decoded.Problem == QrImageProblem.TooLarge) return new(IdCardPhotoOutcome.TooLarge);
        if (decoded.Text is not { } text) return new(IdCardPhotoOutcome.NoCode);
        var parsed = IdCardQrParser.Parse(text, today);
        if (parsed.Card is { } card) return new(IdCardPhotoOutcome.Read, card, image);
        return new(parsed.Problem == IdCardQrProblem.NotIdCard ? IdCardPhotoOutcome.NotIdCard : IdCardPhotoOutcome.Refused);
    }
}
