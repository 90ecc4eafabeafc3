using Microsoft.Bot.Builder;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Language;
using VssBot.Dialogs.Reference;
using VssBot.Dialogs.Runtime;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs.Form01.Office;

/// <summary>
/// "Chọn cơ quan BHXH tiếp nhận": the offices serving the student's commune first, then the province's
/// office and the others. A few are buttons; any office of the province can be typed by name or number.
/// </summary>
public sealed class OfficeDialog : ComponentDialog
{
    public const string DialogId = "form01.office";
    private const string OfficePrompt = "form01.office.choice";
    private const int Buttons = 3;
    private readonly AdministrativeUnits _units;
    private readonly OfficeDirectory _offices;
    private readonly BotTexts _texts;
    private readonly FieldDefinition _field;
    private readonly CampaignSettings _campaign;

    public OfficeDialog(AdministrativeUnits units, OfficeDirectory offices, BotTexts texts, Form01Definition form, CampaignSettings campaign) : base(DialogId)
    {
        _campaign = campaign;
        _units = units;
        _offices = offices;
        _texts = texts;
        _field = form["office"];
        AddDialog(new WaterfallDialog(DialogId + ".steps").AddStep(AskAsync, "ask").AddStep(FinishAsync, "finish"));
        AddDialog(new TextPrompt(OfficePrompt, ValidateAsync));
    }

    private async Task<DialogTurnResult> AskAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var form = StudentSession.From(step.Context).Profile.Form;
        var candidates = CandidatesFor(form);
        var lines = new List<string> { _field.Prompt };
        if (form.Get("office") is { } current) lines[0] += " " + _texts.Format("form.office_current", ("value", current.Display));
        for (var i = 0; i < Math.Min(Buttons, candidates.Count); i++)
            lines.Add(_texts.Format("form.office_list", ("index", i + 1), ("name", candidates[i].Name), ("detail", candidates[i].Address is { } a ? $" – {a}" : "")));
        if (candidates.Count > Buttons && ProvinceOf(form) is { } province)
            lines.Add(_texts.Format("form.office_more", ("province", province.FullName)));
        return await step.PromptAsync(OfficePrompt, new PromptOptions
        {
            Prompt = new PromptText(string.Join("\n", lines)),
            RetryPrompt = new PromptText(_field.Retry),
            Choices = candidates.Take(Buttons).Select(o => new Choice(o.Id, o.Name)).ToList(),
            QuestionKey = QuestionKeys.Field("office"),
        }, ct);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var office = _offices.Get((string)step.Result!)!;
        var display = office.Address is { } address ? $"{office.Name} – {address}" : office.Name;
        var data = new Dictionary<string, string> { ["name"] = office.Name, ["source"] = _offices.Source };
        if (office.Address is { } a) data["address"] = a;
        if (office.Phone is { } p) data["phone"] = p;
        return await step.EndDialogAsync(new FieldAnswer(office.Id, display, data), ct);
    }

    private Task<bool> ValidateAsync(PromptValidatorContext<string> prompt, CancellationToken ct)
    {
        var candidates = CandidatesFor(StudentSession.From(prompt.Context).Profile.Form);
        var text = prompt.Recognized.Value ?? "";
        var match = ChoiceRecognizer.Recognize(text, candidates.Select(o => new ChoiceOption(o.Id, o.Name)).ToList());
        // A button, its number, or an office named by its own place name ("Hoàng Mai", "BHXH Cầu Giấy"): never one
        // word of an unrelated answer (a person's name "Trần Thị Mai Anh" is not "BHXH cơ sở Hoàng Mai").
        if (match.Index is int chosen && !(IsNumberOrButton(text, chosen) || NamesPlace(text, candidates[chosen])))
            match = ChoiceMatch.None;
        if (match.Index is int index)
        {
            prompt.Recognized.Value = candidates[index].Id;
            return Task.FromResult(true);
        }
        prompt.Recognized.Problem = match.IsAmbiguous ? _texts["form.choice_ambiguous"] : _texts["form.office_retry"];
        if (match.IsAmbiguous) prompt.Recognized.RetryChoices = match.Candidates.Take(5).Select(i => new Choice(candidates[i].Id, candidates[i].Name)).ToList();
        return Task.FromResult(false);
    }

    private static bool IsNumberOrButton(string text, int index)
    {
        var words = VietnameseText.FoldedWords(text).Where(w => w is not ("so" or "cai" or "thu" or "em" or "chon" or "a" or "nhe" or "co" or "quan")).ToList();
        return index < Buttons && VietnameseNumbers.Parse(words) is not null;
    }

    /// <summary>The office's place name (its name without "BHXH", "cơ sở", "tỉnh"…) is typed whole, and the text is mostly that name.</summary>
    private static bool NamesPlace(string text, Reference.Office office)
    {
        var folded = VietnameseText.Fold(text);
        var name = VietnameseText.Fold(office.Name);
        if (folded == name) return true;
        var place = string.Join(' ', name.Split(' ').Where(w => !OfficeWords.Contains(w)));
        var typed = folded.Split(' ').Where(w => !OfficeWords.Contains(w)).ToList();
        return place.Length > 0 && VietnameseText.ContainsPhrase(folded, place) && typed.Count <= place.Split(' ').Length + 2;
    }

    private static readonly HashSet<string> OfficeWords = ["bao", "hiem", "xa", "hoi", "co", "so", "tinh", "thanh", "pho", "quan", "huyen", "thi", "tp", "bhxh", "em", "chon", "a", "nhe", "nop", "o", "tai"];

    /// <summary>Offices serving the student's commune, then those near the school (students often live far from home), then the rest of the province.</summary>
    private IReadOnlyList<Reference.Office> CandidatesFor(Form01Answers form)
    {
        var province = ProvinceOf(form) ?? _units.Provinces[0];
        var commune = form.Get("address")?.Data.GetValueOrDefault("communeCode") is { } code ? _units.GetCommune(code) : null;
        var local = _offices.OfficesFor(province, commune);
        var serving = commune is null ? [] : local.Where(o => o.CommuneCodes.Contains(commune.Code)).ToList();
        var school = _campaign.SchoolOffices.Select(_offices.Get).OfType<Reference.Office>().ToList();
        return serving.Concat(school).Concat(local).DistinctBy(o => o.Id).ToList();
    }

    private Province? ProvinceOf(Form01Answers form)
        => form.Get("address")?.Data.GetValueOrDefault("provinceCode") is { } code ? _units.GetProvince(code) : null;
}
