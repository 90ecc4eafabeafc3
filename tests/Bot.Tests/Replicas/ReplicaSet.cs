using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Declarations;
using VssBot.Bot.Tests.Declarations;
using VssBot.Bot.Tests.Storage;

namespace VssBot.Bot.Tests.Replicas;

/// <summary>
/// Several in-process hosts of the bot on one PostgreSQL database, configured as an operator would run replicas: the
/// same data key, no sticky routing. A replica can be stopped and started again; <see cref="Any"/> picks a running one.
/// </summary>
public sealed class ReplicaSet(string connectionString, int count, IDictionary<string, string?>? settings = null) : IDisposable
{
    private readonly Lock sync = new();
    private readonly VssBotFactory?[] hosts = new VssBotFactory?[count];

    public const string RegistryKey = "registry-key-of-every-replica";

    public int Count => count;

    public VssBotFactory Start(int index)
    {
        var host = DeclarationHosts.Embedded(VssBotFactory.NewDatabasePath(), new Dictionary<string, string?>(settings ?? new Dictionary<string, string?>())
        {
            ["Storage:Provider"] = "Postgres",
            ["Storage:Postgres:ConnectionString"] = connectionString,
            ["DataProtection:Key"] = TestKeys.Base64,
            ["DeclarationApi:ApiKey"] = RegistryKey, // shared by configuration, as the other keys
            // A stopped replica's claimed outbox rows come back quickly.
            ["DeclarationOutbox:ClaimLease"] = "00:00:02",
        });
        host.CreateClient().Dispose(); // started: hosted services (outbox worker, listener) are running
        lock (sync) hosts[index] = host;
        return host;
    }

    public void StartAll()
    {
        for (var i = 0; i < count; i++)
            Start(i);
    }

    /// <summary>Takes the replica out of routing and stops it at once (its background work is cut off mid-way).</summary>
    public void Stop(int index)
    {
        VssBotFactory? host;
        lock (sync)
        {
            host = hosts[index];
            hosts[index] = null;
        }
        host?.Dispose();
    }

    public VssBotFactory this[int index] => hosts[index] ?? throw new InvalidOperationException($"Replica {index} is stopped.");

    /// <summary>A running replica chosen at random (no sticky routing).</summary>
    public (int Index, VssBotFactory Host) Any()
    {
        lock (sync)
        {
            var running = Enumerable.Range(0, count).Where(i => hosts[i] is not null).ToList();
            var index = running[Random.Shared.Next(running.Count)];
            return (index, hosts[index]!);
        }
    }

    public void Dispose()
    {
        for (var i = 0; i < count; i++)
            Stop(i);
    }
}
