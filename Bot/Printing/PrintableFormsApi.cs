using System.Security.Cryptography;
using Microsoft.Extensions.Options;

namespace VssBot.Bot.Printing;

public static class PrintableFormsApi
{
    private const string PdfSuffix = ".pdf";
    private const string HtmlType = "text/html; charset=utf-8";

    /// <summary>
    /// <c>GET /forms/{token}</c>: the student's Form 01 as a printable page; <c>GET /forms/{token}.pdf</c>: the same as a PDF.
    /// A tampered, expired or superseded link gets 404 with a short page saying to ask the bot again.
    /// </summary>
    public static IEndpointRouteBuilder MapPrintableForms(this IEndpointRouteBuilder app)
    {
        app.MapGet(PrintableFormLinks.PathPrefix + "{token}", ServeAsync).ExcludeFromDescription();
        return app;
    }

    private static async Task<IResult> ServeAsync(string token, HttpContext http, FormLinkSigner signer, DeclaredForms forms,
        IOptions<PrintingOptions> options, ILogger<FormLinkSigner> logger, CancellationToken cancellationToken)
    {
        var pdf = token.EndsWith(PdfSuffix, StringComparison.Ordinal);
        var headers = http.Response.Headers;
        headers.CacheControl = "no-store, private";
        headers["Referrer-Policy"] = "no-referrer";
        headers["X-Content-Type-Options"] = "nosniff";
        headers["X-Robots-Tag"] = "noindex, nofollow";
        headers["X-Frame-Options"] = "DENY";

        var link = signer.Verify(pdf ? token[..^PdfSuffix.Length] : token);
        var form = link is null ? null : await forms.FindAsync(link, cancellationToken);
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
        var pdfHref = token + PdfSuffix; // relative: /forms/{token} → /forms/{token}.pdf
        return Results.Content(FormPage.Render(form, pdfHref, nonce), HtmlType);
    }
}
