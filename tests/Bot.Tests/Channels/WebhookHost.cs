using System.Net.Http.Headers;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Channels.Webhooks.Inbox;
using WireMock.Server;

namespace VssBot.Bot.Tests.Channels;

/// <summary>
/// The real host with a webhook channel on, its platform API pointed at a WireMock stand-in, and a clock just after the
/// recorded payloads were sent (inside the reply windows). Subclasses sign payloads the way their platform does.
/// </summary>
public abstract class WebhookHost : IDisposable
{
    protected WebhookHost(Action<WireMockServer> stubApi, Func<string, Dictionary<string, string?>> settings,
        Action<IServiceCollection>? testServices, string? databasePath)
    {
        Api = WireMockServer.Start();
        stubApi(Api);
        Factory = new VssBotFactory(databasePath, settings(Api.Url!), services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            testServices?.Invoke(services);
        });
        Client = Factory.CreateClient();
    }

    /// <summary>Shortly after the recorded payloads were sent (2026-01-01), inside the reply windows.</summary>
    public ManualClock Clock { get; } = new(DateTimeOffset.FromUnixTimeMilliseconds(1767240060000));

    public WireMockServer Api { get; }
    public VssBotFactory Factory { get; }
    public HttpClient Client { get; }

    /// <summary>POSTs the exact bytes of <paramref name="body"/> to <paramref name="path"/>, with a signature header when given.</summary>
    protected Task<HttpResponseMessage> PostRawAsync(string path, string body, string signatureHeader, Func<byte[], string>? signature)
    {
        var bytes = Encoding.UTF8.GetBytes(body);
        var content = new ByteArrayContent(bytes);
        content.Headers.ContentType = new MediaTypeHeaderValue("application/json");
        var request = new HttpRequestMessage(HttpMethod.Post, path) { Content = content };
        if (signature is not null)
            request.Headers.Add(signatureHeader, signature(bytes));
        return Client.SendAsync(request);
    }

    public abstract Task<HttpResponseMessage> PostAsync(string body, string? signature = "sign");

    /// <summary>Posts and waits until every queued turn has run.</summary>
    public async Task DeliverAsync(string body)
    {
        (await PostAsync(body)).EnsureSuccessStatusCode();
        await IdleAsync();
    }

    public Task IdleAsync() => Factory.Services.GetRequiredService<WebhookInboxWorker>().WhenIdleAsync().WaitAsync(TimeSpan.FromSeconds(30));

    /// <summary>The calls the stand-in received on <paramref name="path"/>, in order.</summary>
    public List<WireMock.Logging.ILogEntry> Calls(string path) => Api.LogEntries.Where(e => e.RequestMessage!.Path == path).OrderBy(e => e.RequestMessage!.DateTime).ToList();

    public void Dispose()
    {
        Client.Dispose();
        Factory.Dispose();
        Api.Stop();
        Api.Dispose();
        GC.SuppressFinalize(this);
    }
}
