using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using Newtonsoft.Json.Linq;
using VssBot.Bot.Agents;
using VssBot.Bot.Agents.Auth;
using Microsoft.Bot.Builder;
using VssBot.Bot.Channels;
using VssBot.Bot.Channels.Proactive;
using VssBot.Bot.Turns;

namespace VssBot.Bot.Tests.Agents;

/// <summary>
/// Stands in for a channel with its own adapter, "test" (as Messenger or Zalo would): records what reaches each user,
/// and declines users outside its reply window the way <see cref="VssBot.Bot.Channels.Webhooks.PlatformAdapter{TRequest}"/> does.
/// </summary>
public sealed class RecordingChannel : ChannelAdapter
{
    public ConcurrentQueue<(string UserId, string Text)> Sent { get; } = new();

    /// <summary>Users the channel declines to message, as Messenger does outside its reply window.</summary>
    public ConcurrentDictionary<string, bool> Refuse { get; } = new();

    public override Task<ResourceResponse[]> SendActivitiesAsync(ITurnContext turnContext, Activity[] activities, CancellationToken cancellationToken)
    {
        var userId = turnContext.Activity.From.Id;
        foreach (var activity in activities.Where(a => a.Type == ActivityTypes.Message))
        {
            if (Refuse.ContainsKey(userId)) turnContext.TurnState.Get<VssBot.Bot.Turns.DeliveryReport>()?.Refuse("outside the 24-hour reply window");
            else Sent.Enqueue((userId, activity.Text ?? ""));
        }
        return Task.FromResult(activities.Select(a => new ResourceResponse(a.Id ?? "")).ToArray());
    }

    public IReadOnlyList<string> TextsTo(string userId) => [.. Sent.Where(s => s.UserId == userId).Select(s => s.Text)];
}

/// <summary>The real host with four accounts (two agents, school staff, an admin) and the recording channel.</summary>
public sealed class AgentsHost : VssBotFactory
{
    public const string Password = "mật-khẩu-thử-nghiệm-1";

    /// <summary>One salted hash for every host: replicas share one configuration (a cookie's stamp is derived from it).</summary>
    private static readonly string PasswordHash = AgentAccounts.Hash(Password);

    public AgentsHost() : this(new RecordingChannel()) { }

    private AgentsHost(RecordingChannel channel)
        : base(null, Accounts(), s => s.AddSingleton(sp => channel.UseTurnPipeline(sp)).AddChannelAdapter<RecordingChannel>("test")) => Channel = channel;

    public RecordingChannel Channel { get; }

    /// <summary>The four accounts' settings (a replica of the cross-replica tests gets the same).</summary>
    public static Dictionary<string, string?> Accounts()
    {
        var hash = PasswordHash;
        var users = new[] { ("an", AgentRoles.Agent), ("binh", AgentRoles.Agent), ("cuc", AgentRoles.Staff), ("dung", AgentRoles.Admin) };
        var settings = new Dictionary<string, string?>();
        for (var i = 0; i < users.Length; i++)
        {
            settings[$"Agents:Users:{i}:UserName"] = users[i].Item1;
            settings[$"Agents:Users:{i}:PasswordHash"] = hash;
            settings[$"Agents:Users:{i}:Role"] = users[i].Item2;
        }
        return settings;
    }

    public HttpClient Anonymous() => CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

    /// <summary>A client signed in as <paramref name="userName"/>, sending the antiforgery header with every request.</summary>
    public async Task<HttpClient> SignInAsync(string userName)
    {
        var client = Anonymous();
        var page = await client.GetStringAsync(AgentSignInApi.LoginPath);
        var token = Regex.Match(page, "name=\"__RequestVerificationToken\" value=\"([^\"]+)\"").Groups[1].Value;
        var response = await client.PostAsync(AgentSignInApi.LoginPath, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token), ["userName"] = userName, ["password"] = Password, ["returnUrl"] = "/agents",
        }));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.DoesNotContain("error", response.Headers.Location!.ToString());
        var me = await client.GetFromJsonAsync<JsonMe>("/api/agents/me");
        client.DefaultRequestHeaders.Add(AgentSignInApi.CsrfHeader, me!.CsrfToken);
        return client;
    }

    private sealed record JsonMe(string UserName, string Role, string CsrfToken);
}

/// <summary>A student on channel "test", talking through POST /api/messages with expectReplies.</summary>
public sealed class TestStudent(HttpClient client, string userId)
{
    public string Key => "test/" + userId;

    public async Task<IReadOnlyList<string>> SayAsync(string text)
    {
        var activity = new JObject
        {
            ["type"] = "message", ["id"] = Guid.NewGuid().ToString("N"), ["channelId"] = "test", ["serviceUrl"] = "http://localhost:1",
            ["conversation"] = new JObject { ["id"] = "conv-" + userId }, ["from"] = new JObject { ["id"] = userId },
            ["recipient"] = new JObject { ["id"] = "vssbot" }, ["locale"] = "vi-VN", ["text"] = text, ["deliveryMode"] = "expectReplies",
        };
        var response = await client.PostAsync("/api/messages", new StringContent(activity.ToString(), System.Text.Encoding.UTF8, "application/json"));
        response.EnsureSuccessStatusCode();
        var body = await response.Content.ReadAsStringAsync();
        if (string.IsNullOrWhiteSpace(body)) return [];
        return [.. (JObject.Parse(body)["activities"] ?? new JArray()).Where(a => (string?)a["type"] == "message").Select(a => (string)a["text"]!)];
    }
}
