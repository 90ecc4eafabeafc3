namespace VssBot.Dialogs.Runtime;

/// <summary>One entry of the dialog stack: which dialog, and its own persisted state.</summary>
public sealed class DialogInstance
{
    public string Id { get; set; } = "";
    public Dictionary<string, object> State { get; set; } = [];
}

/// <summary>
/// The persisted dialog stack (top of stack first, as in Bot Framework), stamped with the version of
/// the dialogs that wrote it so a redeploy with changed dialogs can restart the topic politely.
/// </summary>
public sealed class DialogState
{
    public List<DialogInstance> DialogStack { get; set; } = [];
    public string? Version { get; set; }
}
