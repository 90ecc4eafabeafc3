using VssBot.Bot.Campaign;
using VssBot.Bot.Channels.BotFramework;
using VssBot.Bot.Channels.Terminal;
using VssBot.Bot.Health;
using VssBot.Bot.Printing;
using VssBot.Bot.Storage;
using VssBot.Bot.Turns;
using VssBot.Dialogs;

var chat = TerminalChannel.IsRequested(args);
var builder = WebApplication.CreateBuilder(chat ? args[1..] : args);
if (chat)
    builder.ConfigureForTerminal();

// Where state lives: SQLite file by default (Storage/).
builder.Services.AddStateStorage();
// The school's campaign settings (Campaign/), read by the bot's texts.
builder.Services.AddCampaignSettings(builder.Configuration);
// The conversation: StudentBot, its dialogs and journey (Dialogs/).
builder.Services.AddStudentConversation();
// What runs around every turn: logging by id, per-conversation serialisation, error handling (Turns/).
builder.Services.AddTurnPipeline();
// The printable Form 01: signed links the bot sends after "Ghi nhận", the page and its PDF (Printing/).
builder.Services.AddPrintableForms(builder.Configuration);
// Channels (Channels/).
builder.Services.AddBotFrameworkChannel();
builder.Services.AddTerminalChannel();

var app = builder.Build();

if (chat)
{
    // `dotnet run --project Bot -- chat`: the same bot and storage on stdin/stdout, no web server.
    await app.RunTerminalChatAsync();
    return;
}

app.MapHealthApi();
app.MapBotFrameworkApi();
app.MapPrintableForms();
app.AnnounceBotFrameworkEndpoint();

app.Run();

public partial class Program;
