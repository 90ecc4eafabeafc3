using Npgsql;

namespace VssBot.Bot.Storage.Notifications;

/// <summary>
/// Notifications across replicas with PostgreSQL NOTIFY/LISTEN: one dedicated connection per instance LISTENs on every
/// topic of <see cref="ChangeTopics.All"/> and hands payloads to this instance's subscribers; it reconnects after a
/// failure. A notification missed while reconnecting costs latency only: every consumer also polls or reads the store.
/// </summary>
public sealed class PostgresChangeNotifications(PostgresDatabase database, ILogger<PostgresChangeNotifications> logger)
    : BackgroundService, IChangeNotifications
{
    private static readonly TimeSpan ReconnectDelay = TimeSpan.FromSeconds(1);

    private readonly LocalChangeNotifications local = new();
    private readonly TaskCompletionSource listening = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes once the first LISTEN is in place (tests wait for it before publishing).</summary>
    public Task Listening => listening.Task;

    public async Task PublishAsync(string topic, string payload, CancellationToken cancellationToken)
    {
        await using var connection = await database.OpenAsync(cancellationToken);
        await using var command = new NpgsqlCommand("SELECT pg_notify(@topic, @payload)", connection);
        command.Parameters.AddWithValue("topic", topic);
        command.Parameters.AddWithValue("payload", payload);
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    public IDisposable Subscribe(string topic, Action<string> handler) => local.Subscribe(topic, handler);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await database.EnsureMigratedAsync(stoppingToken);
                // Not from the pool: this connection stays open, listening, for the life of the instance.
                await using var connection = new NpgsqlConnection(database.ConnectionString);
                await connection.OpenAsync(stoppingToken);
                connection.Notification += (_, e) => local.Dispatch(e.Channel, e.Payload);
                await using (var listen = new NpgsqlCommand(string.Join(";", ChangeTopics.All.Select(t => $"LISTEN {t}")), connection))
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                listening.TrySetResult();
                while (!stoppingToken.IsCancellationRequested)
                    await connection.WaitAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception e)
            {
                logger.LogWarning("Listening for changes from other instances failed ({Error}); reconnecting", e.GetType().Name + ": " + e.Message);
                try { await Task.Delay(ReconnectDelay, stoppingToken); }
                catch (OperationCanceledException) { return; }
            }
        }
    }
}
