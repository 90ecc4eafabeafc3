using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Net.Sockets;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace VssBot.Bot.Tests.Agents;

/// <summary>
/// Headless Debian Chromium driven through chromedriver's W3C WebDriver protocol (plain JSON over HTTP, no client package).
/// Installs chromium and chromium-driver with apt-get when missing (the tests run as root).
/// </summary>
public sealed class WebDriver : IAsyncDisposable
{
    private const string ElementKey = "element-6066-11e4-a52f-4a5ba7bcb3dd";
    private readonly Process driver;
    private readonly HttpClient http;
    private readonly string session;
    private readonly string profile;

    private WebDriver(Process driver, HttpClient http, string session, string profile)
    {
        this.driver = driver;
        this.http = http;
        this.session = session;
        this.profile = profile;
    }

    public static async Task<WebDriver> StartAsync()
    {
        EnsureInstalled();
        var port = FreePort();
        var driver = Process.Start(new ProcessStartInfo("/usr/bin/chromedriver", $"--port={port}")
        {
            RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        })!;
        var http = new HttpClient { BaseAddress = new Uri($"http://127.0.0.1:{port}/"), Timeout = TimeSpan.FromSeconds(60) };
        for (var i = 0; ; i++)
        {
            try
            {
                if ((await http.GetAsync("status")).IsSuccessStatusCode) break;
            }
            catch (HttpRequestException) when (i < 100)
            {
            }
            await Task.Delay(100);
        }
        var profile = Directory.CreateTempSubdirectory("vssbot-chromium-").FullName;
        var capabilities = new JsonObject
        {
            ["capabilities"] = new JsonObject
            {
                ["alwaysMatch"] = new JsonObject
                {
                    ["browserName"] = "chrome",
                    ["goog:chromeOptions"] = new JsonObject
                    {
                        ["binary"] = "/usr/bin/chromium",
                        ["args"] = new JsonArray("--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                            "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage", "--window-size=1400,1000",
                            $"--user-data-dir={profile}"),
                    },
                },
            },
        };
        var response = await http.PostAsync("session", Json(capabilities));
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(response.IsSuccessStatusCode, body.ToString());
        return new WebDriver(driver, http, body.GetProperty("value").GetProperty("sessionId").GetString()!, profile);
    }

    public Task GoToAsync(string url) => CommandAsync(HttpMethod.Post, "url", new JsonObject { ["url"] = url });

    public async Task<string> UrlAsync() => (await CommandAsync(HttpMethod.Get, "url")).GetString()!;

    /// <summary>Waits up to 15 s for an element matching <paramref name="css"/>.</summary>
    public async Task<string> FindAsync(string css)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (true)
        {
            var response = await http.PostAsync($"session/{session}/element", Json(new JsonObject { ["using"] = "css selector", ["value"] = css }));
            var found = await response.Content.ReadFromJsonAsync<JsonElement>();
            if (response.IsSuccessStatusCode && found.GetProperty("value") is { ValueKind: JsonValueKind.Object } value)
                return (value.TryGetProperty(ElementKey, out var id) ? id : value.EnumerateObject().First().Value).GetString()!;
            if (DateTime.UtcNow > until) throw new TimeoutException($"No element '{css}' on {await UrlAsync()}.");
            await Task.Delay(200);
        }
    }

    /// <summary>Clicks; the page re-renders on live updates, so an element gone stale is looked up again.</summary>
    public Task ClickAsync(string css) => RetryStaleAsync(async () => await CommandAsync(HttpMethod.Post, $"element/{await FindAsync(css)}/click", new JsonObject()));

    public Task TypeAsync(string css, string text) =>
        RetryStaleAsync(async () => await CommandAsync(HttpMethod.Post, $"element/{await FindAsync(css)}/value", new JsonObject { ["text"] = text }));

    /// <summary>Chooses a file in an &lt;input type="file"&gt; (chromedriver takes the local path as the typed text).</summary>
    public Task ChooseFileAsync(string css, string path) => TypeAsync(css, Path.GetFullPath(path));

    /// <summary>Opens <paramref name="url"/>, is sent to the sign-in page, and signs in; back on the page afterwards.</summary>
    public async Task SignInAsync(string url, string userName, string password)
    {
        await GoToAsync(url);
        Assert.Contains("/agents/login", await UrlAsync());
        await TypeAsync("#userName", userName);
        await TypeAsync("#password", password);
        await ClickAsync("#signIn");
    }

    public async Task<string> TextAsync(string css) => (await CommandAsync(HttpMethod.Get, $"element/{await FindAsync(css)}/text")).GetString()!;

    /// <summary>Waits up to 15 s until the element's text contains <paramref name="expected"/>.</summary>
    public async Task WaitForTextAsync(string css, string expected)
    {
        var until = DateTime.UtcNow.AddSeconds(15);
        while (!(await RetryStaleAsync(() => TextAsync(css))).Contains(expected, StringComparison.Ordinal))
        {
            if (DateTime.UtcNow > until) throw new TimeoutException($"'{css}' never showed '{expected}'.");
            await Task.Delay(200);
        }
    }

    private static async Task<T> RetryStaleAsync<T>(Func<Task<T>> action)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await action();
            }
            catch (InvalidOperationException e) when (attempt < 20 && (e.Message.Contains("stale element", StringComparison.Ordinal) || e.Message.Contains("not interactable", StringComparison.Ordinal)))
            {
                await Task.Delay(100);
            }
        }
    }

    private async Task<JsonElement> CommandAsync(HttpMethod method, string path, JsonObject? body = null)
    {
        using var request = new HttpRequestMessage(method, $"session/{session}/{path}") { Content = body is null ? null : Json(body) };
        var response = await http.SendAsync(request);
        var json = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (!response.IsSuccessStatusCode) throw new InvalidOperationException($"WebDriver {path}: {json}");
        return json.GetProperty("value");
    }

    /// <summary>With a Content-Length: chromedriver does not read chunked request bodies.</summary>
    private static StringContent Json(JsonObject body) => new(body.ToJsonString(), System.Text.Encoding.UTF8, "application/json");

    private static void EnsureInstalled()
    {
        if (File.Exists("/usr/bin/chromium") && File.Exists("/usr/bin/chromedriver")) return;
        foreach (var args in new[] { "update", "install -y --no-install-recommends chromium chromium-driver" })
        {
            using var apt = Process.Start(new ProcessStartInfo("apt-get", args) { UseShellExecute = false, RedirectStandardOutput = true })!;
            apt.StandardOutput.ReadToEnd();
            apt.WaitForExit();
        }
        if (!File.Exists("/usr/bin/chromedriver")) throw new InvalidOperationException("chromium-driver could not be installed (apt-get, as root).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            await http.DeleteAsync($"session/{session}");
        }
        finally
        {
            driver.Kill(entireProcessTree: true);
            driver.Dispose();
            http.Dispose();
            try { Directory.Delete(profile, recursive: true); } catch (IOException) { }
        }
    }
}
