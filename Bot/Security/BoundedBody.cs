using System.Buffers;

namespace VssBot.Bot.Security;

/// <summary>
/// Reads a request body up to a limit counted on the bytes actually received, so a chunked body (no Content-Length) or a
/// lying Content-Length cannot make the server buffer more than <c>maxBytes</c>.
/// </summary>
public static class BoundedBody
{
    /// <summary>The body, or null when it is longer than <paramref name="maxBytes"/> (answer 413).</summary>
    public static async Task<byte[]?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (request.ContentLength > maxBytes)
            return null;
        using var buffer = new MemoryStream();
        var chunk = ArrayPool<byte>.Shared.Rent(16 * 1024);
        try
        {
            int read;
            while ((read = await request.Body.ReadAsync(chunk, cancellationToken)) > 0)
            {
                if (buffer.Length + read > maxBytes)
                    return null;
                buffer.Write(chunk, 0, read);
            }
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(chunk);
        }
        return buffer.ToArray();
    }

    /// <summary>The 413 problem every bounded endpoint answers.</summary>
    public static IResult TooLarge(int maxBytes) => Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "The request body is too large.", detail: $"At most {maxBytes / 1024} KB.");
}
