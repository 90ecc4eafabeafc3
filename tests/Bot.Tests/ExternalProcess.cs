using System.Diagnostics;

namespace VssBot.Bot.Tests;

/// <summary>Programs the tests start (apt-get, PostgreSQL's tools, Chromium), run to their end with a timeout.</summary>
internal static class ExternalProcess
{
    /// <summary>
    /// Runs a program to its end; what it printed is only read when it fails (a server it starts may keep the pipes open).
    /// </summary>
    public static Task RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout) => RunAsync(file, arguments, timeout, readOutput: false);

    /// <summary>Runs a program to its end and returns what it printed on standard output.</summary>
    public static Task<string> ReadAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout) => RunAsync(file, arguments, timeout, readOutput: true);

    private static async Task<string> RunAsync(string file, IReadOnlyList<string> arguments, TimeSpan timeout, bool readOutput)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var argument in arguments)
            start.ArgumentList.Add(argument);
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"Could not start {file}.");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        using var cancel = new CancellationTokenSource(timeout);
        try
        {
            await process.WaitForExitAsync(cancel.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} did not finish within {timeout}:\n{await error}");
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{file} {string.Join(' ', arguments)} failed ({process.ExitCode}):\n{await output}\n{await error}");
        return readOutput ? await output : "";
    }
}
