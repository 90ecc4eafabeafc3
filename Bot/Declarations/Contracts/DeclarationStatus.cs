namespace VssBot.Bot.Declarations.Contracts;

/// <summary>Where a declaration stands at the school's registry (strings on the wire, as in the OpenAPI file).</summary>
public static class DeclarationStatus
{
    /// <summary>The registry has it; the student still has to bring the printed form to the office.</summary>
    public const string Submitted = "submitted";
    /// <summary>The social-insurance office received the printed, signed form.</summary>
    public const string ReceivedAtOffice = "receivedAtOffice";
    /// <summary>The office approved it and sent the account (user name and password by SMS).</summary>
    public const string Approved = "approved";
    /// <summary>The office refused it; the reason says why.</summary>
    public const string Rejected = "rejected";

    public static readonly IReadOnlyList<string> All = [Submitted, ReceivedAtOffice, Approved, Rejected];

    /// <summary>Statuses a status update may set (the registry sets <see cref="Submitted"/> itself).</summary>
    public static readonly IReadOnlyList<string> Updatable = [ReceivedAtOffice, Approved, Rejected];
}
