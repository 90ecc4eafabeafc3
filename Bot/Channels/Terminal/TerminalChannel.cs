using Microsoft.Extensions.Logging.Console;

namespace VssBot.Bot.Channels.Terminal;

public static class TerminalChannel
{
    public static bool IsRequested(string[] args) => args is [TerminalChat.Command, ..];

    /// <summary>In chat mode the console belongs to the student: logs go to stderr, warnings and up only.</summary>
    public static WebApplicationBuilder ConfigureForTerminal(this WebApplicationBuilder builder)
    {
        builder.Logging
            .AddConsole(o => o.LogToStandardErrorThreshold = LogLevel.Trace)
            .AddFilter<ConsoleLoggerProvider>(category: null, LogLevel.Warning); // a provider rule beats the "Logging" section
        return builder;
    }

    public static IServiceCollection AddTerminalChannel(this IServiceCollection services) =>
        services.AddTransient<TerminalChat>();

    /// <summary>Chats on stdin/stdout with the app's bot and storage, without starting the web server.</summary>
    public static async Task RunTerminalChatAsync(this WebApplication app)
    {
        var chat = app.Services.GetRequiredService<TerminalChat>();
        Console.InputEncoding = Console.OutputEncoding = System.Text.Encoding.UTF8;
        await chat.RunAsync(Console.In, Console.Out, Environment.UserName);
    }
}
