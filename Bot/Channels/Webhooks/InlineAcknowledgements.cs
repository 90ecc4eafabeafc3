using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;

namespace VssBot.Bot.Channels.Webhooks;

/// <summary>
/// Webhook acknowledgements (Messenger, Zalo) run on the socket's own thread, every other request on the thread pool.
/// Under load the thread pool's queue holds the turns' work: an acknowledgement dispatched there waited behind them
/// (p50 9 ms, p99 27–33 ms beside 16 form students on two cores, issue 12), though it needs well under a millisecond of
/// work (signature, one inbox row). Kestrel's inline scheduling runs each request where its bytes arrive; a first step
/// hands every request but an acknowledgement back to the thread pool, as Kestrel does by default, so a turn, a page or
/// a PDF never holds a socket thread.
/// </summary>
public static class InlineAcknowledgements
{
    /// <summary>Requests to <paramref name="acknowledgementPaths"/> (POST) run inline; the others go to the thread pool first.</summary>
    public static IServiceCollection AddInlineAcknowledgements(this IServiceCollection services, params string[] acknowledgementPaths)
    {
        services.Configure<SocketTransportOptions>(o => o.UnsafePreferInlineScheduling = true);
        // A startup filter puts the hand-off before every other step of the pipeline, routing included.
        services.AddSingleton<IStartupFilter>(new ThreadPoolFirst([.. acknowledgementPaths.Select(p => new PathString(p))]));
        return services;
    }

    private sealed class ThreadPoolFirst(PathString[] inline) : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(async (context, nextStep) =>
            {
                if (!IsAcknowledgement(context.Request))
                    await Task.Yield(); // to the thread pool (no synchronization context in ASP.NET Core)
                await nextStep(context);
            });
            next(app);
        };

        private bool IsAcknowledgement(HttpRequest request)
        {
            if (!HttpMethods.IsPost(request.Method))
                return false;
            foreach (var path in inline) // a loop, not a lambda: no closure allocated for every request
                if (request.Path.Equals(path, StringComparison.OrdinalIgnoreCase))
                    return true;
            return false;
        }
    }
}
