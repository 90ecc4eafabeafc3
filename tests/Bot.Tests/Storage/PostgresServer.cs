using System.Net;
using System.Net.Sockets;
using Npgsql;

namespace VssBot.Bot.Tests.Storage;

/// <summary>
/// A throw-away PostgreSQL (Debian's package) on 127.0.0.1 and a free port, in a temporary data folder, for the tests of
/// the "PostgreSQL" collection; stopped and deleted afterwards. initdb refuses to run as root, so as root the server runs as
/// the <c>postgres</c> user. Missing binaries are installed with apt-get when running as root; otherwise the fixture fails
/// with what to install: the tests never silently skip.
/// </summary>
public sealed class PostgresServer : IAsyncLifetime
{
    private static readonly bool IsRoot = Environment.UserName == "root";

    private string dataFolder = "";
    private string binFolder = "";
    private int port;

    public string ConnectionString(string database) => new NpgsqlConnectionStringBuilder
    {
        Host = "127.0.0.1",
        Port = port,
        Username = "postgres",
        Database = database,
        Pooling = true,
    }.ToString();

    /// <summary>A new empty database (one per test class keeps tests independent); returns its connection string.</summary>
    public async Task<string> CreateDatabaseAsync()
    {
        // Tests read and write their databases raw with plain NpgsqlConnections: each database's global pool kept an idle
        // server connection until the end of the run, ~130 over the collection, and the server's limit was reached.
        // Earlier tests are done with theirs (the collection runs one test at a time); connections in use are not touched.
        NpgsqlConnection.ClearAllPools();
        var name = $"vssbot_{Guid.NewGuid():N}";
        await using var connection = new NpgsqlConnection(ConnectionString("postgres"));
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
        await command.ExecuteNonQueryAsync();
        return ConnectionString(name);
    }

    /// <summary>Every stored data column of bot_state, as the database holds it.</summary>
    public static async Task<IReadOnlyList<string>> RawStateAsync(string connectionString)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT data FROM bot_state", connection);
        var rows = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
            rows.Add(reader.GetString(0));
        return rows;
    }

    public async Task InitializeAsync()
    {
        binFolder = FindBinaries() ?? await InstallAsync();
        dataFolder = Path.Combine(Path.GetTempPath(), $"vssbot-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataFolder);
        if (IsRoot)
            await RunAsync("chown", ["postgres:postgres", dataFolder]);
        port = FreePort();

        await RunAsPostgresAsync($"{binFolder}/initdb -D {dataFolder} -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 --no-sync");
        await RunAsPostgresAsync($"{binFolder}/pg_ctl -D {dataFolder} -l {dataFolder}/server.log " +
            $"-o \"-c listen_addresses=127.0.0.1 -p {port} -k {dataFolder} -c fsync=off -c max_connections=200\" -w start");
    }

    public async Task DisposeAsync()
    {
        if (dataFolder.Length == 0 || !Directory.Exists(dataFolder))
            return;
        NpgsqlConnection.ClearAllPools();
        try
        {
            await RunAsPostgresAsync($"{binFolder}/pg_ctl -D {dataFolder} -m fast -w stop");
        }
        finally
        {
            Directory.Delete(dataFolder, recursive: true);
        }
    }

    private static string? FindBinaries() =>
        Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .Select(d => Path.Combine(d, "bin"))
                .Where(bin => File.Exists(Path.Combine(bin, "initdb")))
                .OrderByDescending(bin => bin == "/usr/lib/postgresql/15/bin")
                .FirstOrDefault()
            : null;

    private static async Task<string> InstallAsync()
    {
        if (!IsRoot)
            throw new InvalidOperationException(
                "PostgreSQL server binaries not found (/usr/lib/postgresql/*/bin/initdb) and the tests are not running as root to install them: " +
                "run `sudo apt-get install -y postgresql` (Debian/Ubuntu) and run the tests again.");
        await RunAsync("sh", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql"], TimeSpan.FromMinutes(10));
        return FindBinaries() ?? throw new InvalidOperationException(
            "apt-get install postgresql finished but /usr/lib/postgresql/*/bin/initdb is still missing.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static Task RunAsPostgresAsync(string command) =>
        IsRoot ? RunAsync("su", ["postgres", "-s", "/bin/sh", "-c", command]) : RunAsync("sh", ["-c", command]);

    private static Task RunAsync(string file, string[] arguments, TimeSpan? timeout = null) =>
        ExternalProcess.RunAsync(file, arguments, timeout ?? TimeSpan.FromMinutes(1));
}

[CollectionDefinition(Name)]
public sealed class PostgresCollection : ICollectionFixture<PostgresServer>
{
    public const string Name = "PostgreSQL";
}
