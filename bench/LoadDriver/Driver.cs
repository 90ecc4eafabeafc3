using System.Diagnostics;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bench.LoadDriver;
using VssBot.Dialogs.Texts;

namespace VssBot.Bench.LoadDriver;

/// <summary>The load driver of issue 12: whole Form 01 conversations by N concurrent students against the real bot on Kestrel.
/// Prints turns/s, latency percentiles, allocations and CPU per turn, stored bytes per student and RSS. A benchmark,
/// not a test: it never fails on a time. Usage: bench/README.md.</summary>
public static class Driver
{
    /// <summary>Exit code 1 when a turn failed or none completed (a smoke check of behaviour, never of time).</summary>
    public static async Task<int> Main(string[] args)
    {
        var options = DriverOptions.Parse(args);
        var answers = File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "form01-answers.txt")).Where(l => l.Length > 0).ToArray();
        var data = Directory.CreateTempSubdirectory("vssbot-load-");
        Console.WriteLine($"machine: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Trim()}");
        Console.WriteLine($"bot: Storage:Provider={options.Provider}, log level {options.LogLevel ?? "as appsettings.json"}, data in {data.FullName}");

        await using var sendApi = options.MessengerStudents > 0 ? await SendApiStub.StartAsync() : null;
        var extra = new Dictionary<string, string?>();
        if (sendApi is not null)
        {
            extra["Messenger:AppSecret"] = MessengerStudents.AppSecret;
            extra["Messenger:VerifyToken"] = "load-driver";
            extra["Messenger:PageAccessToken"] = "load-driver-page-token";
            extra["Messenger:GraphBaseAddress"] = sendApi.BaseAddress; // the Graph version is appended; the stand-in takes any
            extra["Messenger:SendRetries"] = "0";
        }

        using var host = new BotHost(options, data.FullName, extra);
        host.StartServer();
        // A plain client on Kestrel's port, as a channel or wrk would be: the factory's own CreateClient adds a redirect
        // handler that copies every request body and a cookie container, work the driver's process would charge to the bot.
        var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.First();
        using var client = new HttpClient(new SocketsHttpHandler { UseCookies = false, AllowAutoRedirect = false })
        {
            BaseAddress = new Uri(address),
            Timeout = TimeSpan.FromSeconds(60),
        };
        var apology = host.Services.GetRequiredService<BotTexts>()["conv.error"];

        var students = new FormStudents(client, answers, apology);
        var messenger = sendApi is null ? null : new MessengerStudents(client, answers, sendApi);
        using var stop = new CancellationTokenSource();
        var running = Enumerable.Range(0, options.Students).Select(i => Task.Run(() => students.RunAsync(i, stop.Token)))
            .Concat(Enumerable.Range(0, options.MessengerStudents).Select(i => Task.Run(() => messenger!.RunAsync(i, stop.Token))))
            .ToList();

        if (options.Forms is null && options.WarmupSeconds > 0)
        {
            await Task.Delay(TimeSpan.FromSeconds(options.WarmupSeconds));
            students.ResetCounters();
            messenger?.ResetCounters();
        }

        var process = Process.GetCurrentProcess();
        process.Refresh();
        var cpu0 = process.TotalProcessorTime;
        var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
        var (gen0, gen1, gen2, paused0) = (GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2), GC.GetTotalPauseDuration());
        var clock = Stopwatch.StartNew();
        if (options.Forms is { } forms)
        {
            while (students.Forms < forms)
            {
                await Task.Delay(200);
                if (clock.Elapsed.TotalSeconds >= 1 && (int)clock.Elapsed.TotalSeconds % 30 == 0 && clock.Elapsed.TotalMilliseconds % 30000 < 200)
                    Console.WriteLine($"  … {students.Forms} forms, {students.Turns} turns, RSS {Environment.WorkingSet / 1048576} MB");
            }
        }
        else
        {
            await Task.Delay(TimeSpan.FromSeconds(options.Seconds));
        }
        var elapsed = clock.Elapsed.TotalSeconds;
        var turns = students.Turns;
        var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;
        var paused = (GC.GetTotalPauseDuration() - paused0).TotalMilliseconds;
        var collections = (Gen0: GC.CollectionCount(0) - gen0, Gen1: GC.CollectionCount(1) - gen1, Gen2: GC.CollectionCount(2) - gen2);
        process.Refresh();
        var cpu = (process.TotalProcessorTime - cpu0).TotalMilliseconds;
        var latencies = students.Latencies.Summary();
        var bySteps = students.ByStep.Select((l, i) => $"  step {i + 1,2} {answers[i],-20} {l.Summary()}").ToList();
        var acks = messenger?.Acks.Summary();
        var acknowledged = messenger?.Acknowledged ?? 0;
        stop.Cancel();
        await Task.WhenAll(running);

        Console.WriteLine($"students: {options.Students} on /api/messages{(messenger is null ? "" : $", {options.MessengerStudents} on the Messenger webhook")}, measured {elapsed:0.0} s");
        Console.WriteLine($"turns: {turns}, {turns / elapsed:0.0} turns/s, errors {students.Errors}, forms completed {students.Forms}");
        Console.WriteLine($"latency: {latencies}");
        if (options.Steps)
            bySteps.ForEach(Console.WriteLine);
        var perTurn = Math.Max(1, turns + acknowledged);
        Console.WriteLine($"per turn (whole process, driver included): {allocated / perTurn / 1024.0:0.0} KB allocated, {cpu / perTurn:0.00} ms CPU");
        // Collections counted per generation (a gen1 also counts as gen0): how often every thread stopped, and for how long.
        Console.WriteLine($"GC: {collections.Gen0} collections ({collections.Gen1} gen1, {collections.Gen2} gen2), paused {paused:0} ms in all " +
            $"({paused / (elapsed * 1000) * 100:0.0}% of the time, {paused / Math.Max(1, collections.Gen0):0.00} ms per collection)");
        if (messenger is not null)
            Console.WriteLine($"messenger webhook acknowledgement: {acknowledged} events, errors {messenger.Errors}, {acks}");

        if (options.Provider.Equals("Sqlite", StringComparison.OrdinalIgnoreCase) && students.Completed is { Count: > 0 } completed)
        {
            var (average, max) = StoredBytes(host.DatabasePath, completed.Take(500).ToList());
            Console.WriteLine($"stored per student after Ghi nhận (conversation state + profile, encrypted): average {average:0} bytes, max {max} bytes");
        }

        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        Console.WriteLine($"memory: RSS {Environment.WorkingSet / 1048576.0:0.0} MB (peak {PeakRss() / 1024.0:0.0} MB), managed heap {GC.GetTotalMemory(false) / 1048576.0:0.0} MB after a full GC ({GC.GetGCMemoryInfo().TotalCommittedBytes / 1048576.0:0.0} MB committed by the GC); SQLite {SqliteMemory()}");
        await host.DisposeAsync();
        Directory.Delete(data.FullName, recursive: true);
        return students.Errors > 0 || turns == 0 || messenger?.Errors > 0 ? 1 : 0;
    }

    /// <summary>What SQLite's allocator holds now and held at most (page caches of every connection, statements), in MB.</summary>
    private static string SqliteMemory()
    {
        const int memoryUsed = 0; // SQLITE_STATUS_MEMORY_USED
        SQLitePCL.raw.sqlite3_status(memoryUsed, out var current, out var highest, 0);
        return $"{current / 1048576.0:0.0} MB in use (at most {highest / 1048576.0:0.0} MB)";
    }

    private static (double Average, long Max) StoredBytes(string databasePath, List<string> conversations)
    {
        using var connection = new SqliteConnection($"Data Source={databasePath};Mode=ReadOnly;Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT COALESCE(SUM(LENGTH(CAST(json AS BLOB))), 0) FROM bot_state WHERE key IN ($conversation, $user)";
        var conversation = command.Parameters.Add("$conversation", SqliteType.Text);
        var user = command.Parameters.Add("$user", SqliteType.Text);
        var sizes = conversations.Select(id =>
        {
            conversation.Value = $"test/conversations/{id}";
            user.Value = $"test/users/u-{id}";
            return (long)command.ExecuteScalar()!;
        }).ToList();
        return (sizes.Average(), sizes.Max());
    }

    private static long PeakRss() => File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:")) is { } line
        ? long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) : 0;
}
