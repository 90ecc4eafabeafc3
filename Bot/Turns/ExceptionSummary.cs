using System.Text;

namespace VssBot.Bot.Turns;

/// <summary>
/// An exception for the log without its messages: messages can quote what the student typed
/// (a parse error on an ID number, a name), types and stack frames cannot. What can be said safely is added in
/// parentheses, so no line reads as a bare type: VssBot's own messages (written without personal data), the
/// network error kind and HTTP status of a failed call, a socket error code.
/// </summary>
public static class ExceptionSummary
{
    /// <param name="withStack">false: only the chain of types (expected failures such as an unreachable channel).</param>
    public static string Describe(Exception error, bool withStack = true)
    {
        var text = new StringBuilder();
        for (Exception? e = error; e is not null; e = e.InnerException)
        {
            if (text.Length > 0)
                text.AppendLine().Append(" ---> ");
            text.Append(e.GetType().FullName);
            if (SafeDetail(e) is { Length: > 0 } detail)
                text.Append(" (").Append(detail).Append(')');
            if (withStack && e.StackTrace is { } stack)
                text.AppendLine().Append(stack);
        }
        return text.ToString();
    }

    private static string? SafeDetail(Exception e) => e switch
    {
        HttpRequestException http => $"{http.HttpRequestError}{(http.StatusCode is { } status ? $", HTTP {(int)status}" : "")}",
        System.Net.Sockets.SocketException socket => socket.SocketErrorCode.ToString(),
        TimeoutException or OperationCanceledException => "timed out or cancelled",
        _ when e.GetType().Namespace?.StartsWith("VssBot", StringComparison.Ordinal) == true => e.Message,
        _ => null,
    };
}
