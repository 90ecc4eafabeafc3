using System.Data.Common;
using System.Net.Sockets;
using System.Security.Cryptography;

namespace VssBot.Bot.Turns;

/// <summary>
/// Whether a failed turn failed because of the infrastructure (a wrong or missing data key, the database, the disk, the
/// network) rather than the conversation itself. Such a fault says nothing about the student's state, which must be kept.
/// </summary>
public static class InfrastructureFault
{
    public static bool Is(Exception error) => error switch
    {
        CryptographicException or DbException or IOException or TimeoutException or HttpRequestException or SocketException
            or UnauthorizedAccessException or OutOfMemoryException => true,
        AggregateException aggregate => aggregate.InnerExceptions.Any(Is),
        _ => error.InnerException is { } inner && Is(inner),
    };
}
