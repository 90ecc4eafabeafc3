using System.Net;
using Microsoft.Bot.Builder;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Storage;
using VssBot.Bot.Tests.Channels.BotFramework;

namespace VssBot.Bot.Tests.Security;

/// <summary>Issue 10, row 10: a lost database is an error, not a fresh start; /health reports a wrong key and damaged pages.</summary>
public sealed class DataLossTests : IDisposable
{
    private readonly string database = VssBotFactory.NewDatabasePath();

    public void Dispose()
    {
        foreach (var file in Directory.GetFiles(Path.GetDirectoryName(database)!, Path.GetFileName(database) + "*"))
            File.Delete(file);
    }

    private VssBotFactory Host(string? key = null) => new(database,
        key is null ? null : new Dictionary<string, string?> { ["DataProtection:Key"] = key }, s => s.AddSingleton<IBot, CountingBot>());

    private static string Key(int seed) => Convert.ToBase64String(Enumerable.Range(seed, 32).Select(i => (byte)i).ToArray());

    private async Task UsedOnceAsync(string? key = null)
    {
        using var first = Host(key);
        Assert.Equal(["1"], await first.CreateClient().ReplyTextsAsync("c-data", "một"));
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_deleted_or_emptied_database_stops_the_host_naming_the_file_instead_of_starting_empty(bool delete)
    {
        await UsedOnceAsync();
        foreach (var file in new[] { database + "-wal", database + "-shm" })
            File.Delete(file);
        if (delete) File.Delete(database);
        else await File.WriteAllBytesAsync(database, []);

        using var restarted = Host();
        var error = Assert.ThrowsAny<Exception>(() => restarted.CreateClient());
        Assert.Contains(database, error.ToString());
        Assert.Contains(DataMarker.FileSuffix, error.ToString());
    }

    [Fact]
    public async Task A_first_start_and_a_normal_restart_are_fine()
    {
        await UsedOnceAsync();
        using var restarted = Host();
        Assert.Equal(["2"], await restarted.CreateClient().ReplyTextsAsync("c-data", "hai"));
    }

    [Fact]
    public async Task A_wrong_data_key_makes_health_and_readiness_unhealthy_while_liveness_stays_up()
    {
        await UsedOnceAsync(Key(1));

        using var wrong = Host(Key(100));
        var client = wrong.CreateClient();

        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, (await client.GetAsync("/health/ready")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/health/live")).StatusCode);
    }

    [Fact]
    public async Task Damaged_pages_make_health_unhealthy()
    {
        await UsedOnceAsync();
        using (var first = Host())
        {
            var client = first.CreateClient();
            for (var i = 0; i < 40; i++) await client.ReplyTextsAsync($"c-fill-{i}", new string('x', 2000));
        }
        // Checkpointed and closed: overwrite a page in the middle of the file.
        VssBot.Bot.Tests.Storage.SqlitePools.Release(database);
        await using (var stream = new FileStream(database, FileMode.Open, FileAccess.ReadWrite))
        {
            stream.Position = stream.Length / 2;
            stream.Write(Enumerable.Repeat((byte)0xA5, 4096).ToArray());
        }

        using var damaged = Host();
        HttpResponseMessage? response = null;
        try
        {
            response = await damaged.CreateClient().GetAsync("/health");
        }
        catch (Exception)
        {
            return; // refusing to start on a damaged file is acceptable too: it never serves as healthy
        }
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
    }
}
