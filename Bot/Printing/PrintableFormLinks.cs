using Microsoft.Extensions.Options;
using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Printing;

/// <summary>The links the bot sends after "Ghi nhận" and with the status: "{PublicBaseUrl}/forms/{token}".</summary>
public sealed class PrintableFormLinks(FormLinkSigner signer, IOptions<PrintingOptions> options) : IPrintableFormLinks
{
    public const string PathPrefix = "/forms/";

    public string? LinkFor(StudentKey studentKey, int declarationNumber)
    {
        if (string.IsNullOrEmpty(studentKey.ChannelId) || string.IsNullOrEmpty(studentKey.UserId) || declarationNumber < 1)
            return null;
        var settings = options.Value;
        return settings.PublicBaseUrl.TrimEnd('/') + PathPrefix + signer.Sign(studentKey.ToString(), declarationNumber, settings.LinkLifetime);
    }
}
