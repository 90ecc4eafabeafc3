using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace VssBot.Dialogs;

public static class StudentBotServiceCollectionExtensions
{
    /// <summary>
    /// Registers the conversation (dialogs, journey, language, reference data) and <see cref="IBot"/>.
    /// The host registers <see cref="IStorage"/> first; state objects are created over it here.
    /// </summary>
    public static IServiceCollection AddStudentConversation(this IServiceCollection services)
    {
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddSingleton(sp => new ConversationState(sp.GetRequiredService<IStorage>()));
        services.TryAddSingleton(sp => new UserState(sp.GetRequiredService<IStorage>()));
        services.TryAddSingleton<IBot, StudentBot>();
        return services;
    }
}
