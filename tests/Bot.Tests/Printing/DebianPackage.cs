namespace VssBot.Bot.Tests.Printing;

/// <summary>
/// Installs a Debian package the printing tests need (fonts-dejavu-core, chromium) when the file it provides is missing.
/// The tests run as root in CI (like <c>.ci/run</c>); otherwise they fail with the command to run.
/// </summary>
internal static class DebianPackage
{
    private static readonly SemaphoreSlim Installing = new(1, 1);

    public static async Task EnsureAsync(string providedFile, string package)
    {
        if (File.Exists(providedFile))
            return;
        await Installing.WaitAsync();
        try
        {
            if (File.Exists(providedFile))
                return;
            if (Environment.UserName != "root")
                throw new InvalidOperationException($"{providedFile} is missing: run `sudo apt-get install -y {package}` and run the tests again.");
            await ExternalProcess.RunAsync("sh", ["-c", $"apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq {package}"], TimeSpan.FromMinutes(10));
            if (!File.Exists(providedFile))
                throw new InvalidOperationException($"apt-get install {package} finished but {providedFile} is still missing.");
        }
        finally
        {
            Installing.Release();
        }
    }
}
