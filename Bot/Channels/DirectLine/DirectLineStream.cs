using System.Net.WebSockets;
using System.Text;
using Microsoft.Extensions.Options;

namespace VssBot.Bot.Channels.DirectLine;

/// <summary>
/// The WebSocket at a conversation's <c>streamUrl</c>: pushes activity sets (<c>{"activities":[…],"watermark":"n"}</c>)
/// from the watermark in the URL on (from the start without one), then each new activity as it is appended.
/// The client sends nothing; its close frame ends the stream. The short-lived stream token is in the URL (<c>t=</c>).
/// With PostgreSQL the activities may be appended by any replica: their wake-up comes through NOTIFY.
/// </summary>
internal static class DirectLineStream
{

    public static async Task RunAsync(HttpContext context, string conversationId, DirectLineTokens tokens, ConversationLog log,
        ConversationSignals signals, IOptions<DirectLineOptions> options, IHostApplicationLifetime lifetime)
    {
        if (!context.WebSockets.IsWebSocketRequest)
        {
            await DirectLineJson.Error(StatusCodes.Status400BadRequest, "BadArgument", "A WebSocket request is expected.").ExecuteAsync(context);
            return;
        }
        var grant = tokens.Validate(context.Request.Query["t"], ConversationGrant.StreamScope, out var expired);
        if (grant is null || grant.ConversationId != conversationId)
        {
            await DirectLineJson.Error(StatusCodes.Status403Forbidden, expired ? "TokenExpired" : "BadToken", "The stream token is not valid.").ExecuteAsync(context);
            return;
        }

        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(context.RequestAborted, lifetime.ApplicationStopping);
        var closed = WaitForCloseAsync(socket, stop);
        var watermark = DirectLineApi.ParseWatermark(context.Request.Query["watermark"]);
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var next = signals.Next(conversationId); // before reading: an append in between wakes us
                var slice = await log.ReadAfterAsync(conversationId, watermark, stop.Token);
                if (slice.Activities.Count > 0)
                {
                    var json = Encoding.UTF8.GetBytes(DirectLineJson.ActivitySet(slice));
                    await socket.SendAsync(json, WebSocketMessageType.Text, endOfMessage: true, stop.Token);
                    watermark = slice.Watermark;
                    continue;
                }
                try
                {
                    await next.WaitAsync(options.Value.StreamRereadInterval, stop.Token); // a lost wake-up costs this long at most
                }
                catch (TimeoutException)
                {
                    // read again
                }
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // the client left or the host is stopping
        }
        await stop.CancelAsync();
        await closed;
        if (socket.State is WebSocketState.Open or WebSocketState.CloseReceived)
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            try
            {
                await socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, null, timeout.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or WebSocketException)
            {
                // nothing more to tell a client that is gone
            }
        }
    }

    /// <summary>Reads (and drops) what the client sends until it closes, then stops the stream.</summary>
    private static async Task WaitForCloseAsync(WebSocket socket, CancellationTokenSource stop)
    {
        var buffer = new byte[1024];
        try
        {
            while (!stop.IsCancellationRequested)
            {
                var result = await socket.ReceiveAsync(buffer, stop.Token);
                if (result.MessageType == WebSocketMessageType.Close)
                    break;
            }
        }
        catch (Exception e) when (e is OperationCanceledException or WebSocketException)
        {
            // closed either way
        }
        await stop.CancelAsync();
    }
}
