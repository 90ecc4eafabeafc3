using System.Diagnostics;
using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;
using OpenQA.Selenium;
using OpenQA.Selenium.Chrome;
using VssBot.Bot.Tests.Channels.DirectLine;

namespace VssBot.Bot.Tests.Browser;

/// <summary>
/// The real host on Kestrel at 127.0.0.1 (a free port) and headless Debian Chromium driven through chromedriver.
/// Installs chromium + chromium-driver with apt-get when missing (tests run as root, as .ci/run does).
/// One host and one browser for all tests of a class.
/// </summary>
public sealed class BrowserHost : IAsyncLifetime
{
    private const string Chromium = "/usr/bin/chromium";
    private const string ChromeDriver = "/usr/bin/chromedriver";

    private readonly VssBotFactory factory = DirectLineClient.NewFactory();
    private readonly string profile = Path.Combine(Path.GetTempPath(), "vssbot-tests", $"chromium-{Guid.NewGuid():N}");

    public string BaseUrl { get; private set; } = "";
    public IWebDriver Driver { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        await EnsureChromiumAsync();
        factory.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0));
        factory.StartServer();
        BaseUrl = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First().TrimEnd('/');

        var service = ChromeDriverService.CreateDefaultService(Path.GetDirectoryName(ChromeDriver)!, Path.GetFileName(ChromeDriver));
        service.SuppressInitialDiagnosticInformation = true;
        service.HideCommandPromptWindow = true;
        var options = new ChromeOptions { BinaryLocation = Chromium };
        options.AddArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
            $"--user-data-dir={profile}", "--window-size=1200,900", "--lang=vi");
        Driver = new ChromeDriver(service, options, TimeSpan.FromSeconds(60));
        Driver.Manage().Timeouts().PageLoad = TimeSpan.FromSeconds(30);
    }

    public Task DisposeAsync()
    {
        Driver?.Quit();
        factory.Dispose();
        try { Directory.Delete(profile, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
        return Task.CompletedTask;
    }

    /// <summary>Runs a browser scenario; on failure saves a screenshot and the page under the test output folder.</summary>
    public async Task RunAsync(string name, Func<IWebDriver, Task> scenario)
    {
        try
        {
            await scenario(Driver);
        }
        catch
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
            Directory.CreateDirectory(folder);
            try
            {
                ((ITakesScreenshot)Driver).GetScreenshot().SaveAsFile(Path.Combine(folder, $"{name}.png"));
                await File.WriteAllTextAsync(Path.Combine(folder, $"{name}.html"), Driver.PageSource);
            }
            catch (WebDriverException)
            {
                // the browser itself is gone: the original failure says more
            }
            throw;
        }
    }

    private static async Task EnsureChromiumAsync()
    {
        if (File.Exists(Chromium) && File.Exists(ChromeDriver))
            return;
        var install = Process.Start(new ProcessStartInfo("bash", ["-c", "apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver"])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        var output = install.StandardOutput.ReadToEndAsync();
        var errors = install.StandardError.ReadToEndAsync();
        await install.WaitForExitAsync();
        if (install.ExitCode != 0)
            throw new InvalidOperationException($"Installing chromium and chromium-driver failed ({install.ExitCode}): {await errors}{await output}");
    }
}

/// <summary>Polling waits (Selenium.Support's WebDriverWait is not needed for this).</summary>
public static class Eventually
{
    public static async Task<T> Until<T>(Func<T?> probe, string what, int seconds = 20) where T : class
    {
        var deadline = DateTime.UtcNow.AddSeconds(seconds);
        while (true)
        {
            try
            {
                if (probe() is { } found)
                    return found;
            }
            catch (WebDriverException) when (DateTime.UtcNow < deadline)
            {
                // stale or not yet there
            }
            if (DateTime.UtcNow >= deadline)
                throw new TimeoutException($"Timed out after {seconds} s waiting for {what}.");
            await Task.Delay(100);
        }
    }

    public static Task True(Func<bool> probe, string what, int seconds = 20) =>
        Until(() => probe() ? "yes" : null, what, seconds);

    /// <summary>The visible element matching <paramref name="css"/> whose text is <paramref name="text"/>.</summary>
    public static Task<IWebElement> Element(IWebDriver driver, string css, string text, int seconds = 20) =>
        Until(() => driver.FindElements(By.CssSelector(css)).LastOrDefault(e => e.Displayed && e.Text.Trim() == text), $"\"{text}\" in {css}", seconds);

    /// <summary>Waits for an element matching <paramref name="css"/> whose text contains <paramref name="text"/>.</summary>
    public static Task<IWebElement> Containing(IWebDriver driver, string css, string text, int seconds = 20) =>
        Until(() => driver.FindElements(By.CssSelector(css)).LastOrDefault(e => e.Text.Contains(text, StringComparison.Ordinal)), $"\"{text}\" in {css}", seconds);
}
