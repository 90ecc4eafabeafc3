using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.Extensions.Options;
using VssBot.Bot.Web;
using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Printing;

/// <summary>
/// The links the bot sends after "Ghi nhận" and with the status: "{base}/forms/{token}". The base is
/// <c>Printing:PublicBaseUrl</c> (required in Production); without it, the address the student's request came in at, or
/// for a turn outside a request (a proactive turn, the terminal chat) the address the server listens on.
/// </summary>
public sealed class PrintableFormLinks(FormLinkSigner signer, IOptions<PrintingOptions> options, IHttpContextAccessor http, IServiceProvider services, IConfiguration configuration)
    : IPrintableFormLinks
{
    public const string PathPrefix = "/forms/";

    public string? LinkFor(StudentKey studentKey, int declarationNumber)
    {
        if (string.IsNullOrEmpty(studentKey.ChannelId) || string.IsNullOrEmpty(studentKey.UserId) || declarationNumber < 1)
            return null;
        if (BaseUrl() is not { } baseUrl)
            return null;
        var settings = options.Value;
        return baseUrl.TrimEnd('/') + PathPrefix + signer.Sign(studentKey.ToString(), declarationNumber, settings.LinkLifetime);
    }

    private string? BaseUrl() =>
        options.Value.PublicBaseUrl is { Length: > 0 } configured ? configured
            : OwnAddress.FromRequest(http.HttpContext) ?? OwnAddress.FromServer(services.GetService<IServer>(), configuration);
}
