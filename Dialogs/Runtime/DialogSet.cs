using System.Security.Cryptography;
using System.Text;
using Microsoft.Bot.Builder;

namespace VssBot.Dialogs.Runtime;

/// <summary>The dialogs a stack may hold, by id; creates the context that runs them over persisted state.</summary>
public sealed class DialogSet
{
    private readonly Dictionary<string, Dialog> _dialogs = new(StringComparer.Ordinal);
    private readonly IStatePropertyAccessor<DialogState>? _accessor;

    public DialogSet(IStatePropertyAccessor<DialogState>? accessor = null) => _accessor = accessor;

    public DialogSet Add(Dialog dialog)
    {
        if (!_dialogs.TryAdd(dialog.Id, dialog))
            throw new InvalidOperationException($"A dialog with id '{dialog.Id}' is already in the set.");
        return this;
    }

    public Dialog? Find(string dialogId) => _dialogs.GetValueOrDefault(dialogId);

    public IEnumerable<Dialog> All => _dialogs.Values;

    /// <summary>A short hash over every dialog's version: the stamp stored with the stack.</summary>
    public string GetVersion()
    {
        var text = string.Join("|", _dialogs.Values.OrderBy(d => d.Id, StringComparer.Ordinal).Select(d => d.GetVersion()));
        return Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)))[..16].ToLowerInvariant();
    }

    public async Task<DialogContext> CreateContextAsync(ITurnContext turnContext, CancellationToken cancellationToken = default)
    {
        if (_accessor is null) throw new InvalidOperationException("This DialogSet has no state accessor: it belongs to a component dialog.");
        var state = await _accessor.GetAsync(turnContext, () => new DialogState(), cancellationToken);
        return new DialogContext(this, turnContext, state);
    }
}
