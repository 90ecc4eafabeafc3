using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Conversation.Interruptions;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Form01.Fields;
using VssBot.Dialogs.Form01.IdCard;
using VssBot.Dialogs.Install;
using VssBot.Dialogs.Language;
using VssBot.Dialogs.Reference;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs;

public static class StudentBotServiceCollectionExtensions
{
    /// <summary>
    /// Registers the conversation (dialogs, journey, language, reference data) and <see cref="IBot"/>.
    /// The host registers <see cref="IStorage"/> first; state objects are created over it here.
    /// Reference data and texts are immutable and loaded once per container.
    /// </summary>
    public static IServiceCollection AddStudentConversation(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(new CampaignSettings());
        services.TryAddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.TryAddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));
        // What the bot itself reads and writes: both dictionaries in one call each way (same keys and form as the two above).
        services.TryAddSingleton(sp => new StudentState(sp.GetRequiredService<IStorage>()));

        services.TryAddSingleton(_ => BotTexts.LoadEmbedded());
        services.TryAddSingleton(_ => Form01Definition.LoadEmbedded());
        services.TryAddSingleton(_ => FieldReaders.Default());
        services.TryAddSingleton(_ => AdministrativeUnits.LoadEmbedded());
        services.TryAddSingleton(sp => OfficeDirectory.LoadEmbedded(sp.GetRequiredService<AdministrativeUnits>()));
        services.TryAddSingleton(sp => OldAddressConverter.LoadEmbedded(sp.GetRequiredService<AdministrativeUnits>()));
        services.TryAddSingleton(sp => new IntentRecognizer(sp.GetRequiredService<Form01Definition>().Aliases));

        // ID card photos are read when the host says how to fetch an image (IAttachmentContent); otherwise only kept as references.
        services.TryAddSingleton(new IdCardPhotoOptions());
        services.TryAddSingleton(sp => new QrImageDecoder(sp.GetRequiredService<IdCardPhotoOptions>()));
        services.TryAddSingleton(sp => new IdCardFlow(sp.GetRequiredService<Form01Definition>(), sp.GetRequiredService<BotTexts>(),
            sp.GetRequiredService<AdministrativeUnits>(), sp.GetRequiredService<OldAddressConverter>(), sp.GetRequiredService<IdCardPhotoOptions>(),
            sp.GetService<IAttachmentContent>() is { } content
                ? new IdCardPhotoReader(content, sp.GetRequiredService<QrImageDecoder>(), sp.GetRequiredService<IdCardPhotoOptions>(),
                    sp.GetService<Microsoft.Extensions.Logging.ILogger<IdCardPhotoReader>>())
                : null));
        services.TryAddSingleton<InterruptionHandler>();
        services.TryAddSingleton<ExtraAnswers>();
        services.TryAddSingleton<DeclarationNextSteps>();
        services.TryAddSingleton<DeadlineReminders>();
        services.TryAddSingleton<FollowUp.StudentFollowUp>();
        services.TryAddSingleton<MaxAttemptsEscalation>();
        services.TryAddSingleton<InstallGuideDialog>();
        services.TryAddSingleton<Form01Dialog>();
        services.TryAddSingleton<MainDialog>();
        services.TryAddSingleton<StudentBot>();
        services.TryAddSingleton<IBot>(sp => sp.GetRequiredService<StudentBot>());
        return services;
    }
}
