using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Language;
using VssBot.Dialogs.Runtime;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs.Form01.IdPhotos;

/// <summary>
/// "Ảnh giấy tờ": front then back of the ID card as image attachments, or skipped with the explanation.
/// Only references to the images are kept here (never the bytes, never logged).
/// </summary>
public sealed class IdPhotosDialog : ComponentDialog
{
    public const string DialogId = "form01.idPhotos";
    private const string FrontPrompt = "form01.idPhotos.front";
    private const string BackPrompt = "form01.idPhotos.back";
    private const string Skipped = "skipped";
    private readonly BotTexts _texts;
    private readonly FieldDefinition _field;

    public IdPhotosDialog(BotTexts texts, Form01Definition form) : base(DialogId)
    {
        _texts = texts;
        _field = form["idPhotos"];
        AddDialog(new WaterfallDialog(DialogId + ".steps")
            .AddStep(AskFrontAsync, "front")
            .AddStep(AskBackAsync, "back")
            .AddStep(FinishAsync, "finish"));
        AddDialog(new AttachmentPrompt(FrontPrompt, ValidateAsync));
        AddDialog(new AttachmentPrompt(BackPrompt, ValidateAsync));
    }

    private async Task<DialogTurnResult> AskFrontAsync(WaterfallStepContext step, CancellationToken ct)
        => await step.PromptAsync(FrontPrompt, Options(_field.Prompt, _field.Retry), ct);

    private async Task<DialogTurnResult> AskBackAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var front = (IList<Attachment>)step.Result!;
        if (front.Count == 0) return await EndSkippedAsync(step, ct);
        step.Values["front"] = Describe(front[0]);
        // Some students send both photos at once.
        if (front.Count > 1) return await step.NextAsync(new List<Attachment> { front[1] }, ct);
        return await step.PromptAsync(BackPrompt, Options(_texts["form.photo_back"], _field.Retry), ct);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var back = (IList<Attachment>)step.Result!;
        var data = new Dictionary<string, string>();
        foreach (var (key, value) in step.Values.Get<Dictionary<string, string>>("front")!) data["front." + key] = value;
        if (back.Count > 0)
            foreach (var (key, value) in Describe(back[0])) data["back." + key] = value;
        var display = back.Count > 0 ? _texts["form.photo_both_display"] : _texts["form.photo_front_only_display"];
        return await step.EndDialogAsync(new FieldAnswer(back.Count > 0 ? "front,back" : "front", display, data), ct);
    }

    private async Task<DialogTurnResult> EndSkippedAsync(WaterfallStepContext step, CancellationToken ct)
    {
        await step.Context.SendActivityAsync(MessageFactory.Text(_texts["form.photo_skipped"]), ct);
        return await step.EndDialogAsync(new FieldAnswer(Skipped, _texts["form.photo_skipped_display"]), ct);
    }

    private Choice SkipChoice() => new(Skipped, _texts["form.photo_skip"], ["bỏ qua", "không có", "chưa có", "để sau", "skip"]);

    private PromptOptions Options(string prompt, string retry) => new()
    {
        Prompt = new PromptText(prompt),
        RetryPrompt = new PromptText(retry),
        Choices = [SkipChoice()],
        QuestionKey = QuestionKeys.Field("idPhotos"),
    };

    /// <summary>Images pass; "bỏ qua" passes as an empty list; anything else is explained.</summary>
    private Task<bool> ValidateAsync(PromptValidatorContext<IList<Attachment>> prompt, CancellationToken ct)
    {
        if (prompt.Recognized.Succeeded)
        {
            var images = prompt.Recognized.Value!.Where(a => a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true).ToList();
            if (images.Count > 0)
            {
                prompt.Recognized.Value = images;
                return Task.FromResult(true);
            }
            prompt.Recognized.Problem = _texts["form.photo_not_image"];
            return Task.FromResult(false);
        }
        var text = prompt.Context.Activity.Text ?? "";
        var skip = SkipChoice().IsChosenBy(text)
            || YesNoRecognizer.Recognize(text) is YesNo.No or YesNo.DontKnow;
        if (skip) prompt.Recognized.Value = [];
        return Task.FromResult(skip);
    }

    /// <summary>A reference to the image: where the channel keeps it, never the content itself.</summary>
    internal static Dictionary<string, string> Describe(Attachment attachment)
    {
        var url = attachment.ContentUrl ?? "";
        var isLink = url.StartsWith("https://", StringComparison.OrdinalIgnoreCase) || url.StartsWith("http://", StringComparison.OrdinalIgnoreCase);
        return new()
        {
            ["contentType"] = attachment.ContentType ?? "",
            ["name"] = attachment.Name ?? "",
            ["url"] = isLink && url.Length <= 2048 ? url : "inline",
        };
    }
}
