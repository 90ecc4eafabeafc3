using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Options;
using VssBot.Bot.Privacy;
using VssBot.Bot.Storage;
using VssBot.Dialogs.Conversation;

namespace VssBot.Bot.Printing;

public static class PrintingServiceCollectionExtensions
{
    private static readonly byte[] LinkKeyPurpose = Encoding.ASCII.GetBytes("VssBot printable Form 01 links v1");

    /// <summary>
    /// The printable Form 01 from the "Printing" section: signed expiring links (<see cref="IPrintableFormLinks"/>, sent by
    /// the bot after "Ghi nhận" and with the status), the page and the PDF. Call after <c>AddStateStorage</c> and
    /// <c>AddStudentConversation</c>; map the endpoint with <see cref="PrintableFormsApi.MapPrintableForms"/>.
    /// </summary>
    public static IServiceCollection AddPrintableForms(this IServiceCollection services, IConfiguration configuration)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.AddHttpContextAccessor();
        services.AddOptions<PrintingOptions>()
            .Bind(configuration.GetSection(PrintingOptions.SectionName))
            .Validate(o => string.IsNullOrWhiteSpace(o.LinkKey) || PersonalDataProtectionOptions.IsValidKey(o.LinkKey),
                "Printing:LinkKey must be base64 of exactly 32 bytes (openssl rand -base64 32).")
            .Validate(o => o.LinkLifetime >= TimeSpan.FromHours(1) && o.LinkLifetime <= TimeSpan.FromDays(90),
                "Printing:LinkLifetime must be between 01:00:00 and 90.00:00:00.")
            .Validate(o => string.IsNullOrEmpty(o.PublicBaseUrl) || Uri.TryCreate(o.PublicBaseUrl, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && string.IsNullOrEmpty(uri.Query),
                "Printing:PublicBaseUrl must be an absolute http(s) URL without a query (https://bot.example.edu.vn).")
            .ValidateOnStart();

        services.TryAddSingleton(sp => new FormLinkSigner(LinkKey(sp), sp.GetRequiredService<TimeProvider>()));
        services.TryAddSingleton<IPrintableFormLinks, PrintableFormLinks>();
        services.TryAddSingleton<DeclaredForms>();
        return services;
    }

    /// <summary>
    /// "Printing:LinkKey" as given; otherwise derived (HKDF-SHA256, its own purpose) from "DataProtection:Key", or from the
    /// development key generated next to the SQLite file, so replicas sharing a data key accept each other's links.
    /// </summary>
    private static byte[] LinkKey(IServiceProvider services)
    {
        var printing = services.GetRequiredService<IOptions<PrintingOptions>>().Value;
        if (!string.IsNullOrWhiteSpace(printing.LinkKey))
            return Convert.FromBase64String(printing.LinkKey.Trim());

        var dataKey = services.GetRequiredService<IOptions<PersonalDataProtectionOptions>>().Value.Key;
        byte[] master;
        if (!string.IsNullOrWhiteSpace(dataKey))
        {
            master = Convert.FromBase64String(dataKey.Trim());
        }
        else
        {
            var folder = Path.GetDirectoryName(StorageServiceCollectionExtensions.SqlitePath(services))!;
            master = DevelopmentKeyFile.LoadOrCreate(folder);
            services.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PrintableFormLinks)).LogWarning(
                "Printable form links are signed with a key derived from the DEVELOPMENT key in {Folder}: set Printing:LinkKey or DataProtection:Key for real students",
                folder);
        }
        return HKDF.DeriveKey(HashAlgorithmName.SHA256, master, 32, salt: [], info: LinkKeyPurpose);
    }
}
