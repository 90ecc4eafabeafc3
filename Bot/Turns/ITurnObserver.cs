using IMiddleware = Microsoft.Bot.Builder.IMiddleware;

namespace VssBot.Bot.Turns;

/// <summary>
/// Middleware that watches every turn of every adapter (the agents' conversation directory and transcript):
/// registered in the container, run inside the per-conversation gate and outside the state-conflict retry,
/// so it sees a turn once, after the bot's state was saved.
/// </summary>
public interface ITurnObserver : IMiddleware;
