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

    private static string Load(string name)
    {
        using var stream = typeof(AgentPages).Assembly.GetManifestResourceStream($"Agents/Pages/{name}.html")
            ?? throw new InvalidOperationException($"Embedded page Agents/Pages/{name}.html is missing.");
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
