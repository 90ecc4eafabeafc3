using Microsoft.Bot.Builder;

namespace VssBot.Bot.Turns;

/// <summary>What every adapter (Bot Framework, terminal, later Messenger/Zalo) runs around the bot.</summary>
public static class TurnPipeline
{
    public static IServiceCollection AddTurnPipeline(this IServiceCollection services)
    {
        services.AddSingleton<ConversationTurnGate>();
        services.AddSingleton<ActivityLog>();
        services.AddSingleton<ReplyDelivery>();
        services.AddSingleton<TurnErrorHandler>();
        return services;
    }

    /// <summary>Adds the shared middleware and error handler to an adapter.</summary>
    public static TAdapter UseTurnPipeline<TAdapter>(this TAdapter adapter, IServiceProvider services) where TAdapter : BotAdapter
    {
        adapter.Use(services.GetRequiredService<ActivityLog>());
        adapter.Use(services.GetRequiredService<ReplyDelivery>());
        adapter.Use(services.GetRequiredService<ConversationTurnGate>());
        adapter.OnTurnError = services.GetRequiredService<TurnErrorHandler>().OnTurnErrorAsync;
        return adapter;
    }
}
