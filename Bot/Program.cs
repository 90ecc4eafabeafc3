using VssBot.Bot.Agents;
using VssBot.Bot.Agents.Auth;
using VssBot.Bot.Campaign;
using VssBot.Bot.Channels.BotFramework;
using VssBot.Bot.Channels.DirectLine;
using VssBot.Bot.Channels.Images;
using VssBot.Bot.Declarations;
using VssBot.Bot.Declarations.Registry;
using VssBot.Bot.Channels.Messenger;
using VssBot.Bot.Channels.Webhooks;
using VssBot.Bot.Channels.Terminal;
using VssBot.Bot.Channels.Zalo;
using VssBot.Bot.Health;
using VssBot.Bot.Printing;
using VssBot.Bot.Security;
using VssBot.Bot.Reminders;
using VssBot.Bot.Storage;
using VssBot.Bot.Telemetry;
using VssBot.Bot.Turns;
using VssBot.Bot.Web;
using VssBot.Dialogs;

// `dotnet run --project Bot -- hash-password`: the PasswordHash of an agent account (Agents/Auth).
if (args is ["hash-password", ..])
{
    AgentAccounts.PrintHashOfPasswordFromInput();
    return;
}

var chat = TerminalChannel.IsRequested(args);
var builder = WebApplication.CreateBuilder(chat ? args[1..] : args);
if (chat)
    builder.ConfigureForTerminal();

// Secure defaults: what Production refuses, bad input answered 4xx, rate limits, forwarded headers (Security/).
builder.Services.AddSecureDefaults();
// Health checks: database and data key (/health, /health/ready, /health/live).
builder.Services.AddHealth();
// Where state lives: SQLite file by default (Storage/).
builder.Services.AddStateStorage();
// The school's campaign settings (Campaign/), read by the bot's texts.
builder.Services.AddCampaignSettings(builder.Configuration);
// Declarations after "Ghi nhận": outbox, worker, registry client, embedded school registry (Declarations/).
builder.Services.AddDeclarations(builder.Configuration);
// Reminders that reach students: chat inside its window, platform templates, email; the rest for the hotline (Reminders/).
builder.Services.AddReminderRouting();
// ID card photos: limits and how images are fetched from each channel, so the conversation can read their QR code (Channels/Images/).
builder.Services.AddChannelImages();
// The conversation: StudentBot, its dialogs and journey (Dialogs/).
builder.Services.AddStudentConversation();
// What runs around every turn: logging by id, per-conversation serialisation, error handling (Turns/).
builder.Services.AddTurnPipeline();
// OpenTelemetry metrics (turns, latency, errors, declarations, outbox, escalations, funnel) for Prometheus (Telemetry/).
builder.Services.AddVssBotTelemetry(builder.Configuration);
// The agent console and the school dashboard, behind sign-in (Agents/).
builder.Services.AddAgentsAndSchool(builder.Configuration);
// The printable Form 01: signed links the bot sends after "Ghi nhận", the page and its PDF (Printing/).
builder.Services.AddPrintableForms(builder.Configuration);
// Channels (Channels/).
builder.Services.AddBotFrameworkChannel();
builder.Services.AddTerminalChannel();
builder.Services.AddDirectLineChannel();
builder.Services.AddMessengerChannel();
builder.Services.AddZaloChannel();
// Their webhooks acknowledge on the socket's thread, not behind the turns in the thread pool (Channels/Webhooks/).
builder.Services.AddInlineAcknowledgements(MessengerChannel.WebhookPath, ZaloChannel.WebhookPath);

var app = builder.Build();

if (chat)
{
    // `dotnet run --project Bot -- chat`: the same bot and storage on stdin/stdout, no web server.
    await app.RunTerminalChatAsync();
    return;
}

app.UseSecureDefaults();
// GET /metrics (Prometheus text): loopback callers, or others with Telemetry:ScrapeKey.
app.UseVssBotMetricsEndpoint();
// The widget, the demo school page (/) and the Web Chat page (wwwroot/).
app.UseStaticSite();
app.MapHealthApi();
app.MapBotFrameworkApi();
// Direct Line 3.0 for the widget and Web Chat (/v3/directline).
app.UseDirectLineChannel();
app.MapDeclarationRegistryApi();
// Its OpenAPI contract and Swagger UI (/registry/docs): public, no data; the API itself still needs the key.
app.UseRegistryApiDocs();
app.MapMessengerWebhook();
app.MapZaloWebhook();
app.UseAgentsAndSchool();
app.MapPrintableForms();
app.AnnounceBotFrameworkEndpoint();

app.Run();

public partial class Program;
