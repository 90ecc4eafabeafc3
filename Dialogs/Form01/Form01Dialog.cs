using System.Text;
using Microsoft.Bot.Builder;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01.Address;
using VssBot.Dialogs.Form01.Fields;
using VssBot.Dialogs.Form01.IdPhotos;
using VssBot.Dialogs.Form01.Office;
using VssBot.Dialogs.Language;
using VssBot.Dialogs.Reference;
using VssBot.Dialogs.Runtime;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs.Form01;

/// <summary>
/// Form 01 as a waterfall generated from the field definitions: for each field an "ask" step (skipped when the
/// answer is known) and a "store" step, then the summary with every value and "Ghi nhận".
/// Fields to correct (back, "sửa …") are asked first; the form then goes on where the student was.
/// Ends with <c>true</c> when the student confirmed.
/// </summary>
public sealed class Form01Dialog : ComponentDialog
{
    public const string DialogId = "form01";
    public const string StepsId = "form01.steps";
    public const string SummaryQuestion = "form01:summary";
    public const string WhichFieldQuestion = "form01:which";
    private const string SummaryPrompt = "form01.summary";
    private const string WhichFieldPrompt = "form01.which";
    private const string Record = "record";
    private const string Edit = "edit";
    private static readonly Dictionary<string, string> SpecialDialogs = new()
    {
        ["address"] = AddressDialog.DialogId,
        ["idPhotos"] = IdPhotosDialog.DialogId,
        ["office"] = OfficeDialog.DialogId,
    };
    private readonly Form01Definition _form;
    private readonly FieldReaders _readers;
    private readonly BotTexts _texts;

    public Form01Dialog(Form01Definition form, FieldReaders readers, BotTexts texts, AdministrativeUnits units, OldAddressConverter oldAddresses, OfficeDirectory offices, CampaignSettings campaign) : base(DialogId)
    {
        _form = form;
        _readers = readers;
        _texts = texts;
        var steps = new WaterfallDialog(StepsId);
        foreach (var field in form.Fields)
        {
            if (!SpecialDialogs.ContainsKey(field.Kind) && !readers.Has(field.Kind))
                throw new InvalidOperationException($"Form 01 field '{field.Key}' has kind '{field.Kind}' that nothing can ask.");
            steps.AddStep((step, ct) => AskAsync(step, field, ct), "ask:" + field.Key);
            steps.AddStep((step, ct) => StoreAsync(step, field, ct), "store:" + field.Key);
        }
        steps.AddStep(SummaryAsync, "summary").AddStep(AfterSummaryAsync, "afterSummary").AddStep(AfterWhichFieldAsync, "afterWhichField");
        AddDialog(steps);
        AddDialog(new FieldPrompt(form, readers, texts));
        AddDialog(new AddressDialog(units, oldAddresses, texts, form));
        AddDialog(new IdPhotosDialog(texts, form));
        AddDialog(new OfficeDialog(units, offices, texts, form, campaign));
        AddDialog(new ChoicePrompt(SummaryPrompt, ConfirmsSummaryAsync));
        AddDialog(new ChoicePrompt(WhichFieldPrompt));
    }

    /// <summary>Fields to correct first; otherwise every unanswered field in the portal's order.</summary>
    public static bool ShouldAsk(Form01Answers answers, string key)
        => answers.PendingCorrections.Count > 0 ? answers.PendingCorrections.Contains(key) : !answers.Answers.ContainsKey(key);

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, FieldDefinition field, CancellationToken ct)
    {
        var session = StudentSession.From(step.Context);
        var answers = session.Profile.Form;
        if (!ShouldAsk(answers, field.Key)) return await step.NextAsync(null, ct);
        if (SpecialDialogs.TryGetValue(field.Kind, out var dialogId)) return await step.BeginDialogAsync(dialogId, null, ct);

        var prompt = Fill(field.Prompt, session, answers);
        if (answers.Get(field.Key) is { } current) prompt += " " + _texts.Format("form.current_value", ("value", current.Display));
        return await step.PromptAsync(FieldPrompt.DialogId, new PromptOptions
        {
            Prompt = new PromptText(prompt),
            RetryPrompt = new PromptText(Fill(field.Retry, session, answers)),
            Choices = _readers.For(field.Kind).ChoicesFor(field, answers).ToList(),
            QuestionKey = QuestionKeys.Field(field.Key),
        }, ct);
    }

    private static async Task<DialogTurnResult> StoreAsync(WaterfallStepContext step, FieldDefinition field, CancellationToken ct)
    {
        if (step.Result is FieldAnswer answer) StudentSession.From(step.Context).Profile.Form.Set(field.Key, answer);
        return await step.NextAsync(null, ct);
    }

    private async Task<DialogTurnResult> SummaryAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var answers = StudentSession.From(step.Context).Profile.Form;
        answers.PendingCorrections.RemoveAll(key => _form.Find(key) is null);
        // Corrections asked first may leave later fields unanswered: go round again until all are known.
        if (_form.Fields.Any(f => answers.NeedsAsking(f.Key))) return await step.ReplaceDialogAsync(StepsId, null, ct);

        await step.Context.SendActivityAsync(MessageFactory.Text(Summary(answers)), ct);
        return await step.PromptAsync(SummaryPrompt, new PromptOptions
        {
            Prompt = new PromptText(_texts["form.summary_confirm"]),
            RetryPrompt = new PromptText(_texts["form.summary_confirm"]),
            Choices = [new Choice(Record, _texts["form.summary_record"], ["ghi nhan", "xác nhận", "gửi tờ khai"]), new Choice(Edit, _texts["form.summary_edit"], ["sửa", "chỉnh sửa", "sai"])],
            QuestionKey = SummaryQuestion,
        }, ct);
    }

    /// <summary>
    /// The declaration is recorded only on a confirmation: the button, "ghi nhận"/"xác nhận", or a yes in any form
    /// ("ok", "ddungs rooif"). An unrelated message ("Đã cài rồi") that happens to share a word with a button is no answer.
    /// </summary>
    private static Task<bool> ConfirmsSummaryAsync(PromptValidatorContext<FoundChoice> prompt, CancellationToken ct)
    {
        var text = prompt.Context.Activity.Text ?? "";
        switch (YesNoRecognizer.Recognize(text))
        {
            case YesNo.Yes:
                prompt.Recognized.Value = new FoundChoice(Record, 0);
                return Task.FromResult(true);
            case YesNo.No:
                prompt.Recognized.Value = new FoundChoice(Edit, 1);
                return Task.FromResult(true);
        }
        if (!prompt.Recognized.Succeeded || prompt.Recognized.Value is not { } found) return Task.FromResult(false);
        if (found.Value != Record) return Task.FromResult(true);
        var folded = " " + VietnameseText.Fold(text) + " ";
        return Task.FromResult(RecordWords.Any(w => folded.Contains($" {w} ", StringComparison.Ordinal)));
    }

    private static readonly string[] RecordWords = ["ghi nhan", "xac nhan", "gui to khai", "gui di"];

    private async Task<DialogTurnResult> AfterSummaryAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is FoundChoice { Value: Record }) return await step.EndDialogAsync(true, ct);
        return await step.PromptAsync(WhichFieldPrompt, WhichFieldOptions(_texts["conv.correct_which"]), ct);
    }

    private async Task<DialogTurnResult> AfterWhichFieldAsync(WaterfallStepContext step, CancellationToken ct)
    {
        StudentSession.From(step.Context).Profile.Form.RequestCorrection(((FoundChoice)step.Result!).Value);
        return await step.ReplaceDialogAsync(StepsId, null, ct);
    }

    /// <summary>"Which field?" with one button per field, numbered like the questions and the summary ("3. Số CCCD/hộ chiếu").</summary>
    public PromptOptions WhichFieldOptions(string question) => new()
    {
        Prompt = new PromptText(question),
        RetryPrompt = new PromptText(_texts["conv.correct_unknown_field"]),
        Choices = _form.Fields.Select(f => new Choice(f.Key, f.NumberedTitle, [f.Title, f.Label, .. f.Aliases])).ToList(),
        QuestionKey = WhichFieldQuestion,
    };

    /// <summary>Every value, numbered as on the form and labelled the way a person says it.</summary>
    public string Summary(Form01Answers answers)
    {
        var text = new StringBuilder(_texts["form.summary_title"]);
        for (var i = 0; i < _form.Fields.Count; i++)
        {
            var field = _form.Fields[i];
            text.Append('\n').Append(field.Number).Append(". ").Append(field.Title).Append(": ").Append(answers.Get(field.Key)?.Display ?? "—");
        }
        return text.ToString();
    }

    private static string Fill(string text, StudentSession session, Form01Answers answers) => BotTexts.Fill(text,
        ("today", Fields.DateFieldReader.Display(session.Today)),
        ("fullName", answers.Get("fullName")?.Display ?? ""));
}
