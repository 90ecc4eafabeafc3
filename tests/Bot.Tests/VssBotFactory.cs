using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace VssBot.Bot.Tests;

/// <summary>
/// The real host in memory, on its own temporary SQLite file (never the developer's App_Data).
/// Pass the same <see cref="DatabasePath"/> to a second factory to simulate a restart.
/// </summary>
public class VssBotFactory : WebApplicationFactory<Program>
{
    private readonly Dictionary<string, string?> settings;
    private readonly Action<IServiceCollection>? testServices;
    private readonly bool ownsDatabase;

    public VssBotFactory() : this(null) { }

    internal VssBotFactory(string? databasePath, IDictionary<string, string?>? settings = null, Action<IServiceCollection>? testServices = null)
    {
        ownsDatabase = databasePath is null;
        DatabasePath = databasePath ?? NewDatabasePath();
        // Tests all call from one address: per-address rate limits high unless a test sets its own (Security/RateLimitTests).
        this.settings = new Dictionary<string, string?>
        {
            ["RateLimits:SignInPerMinute"] = "10000", ["RateLimits:DirectLineStartsPerMinute"] = "10000", ["RateLimits:DirectLinePostsPerMinute"] = "10000",
            ["RateLimits:WebhookEventsPerSender"] = "10000",
            // Every state a turn gets from memory instead of the file is checked against the file (RecentStates).
            ["Storage:Sqlite:VerifyRecentStates"] = "true",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
            this.settings[key] = value;
        this.settings["Storage:Sqlite:Path"] = DatabasePath;
        this.testServices = testServices;
    }

    public string DatabasePath { get; }

    /// <summary>The host environment (Development unless a test says otherwise, e.g. Production).</summary>
    public string EnvironmentName { get; init; } = "Development";

    /// <summary>The header a test sets to stand in for a caller at another address (TestServer has no real connection).</summary>
    public const string RemoteAddressHeader = "X-Test-Remote-Address";

    /// <summary>A client that sends the embedded registry's key (generated in the test's data folder, or configured).</summary>
    public HttpClient CreateRegistryClient()
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Add("X-Api-Key", Services.GetRequiredService<VssBot.Bot.Declarations.Registry.RegistryApiKey>().Value);
        return client;
    }

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "vssbot-tests", $"{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(EnvironmentName);
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
        // In-memory requests have no connection address; the test client calls from loopback, as the Emulator does.
        builder.ConfigureServices(services => services.AddSingleton<IStartupFilter, LoopbackCaller>());
        if (testServices is not null)
            builder.ConfigureTestServices(testServices);
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && ownsDatabase)
            foreach (var file in new[] { DatabasePath, DatabasePath + "-wal", DatabasePath + "-shm" })
                File.Delete(file);
    }
}

/// <summary>Gives in-memory requests the address a real loopback client has, or the one a test names in <see cref="VssBotFactory.RemoteAddressHeader"/>.</summary>
internal sealed class LoopbackCaller : IStartupFilter
{
    public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
    {
        app.Use((context, nextMiddleware) =>
        {
            if (context.Connection.RemoteIpAddress is null)
                context.Connection.RemoteIpAddress = IPAddress.TryParse(context.Request.Headers[VssBotFactory.RemoteAddressHeader], out var address)
                    ? address
                    : IPAddress.Loopback;
            return nextMiddleware();
        });
        next(app);
    };
}
