using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using VssBot.Bot.Declarations.Outbox;
using VssBot.Bot.Web;
using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Printing;

/// <summary>
/// The links the bot sends after "Ghi nhận" and with the status: "{base}/p/{receipt code}-{tag}" (<see cref="ShortFormLink"/>);
/// a declaration without a receipt from the outbox gets the long "{base}/forms/{token}" instead. The base is
/// <c>Printing:PublicBaseUrl</c> (required in Production); without it, the address the student's request came in at, or
/// for a turn outside a request (a proactive turn, the terminal chat) the address the server listens on.
/// </summary>
public sealed class PrintableFormLinks(FormLinkSigner signer, IOptions<PrintingOptions> options, IHttpContextAccessor http, IServiceProvider services, IConfiguration configuration)
    : IPrintableFormLinks
{
    /// <summary>The long links sent before the short ones; still opened until they expire.</summary>
    public const string PathPrefix = "/forms/";

    public string? LinkFor(StudentKey studentKey, int declarationNumber, string? receiptNumber)
    {
        if (string.IsNullOrEmpty(studentKey.ChannelId) || string.IsNullOrEmpty(studentKey.UserId) || declarationNumber < 1)
            return null;
        if (BaseUrl() is not { } baseUrl)
            return null;
        // Short only where the receipt leads back to the declaration (the outbox keeps it).
        if (services.GetService<IDeclarationOutbox>() is not null && ShortFormLink.Token(signer, receiptNumber) is { } token)
            return baseUrl.TrimEnd('/') + ShortFormLink.PathPrefix + token;
        return baseUrl.TrimEnd('/') + PathPrefix + signer.Sign(studentKey.ToString(), declarationNumber, options.Value.LinkLifetime);
    }

    private string? BaseUrl() =>
        options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured
            : OwnAddress.FromRequest(http.HttpContext) ?? OwnAddress.FromServer(services.GetService<IServer>(), configuration);
}
