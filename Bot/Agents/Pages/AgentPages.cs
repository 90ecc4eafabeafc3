using System.Collections.Concurrent;
using System.Net;

namespace VssBot.Bot.Agents.Pages;

/// <summary>The console and dashboard pages (embedded HTML; data comes from the JSON APIs). Never cached by browsers.</summary>
public sealed class AgentPages
{
    private readonly ConcurrentDictionary<string, string> pages = new(StringComparer.Ordinal);

    public IResult Page(string name, params (string Placeholder, string Value)[] values)
    {
        var html = pages.GetOrAdd(name, Load);
        foreach (var (placeholder, value) in values)
            html = html.Replace("{{" + placeholder + "}}", WebUtility.HtmlEncode(value), StringComparison.Ordinal);
        return new NoStoreHtml(html);
    }

    /// <summary>The one stylesheet of the three pages (<c>/agents/agents.css</c>): no data in it, so it needs no sign-in.</summary>
    public const string StylesheetPath = "/agents/agents.css";

    public IResult Stylesheet() => Results.Text(pages.GetOrAdd("agents.css", Load), "text/css; charset=utf-8");

    private static string Load(string name)
    {
        var file = name.Contains('.') ? name : name + ".html";
        using var stream = typeof(AgentPages).Assembly.GetManifestResourceStream($"Agents/Pages/{file}")
            ?? throw new InvalidOperationException($"Embedded page Agents/Pages/{file} is missing.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }

    private sealed class NoStoreHtml(string html) : IResult
    {
        public Task ExecuteAsync(HttpContext httpContext)
        {
            httpContext.Response.Headers.CacheControl = "no-store";
            httpContext.Response.Headers["X-Frame-Options"] = "DENY";
            httpContext.Response.Headers["Referrer-Policy"] = "no-referrer";
            return Results.Content(html, "text/html; charset=utf-8").ExecuteAsync(httpContext);
        }
    }
}
