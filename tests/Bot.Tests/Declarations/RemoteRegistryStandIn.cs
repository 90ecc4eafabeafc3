using System.Net;
using System.Net.Sockets;

namespace VssBot.Bot.Tests.Declarations;

/// <summary>
/// Sits between the bot's declaration client and the "remote" registry (a second in-memory host) and misbehaves on
/// demand: refused connections, 500s, timeouts, a response lost after the registry stored the declaration, or a 400 whose body
/// is not the registry's (what a proxy or a cut connection gives).
/// </summary>
public sealed class RemoteRegistryStandIn(HttpMessageHandler registry) : DelegatingHandler(registry)
{
    public enum Fault { None, ConnectionRefused, ServerError, Timeout, LoseResponse, BareBadRequest }

    private readonly Lock sync = new();
    private Fault fault;
    private int remaining;
    private int calls;

    public int Calls { get { lock (sync) return calls; } }

    /// <summary>The next <paramref name="times"/> calls fail with <paramref name="kind"/> (int.MaxValue: until <see cref="Heal"/>).</summary>
    public void Fail(Fault kind, int times = int.MaxValue)
    {
        lock (sync) (fault, remaining) = (kind, times);
    }

    public void Heal() => Fail(Fault.None, 0);

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Fault now;
        lock (sync)
        {
            calls++;
            now = remaining > 0 ? fault : Fault.None;
            if (remaining > 0 && remaining != int.MaxValue) remaining--;
        }
        switch (now)
        {
            case Fault.ConnectionRefused:
                throw new HttpRequestException("Connection refused (stand-in)", new SocketException((int)SocketError.ConnectionRefused));
            case Fault.ServerError:
                return new HttpResponseMessage(HttpStatusCode.InternalServerError) { RequestMessage = request };
            case Fault.BareBadRequest:
                return new HttpResponseMessage(HttpStatusCode.BadRequest) { RequestMessage = request, Content = new StringContent("<html>Bad Request</html>") };
            case Fault.Timeout:
                await Task.Delay(TimeSpan.FromSeconds(30), cancellationToken);
                break;
            case Fault.LoseResponse:
                using (await base.SendAsync(request, cancellationToken)) { }
                return new HttpResponseMessage(HttpStatusCode.BadGateway) { RequestMessage = request };
        }
        return await base.SendAsync(request, cancellationToken);
    }
}
