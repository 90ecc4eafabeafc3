using System.Net;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Agents.Auth;

namespace VssBot.Bot.Tests.Agents;

public sealed class AgentAuthorizationTests(AgentsHost host) : IClassFixture<AgentsHost>
{
    private static readonly string[] Protected = ["/agents", "/school", "/api/agents", "/api/school"];

    private IReadOnlyList<(string Method, string Path)> ProtectedEndpoints()
    {
        host.CreateClient().Dispose(); // start the host
        var endpoints = host.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .SelectMany(e => (e.Metadata.GetMetadata<HttpMethodMetadata>()?.HttpMethods ?? ["GET"]).Select(m => (m, "/" + e.RoutePattern.RawText!.TrimStart('/'))))
            .Where(e => Protected.Any(p => e.Item2 == p || e.Item2.StartsWith(p + "/", StringComparison.Ordinal)))
            .Where(e => e.Item2 != AgentSignInApi.LoginPath && e.Item2 != VssBot.Bot.Agents.Pages.AgentPages.StylesheetPath) // public, no data
            .ToList();
        Assert.True(endpoints.Count >= 20, $"only {endpoints.Count} endpoints found");
        return endpoints;
    }

    private static HttpRequestMessage Request(string method, string path) =>
        new(new HttpMethod(method), path + "?key=test/x&field=phone") { Content = method == "GET" ? null : new StringContent("{}", System.Text.Encoding.UTF8, "application/json") };

    [Fact]
    public async Task Every_page_and_api_refuses_a_visitor_who_has_not_signed_in()
    {
        var client = host.Anonymous();
        foreach (var (method, path) in ProtectedEndpoints())
        {
            var response = await client.SendAsync(Request(method, path));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized
                || response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location!.ToString().Contains(AgentSignInApi.LoginPath),
                $"{method} {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task School_staff_cannot_use_the_agent_console_and_agents_cannot_use_the_school_dashboard()
    {
        var staff = await host.SignInAsync("cuc");
        var agent = await host.SignInAsync("an");
        foreach (var (method, path) in ProtectedEndpoints().Where(e => e.Path != "/agents/logout" && e.Path != "/api/agents/me"))
        {
            var client = path.StartsWith("/school") || path.StartsWith("/api/school") ? agent : staff;
            var response = await client.SendAsync(Request(method, path));
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"{method} {path}: {(int)response.StatusCode}");
        }
    }

    [Fact]
    public async Task Only_an_admin_changes_the_campaign_settings()
    {
        var staff = await host.SignInAsync("cuc");
        var response = await staff.PostAsync("/api/school/settings", Json("""{"schoolName":"Trường X","hotline":"024 1234 5678","deadline":null}"""));
        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);

        var admin = await host.SignInAsync("dung");
        response = await admin.PostAsync("/api/school/settings", Json("""{"schoolName":"Trường Đại học Thử","hotline":"024 3224 2059","deadline":"2026-12-31"}"""));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("024 3224 2059", host.Services.GetRequiredService<VssBot.Dialogs.Conversation.CampaignSettings>().Hotline);
    }

    [Fact]
    public async Task A_post_without_the_antiforgery_token_is_refused()
    {
        var agent = await host.SignInAsync("an");
        agent.DefaultRequestHeaders.Remove(AgentSignInApi.CsrfHeader);
        var response = await agent.PostAsync("/api/agents/student/claim?key=test/x", null);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task A_wrong_password_does_not_sign_in()
    {
        var client = host.Anonymous();
        var page = await client.GetStringAsync(AgentSignInApi.LoginPath);
        var token = System.Text.RegularExpressions.Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync(AgentSignInApi.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["userName"] = "an", ["password"] = "sai",
        }));
        Assert.Contains("error=1", response.Headers.Location!.ToString());
        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/api/agents/queue")).StatusCode);
    }

    internal static StringContent Json(string json) => new(json, System.Text.Encoding.UTF8, "application/json");
}
