using System.Collections.Concurrent;
using System.Security.Claims;
using Microsoft.Bot.Builder.Skills;
using Microsoft.Bot.Connector;
using Microsoft.Bot.Connector.Authentication;
using Microsoft.Bot.Schema;
using Microsoft.Rest;
using Newtonsoft.Json;

namespace VssBot.Bot.Channels.BotFramework;

/// <summary>
/// Bot Framework's own authentication, with the clients it hands CloudAdapter reused instead of built for every turn.
/// CloudAdapter creates a <see cref="ConnectorClient"/> and a <see cref="UserTokenClient"/> (an OAuthClient) for each
/// activity and disposes both when the turn ends; each constructor compiles regexes and reads assembly attributes to
/// build its user agent, which was most of what a turn on <c>/api/messages</c> allocated (issue 12). Here:
/// - connector clients are created once per (app id, serviceUrl, audience) and handed out behind a wrapper whose
///   Dispose does nothing (they hold no per-turn state: a base URI, credentials and an HttpClient);
/// - the user-token client is created only when a turn uses it (this bot never signs users in), and disposed with it.
/// Authentication itself (token validation, caller id, audience) is the inner implementation's, unchanged.
/// </summary>
public sealed class ReusedClientsAuthentication(BotFrameworkAuthentication inner) : BotFrameworkAuthentication
{
    /// <summary>Service URLs come from authenticated (or loopback-only) requests; bounded anyway so nothing grows without end.</summary>
    private const int MaxClients = 256;

    private readonly ConcurrentDictionary<(string? AppId, string ServiceUrl, string? Audience), Task<IConnectorClient>> clients = new();

    public override async Task<AuthenticateRequestResult> AuthenticateRequestAsync(Activity activity, string authHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateRequestAsync(activity, authHeader, cancellationToken);
        result.ConnectorFactory = Reusing(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override async Task<AuthenticateRequestResult> AuthenticateStreamingRequestAsync(string authHeader, string channelIdHeader, CancellationToken cancellationToken)
    {
        var result = await inner.AuthenticateStreamingRequestAsync(authHeader, channelIdHeader, cancellationToken);
        result.ConnectorFactory = Reusing(result.ConnectorFactory, result.ClaimsIdentity);
        return result;
    }

    public override ConnectorFactory CreateConnectorFactory(ClaimsIdentity claimsIdentity) =>
        Reusing(inner.CreateConnectorFactory(claimsIdentity), claimsIdentity);

    public override Task<UserTokenClient> CreateUserTokenClientAsync(ClaimsIdentity claimsIdentity, CancellationToken cancellationToken) =>
        Task.FromResult<UserTokenClient>(new OnDemandUserTokenClient(ct => inner.CreateUserTokenClientAsync(claimsIdentity, ct)));

    public override BotFrameworkClient CreateBotFrameworkClient() => inner.CreateBotFrameworkClient();

    public override string GetOriginatingAudience() => inner.GetOriginatingAudience();

    public override Task<ClaimsIdentity> AuthenticateChannelRequestAsync(string authHeader, CancellationToken cancellationToken) =>
        inner.AuthenticateChannelRequestAsync(authHeader, cancellationToken);

    private ConnectorFactory Reusing(ConnectorFactory factory, ClaimsIdentity? identity) =>
        factory is ReusingConnectorFactory ? factory : new ReusingConnectorFactory(this, factory, AppIdOf(identity));

    private static string? AppIdOf(ClaimsIdentity? identity) =>
        identity?.FindFirst(AuthenticationConstants.AudienceClaim)?.Value ?? identity?.FindFirst(AuthenticationConstants.AppIdClaim)?.Value;

    private async Task<IConnectorClient> ClientAsync(ConnectorFactory factory, string? appId, string serviceUrl, string? audience, CancellationToken cancellationToken)
    {
        var key = (appId, serviceUrl, audience);
        if (!clients.TryGetValue(key, out var created))
        {
            // Count takes every lock of the dictionary: only on a miss, not on every turn.
            if (clients.Count >= MaxClients)
                clients.Clear();
            created = clients.GetOrAdd(key, _ => factory.CreateAsync(serviceUrl, audience, CancellationToken.None));
        }
        try
        {
            return new SharedConnectorClient(await created.WaitAsync(cancellationToken));
        }
        catch (Exception) when (created.IsFaulted)
        {
            clients.TryRemove(new KeyValuePair<(string?, string, string?), Task<IConnectorClient>>(key, created));
            throw;
        }
    }

    private sealed class ReusingConnectorFactory(ReusedClientsAuthentication owner, ConnectorFactory inner, string? appId) : ConnectorFactory
    {
        public override Task<IConnectorClient> CreateAsync(string serviceUrl, string audience, CancellationToken cancellationToken = default) =>
            owner.ClientAsync(inner, appId, serviceUrl, audience, cancellationToken);
    }

    /// <summary>A shared connector client as CloudAdapter sees it: everything delegated, Dispose (end of turn) ignored.</summary>
    private sealed class SharedConnectorClient(IConnectorClient client) : IConnectorClient
    {
        public Uri BaseUri { get => client.BaseUri; set => client.BaseUri = value; }
        public JsonSerializerSettings SerializationSettings => client.SerializationSettings;
        public JsonSerializerSettings DeserializationSettings => client.DeserializationSettings;
        public ServiceClientCredentials Credentials => client.Credentials;
        public IAttachments Attachments => client.Attachments;
        public IConversations Conversations => client.Conversations;

        public void Dispose()
        {
        }
    }

    /// <summary>Creates the real user-token client on first use only; disposes it (if any) with the turn.</summary>
    private sealed class OnDemandUserTokenClient(Func<CancellationToken, Task<UserTokenClient>> create) : UserTokenClient
    {
        private Task<UserTokenClient>? client;

        private Task<UserTokenClient> ClientAsync(CancellationToken cancellationToken) => client ??= create(cancellationToken);

        public override async Task<TokenResponse> GetUserTokenAsync(string userId, string connectionName, string channelId, string magicCode, CancellationToken cancellationToken) =>
            await (await ClientAsync(cancellationToken)).GetUserTokenAsync(userId, connectionName, channelId, magicCode, cancellationToken);

        public override async Task<SignInResource> GetSignInResourceAsync(string connectionName, Activity activity, string finalRedirect, CancellationToken cancellationToken) =>
            await (await ClientAsync(cancellationToken)).GetSignInResourceAsync(connectionName, activity, finalRedirect, cancellationToken);

        public override async Task SignOutUserAsync(string userId, string connectionName, string channelId, CancellationToken cancellationToken) =>
            await (await ClientAsync(cancellationToken)).SignOutUserAsync(userId, connectionName, channelId, cancellationToken);

        public override async Task<TokenStatus[]> GetTokenStatusAsync(string userId, string channelId, string includeFilter, CancellationToken cancellationToken) =>
            await (await ClientAsync(cancellationToken)).GetTokenStatusAsync(userId, channelId, includeFilter, cancellationToken);

        public override async Task<Dictionary<string, TokenResponse>> GetAadTokensAsync(string userId, string connectionName, string[] resourceUrls, string channelId, CancellationToken cancellationToken) =>
            await (await ClientAsync(cancellationToken)).GetAadTokensAsync(userId, connectionName, resourceUrls, channelId, cancellationToken);

        public override async Task<TokenResponse> ExchangeTokenAsync(string userId, string connectionName, string channelId, TokenExchangeRequest exchangeRequest, CancellationToken cancellationToken) =>
            await (await ClientAsync(cancellationToken)).ExchangeTokenAsync(userId, connectionName, channelId, exchangeRequest, cancellationToken);

        protected override void Dispose(bool disposing)
        {
            if (disposing && client is { IsCompletedSuccessfully: true })
                client.Result.Dispose();
            base.Dispose(disposing);
        }
    }
}
