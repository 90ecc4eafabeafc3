using System.Text;

namespace VssBot.Bot.Turns;

/// <summary>
/// An exception for the log without its messages: messages can quote what the student typed
/// (a parse error on an ID number, a name), types and stack frames cannot.
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
            if (withStack && e.StackTrace is { } stack)
                text.AppendLine().Append(stack);
        }
        return text.ToString();
    }
}
