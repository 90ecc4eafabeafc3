using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Transport.Sockets;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using VssBot.Bot.Channels.Webhooks;

namespace VssBot.Bot.Tests.Channels.Webhooks;

/// <summary>
/// On Kestrel, a webhook acknowledgement runs where the request was read, inside Kestrel's own request loop; every
/// other request is handed to the thread pool first (<see cref="InlineAcknowledgements"/>), so with inline scheduling on
/// no turn, page or PDF runs on a socket thread.
/// </summary>
public sealed class InlineAcknowledgementsTests : IAsyncLifetime
{
    private WebApplication app = null!;
    private HttpClient client = null!;

    public async Task InitializeAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseKestrel(k => k.Listen(IPAddress.Loopback, 0));
        builder.Services.AddInlineAcknowledgements("/channels/test/webhook");
        app = builder.Build();
        // Whether the endpoint still runs inside Kestrel's request loop, or in a work item of the thread pool.
        app.MapPost("/channels/test/webhook", async (HttpRequest request) => new Where(await request.ReadFromJsonAsync<string>(), InsideKestrelsLoop()));
        app.MapPost("/api/messages", async (HttpRequest request) => new Where(await request.ReadFromJsonAsync<string>(), InsideKestrelsLoop()));
        app.MapGet("/channels/test/webhook", () => new Where("verify", InsideKestrelsLoop()));
        await app.StartAsync();
        client = new HttpClient { BaseAddress = new Uri(app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First()) };
    }

    public async Task DisposeAsync()
    {
        client.Dispose();
        await app.DisposeAsync();
    }

    [Fact]
    public void Kestrel_schedules_requests_inline()
    {
        Assert.True(app.Services.GetRequiredService<IOptions<SocketTransportOptions>>().Value.UnsafePreferInlineScheduling);
    }

    [Fact]
    public async Task An_acknowledgement_runs_inside_kestrels_request_loop()
    {
        var answer = await PostAsync("/channels/test/webhook", "tin nhắn");

        Assert.Equal(new Where("tin nhắn", InsideKestrelsLoop: true), answer);
    }

    [Fact]
    public async Task Every_other_request_is_handed_to_the_thread_pool_first()
    {
        Assert.Equal(new Where("xin chào", InsideKestrelsLoop: false), await PostAsync("/api/messages", "xin chào"));
        // The webhook's verification is a GET: only the POST acknowledgement stays inline.
        Assert.Equal(new Where("verify", InsideKestrelsLoop: false), await client.GetFromJsonAsync<Where>("/channels/test/webhook"));
    }

    private async Task<Where?> PostAsync(string path, string text)
    {
        using var response = await client.PostAsJsonAsync(path, text);
        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<Where>();
    }

    private static bool InsideKestrelsLoop() =>
        new StackTrace().GetFrames().Any(f => f.GetMethod()?.DeclaringType?.FullName?.Contains("HttpProtocol+<ProcessRequests>", StringComparison.Ordinal) == true);

    public sealed record Where(string? Text, bool InsideKestrelsLoop);
}
