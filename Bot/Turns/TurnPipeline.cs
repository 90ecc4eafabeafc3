using VssBot.Dialogs.Conversation;
using Microsoft.Bot.Builder;

namespace VssBot.Bot.Turns;

/// <summary>What every adapter (Bot Framework, terminal, later Messenger/Zalo) runs around the bot.</summary>
public static class TurnPipeline
{
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services)
    {
        services.AddSingleton<ConversationTurnGate>();
        // "Turns" of the configuration when there is one (the terminal chat and some tests build services without).
        services.AddOptions<TurnOptions>().Configure<IServiceProvider>((options, sp) => sp.GetService<IConfiguration>()?.GetSection("Turns").Bind(options));
        services.AddSingleton<TurnAdmission>();
        services.AddSingleton<ActivityLog>();
        services.AddSingleton<ReplyDelivery>();
        services.AddSingleton<MessageLengthLimit>();
        services.AddSingleton<TurnErrorHandler>();
        // The states a re-run turn reloads (registered by the conversation: Dialogs/).
        services.AddSingleton(sp => new StateConflictRetry(
            sp.GetService<StudentState>(),
            sp.GetRequiredService<TurnErrorHandler>().Apology,
            sp.GetRequiredService<ILogger<StateConflictRetry>>()));
        return services;
    }

    /// <summary>Adds the shared middleware and error handler to an adapter.</summary>
    public static TAdapter UseTurnPipeline<TAdapter>(this TAdapter adapter, IServiceProvider services) where TAdapter : BotAdapter
    {
        adapter.Use(services.GetRequiredService<ActivityLog>());
        adapter.Use(services.GetRequiredService<ReplyDelivery>());
        // Before the gate and the transcript: an over-long message costs nothing and is not stored.
        adapter.Use(services.GetRequiredService<MessageLengthLimit>());
        adapter.Use(services.GetRequiredService<ConversationTurnGate>());
        // After the conversation's gate: a turn waiting for its conversation holds no slot.
        adapter.Use(services.GetRequiredService<TurnAdmission>());
        foreach (var observer in services.GetServices<ITurnObserver>())
            adapter.Use(observer);
        // Innermost: a re-run runs only the bot, within the gate.
        adapter.Use(services.GetRequiredService<StateConflictRetry>());
        adapter.OnTurnError = services.GetRequiredService<TurnErrorHandler>().OnTurnErrorAsync;
        return adapter;
    }
}
