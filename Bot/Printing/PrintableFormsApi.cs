using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace VssBot.Bot.Printing;

public static class PrintableFormsApi
{
    private const string PdfSuffix = ".pdf";
    private const string HtmlType = "text/html; charset=utf-8";

    /// <summary>
    /// <c>GET /p/{receipt code}-{tag}</c> (the short links sent today) and <c>GET /forms/{token}</c> (the long ones sent
    /// before, until they expire): the student's Form 01 as a printable page; with <c>.pdf</c> appended, the same as a PDF.
    /// A tampered, expired or superseded link gets 404 with a short Vietnamese page saying to ask the bot again.
    /// </summary>
    public static IEndpointRouteBuilder MapPrintableForms(this IEndpointRouteBuilder app)
    {
        app.MapGet(ShortFormLink.PathPrefix + "{token}", (string token, HttpContext http, FormLinkSigner signer, DeclaredForms forms,
                IOptions<PrintingOptions> options, ILogger<FormLinkSigner> logger, CancellationToken cancellationToken) =>
            ServeAsync(token, http, (t, ct) => ShortFormLink.ReceiptOf(signer, t) is { } receipt ? forms.FindByReceiptAsync(receipt, ct) : Task.FromResult<DeclaredForm?>(null),
                options, logger, cancellationToken)).ExcludeFromDescription();
        app.MapGet(PrintableFormLinks.PathPrefix + "{token}", (string token, HttpContext http, FormLinkSigner signer, DeclaredForms forms,
                IOptions<PrintingOptions> options, ILogger<FormLinkSigner> logger, CancellationToken cancellationToken) =>
            ServeAsync(token, http, (t, ct) => signer.Verify(t) is { } link ? forms.FindAsync(link, ct) : Task.FromResult<DeclaredForm?>(null),
                options, logger, cancellationToken)).ExcludeFromDescription();
        return app;
    }

    /// <param name="find">The declaration the token (without ".pdf") opens, or null.</param>
    private static async Task<IResult> ServeAsync(string token, HttpContext http, Func<string, CancellationToken, Task<DeclaredForm?>> find,
        IOptions<PrintingOptions> options, ILogger<FormLinkSigner> logger, CancellationToken cancellationToken)
    {
        var pdf = token.EndsWith(PdfSuffix, StringComparison.Ordinal);
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store, private";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers["X-Frame-Options"] = "DENY";

        var form = await find(pdf ? token[..^PdfSuffix.Length] : token, cancellationToken);
        if (form is null)
        {
            logger.LogInformation("A printable form link was refused (invalid, expired or superseded)");
            headers.ContentSecurityPolicy = "default-src 'none'; style-src 'unsafe-inline'; frame-ancestors 'none'";
            return Results.Content(FormPage.RenderExpired(), HtmlType, statusCode: StatusCodes.Status404NotFound);
        }

        if (pdf)
        {
            try
            {
                var settings = options.Value;
                var bytes = new FormPdf(settings.FontPath, settings.BoldFontPath).Render(form);
                return Results.File(bytes, "application/pdf", "to-khai-mau-so-01.pdf");
            }
            catch (FontFileMissingException e)
            {
                logger.LogError("The printable form PDF could not be made: {Reason}", e.Message);
                return Results.Content(FormPage.RenderMessage(Form01Wording.PdfUnavailable), HtmlType, statusCode: StatusCodes.Status503ServiceUnavailable);
            }
        }

        var nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(16));
        headers.ContentSecurityPolicy = $"default-src 'none'; style-src 'unsafe-inline'; script-src 'nonce-{nonce}'; img-src 'self'; "
            + "base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
        var pdfHref = token + PdfSuffix; // relative: /p/{token} → /p/{token}.pdf
        return Results.Content(FormPage.Render(form, pdfHref, nonce), HtmlType);
    }
}
