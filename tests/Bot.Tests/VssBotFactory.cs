using Microsoft.AspNetCore.Hosting;
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
        this.settings = new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>()) { ["Storage:Sqlite:Path"] = DatabasePath };
        this.testServices = testServices;
    }

    public string DatabasePath { get; }

    public static string NewDatabasePath() => Path.Combine(Path.GetTempPath(), "vssbot-tests", $"{Guid.NewGuid():N}.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.ConfigureAppConfiguration((_, configuration) => configuration.AddInMemoryCollection(settings));
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
