using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;

namespace VssBot.Dialogs.Runtime;

/// <summary>A message carrying one or more attachments (e.g. photos of the ID card).</summary>
public sealed class AttachmentPrompt(string dialogId, PromptValidator<IList<Attachment>>? validator = null) : Prompt<IList<Attachment>>(dialogId, validator)
{
    protected override Task<PromptRecognizerResult<IList<Attachment>>> OnRecognizeAsync(ITurnContext turnContext, IDictionary<string, object> state, PromptOptions options, CancellationToken cancellationToken)
    {
        var attachments = turnContext.Activity.Attachments;
        return Task.FromResult(attachments is { Count: > 0 }
            ? PromptRecognizerResult<IList<Attachment>>.Success(attachments)
            : PromptRecognizerResult<IList<Attachment>>.Failure());
    }
}
