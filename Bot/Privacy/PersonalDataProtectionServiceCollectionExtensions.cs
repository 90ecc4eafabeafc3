using Microsoft.Extensions.Options;
using VssBot.Bot.Storage;

namespace VssBot.Bot.Privacy;

public static class PersonalDataProtectionServiceCollectionExtensions
{
    /// <summary>
    /// <see cref="IPersonalDataProtector"/> from "DataProtection:Key". Without a key: with SQLite a development key is
    /// generated next to the database file (and a warning logged); with PostgreSQL the host does not start.
    /// </summary>
    public static IServiceCollection AddPersonalDataProtection(this IServiceCollection services)
    {
        services.AddOptions<PersonalDataProtectionOptions>()
            .BindConfiguration(PersonalDataProtectionOptions.SectionName)
            .Validate(o => string.IsNullOrWhiteSpace(o.Key) || PersonalDataProtectionOptions.IsValidKey(o.Key),
                "DataProtection:Key must be base64 of exactly 32 bytes (openssl rand -base64 32).")
            .Validate(o => o.PreviousKeys.All(PersonalDataProtectionOptions.IsValidKey),
                "Every DataProtection:PreviousKeys entry must be base64 of exactly 32 bytes.")
            .Validate<IOptions<StorageOptions>>((o, storage) => storage.Value.Provider != StorageProvider.Postgres || !string.IsNullOrWhiteSpace(o.Key),
                "DataProtection:Key is required when Storage:Provider is Postgres (every instance must use the same key).")
            .ValidateOnStart();

        services.AddSingleton<IPersonalDataProtector>(sp =>
        {
            var options = sp.GetRequiredService<IOptions<PersonalDataProtectionOptions>>().Value;
            var previous = options.PreviousKeys.Select(k => Convert.FromBase64String(k.Trim()));
            if (!string.IsNullOrWhiteSpace(options.Key))
                return new PersonalDataProtector(Convert.FromBase64String(options.Key.Trim()), previous);

            var folder = Path.GetDirectoryName(StorageServiceCollectionExtensions.SqlitePath(sp))!;
            var protector = new PersonalDataProtector(DevelopmentKeyFile.LoadOrCreate(folder), previous);
            sp.GetRequiredService<ILoggerFactory>().CreateLogger(typeof(PersonalDataProtector)).LogWarning(
                "Personal data is encrypted with a DEVELOPMENT key kept in {Folder}/{File} (key id {KeyId}): set DataProtection:Key for real students",
                folder, DevelopmentKeyFile.FileName, protector.CurrentKeyId);
            return protector;
        });
        return services;
    }
}
