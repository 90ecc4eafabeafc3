namespace VssBot.Bot.Channels.BotFramework;

/// <summary>
/// The Bot Framework registration, read from the top-level keys the SDK itself uses
/// (<c>MicrosoftAppId</c>, <c>MicrosoftAppPassword</c>, <c>MicrosoftAppType</c>, <c>MicrosoftAppTenantId</c>).
/// The SDK's ConfigurationBotFrameworkAuthentication reads the same keys; this class exists so that
/// a half-configured registration fails at start-up instead of at the first student's message.
/// No MicrosoftAppId: unauthenticated local traffic only (Emulator, tests, the embedded default).
/// </summary>
public sealed class BotFrameworkOptions
{
    public string? MicrosoftAppId { get; set; }
    public string? MicrosoftAppPassword { get; set; }
    /// <summary>MultiTenant (SDK default), SingleTenant or UserAssignedMSI.</summary>
    public string? MicrosoftAppType { get; set; }
    public string? MicrosoftAppTenantId { get; set; }

    public bool RequiresAuthentication => !string.IsNullOrWhiteSpace(MicrosoftAppId);

    internal bool IsComplete(out string problem)
    {
        problem = "";
        if (!RequiresAuthentication)
            return true;
        var type = string.IsNullOrWhiteSpace(MicrosoftAppType) ? "MultiTenant" : MicrosoftAppType;
        if (!type.Equals("UserAssignedMSI", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(MicrosoftAppPassword))
            problem = "MicrosoftAppPassword is required when MicrosoftAppId is set.";
        else if (!type.Equals("MultiTenant", StringComparison.OrdinalIgnoreCase) && string.IsNullOrWhiteSpace(MicrosoftAppTenantId))
            problem = $"MicrosoftAppTenantId is required when MicrosoftAppType is {type}.";
        else if (!new[] { "MultiTenant", "SingleTenant", "UserAssignedMSI" }.Contains(type, StringComparer.OrdinalIgnoreCase))
            problem = $"MicrosoftAppType '{type}' is not MultiTenant, SingleTenant or UserAssignedMSI.";
        return problem.Length == 0;
    }
}
