namespace VssBot.Bot.Security;

/// <summary>The secure defaults of issue 10 composed in one place, so Program.cs only calls these two methods.</summary>
public static class SecurityServiceCollectionExtensions
{
    public static IServiceCollection AddSecureDefaults(this IServiceCollection services)
    {
        // Before every other hosted service: Production fails before a development key or account is generated.
        var first = services.Select((d, i) => (d, i)).FirstOrDefault(x => x.d.ServiceType == typeof(IHostedService)).i;
        services.Insert(first, ServiceDescriptor.Singleton<IHostedService, ProductionSafety.Check>());
        // Then, before the stores create anything: a database that lost its data stops the host (Storage/DataMarker).
        services.Insert(first + 1, ServiceDescriptor.Singleton<IHostedService, Storage.DataMarker>());

        // Bad input answers 4xx with problem details; nothing answers with a stack trace.
        services.AddProblemDetails();
        services.AddExceptionHandler<BadInputExceptionHandler>();
        services.AddForwardedHeadersFromConfiguration();
        services.AddClientRateLimits();
        return services;
    }

    /// <summary>First in the pipeline: forwarded headers from trusted proxies, the exception handler (problem details, no stack traces).</summary>
    public static WebApplication UseSecureDefaults(this WebApplication app)
    {
        app.UseForwardedHeaders();
        app.UseExceptionHandler();
        app.UseRateLimiter();
        return app;
    }
}
