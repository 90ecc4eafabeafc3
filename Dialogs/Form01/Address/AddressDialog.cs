using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Reference;
using VssBot.Dialogs.Runtime;
using VssBot.Dialogs.Texts;
using MessageFactory = Microsoft.Bot.Builder.MessageFactory;

namespace VssBot.Dialogs.Form01.Address;

/// <summary>
/// "Địa chỉ liên hệ" in the two-level system in force since 1/7/2025: province, then commune
/// (fuzzy, "Phường"/"Xã" optional, near-misses offered as buttons), then the detail line.
/// The answer keeps both codes and the data-set version, since new codes reuse old ones.
/// </summary>
public sealed class AddressDialog : ComponentDialog
{
    public const string DialogId = "form01.address";
    private const string ProvincePrompt = "form01.address.province";
    private const string CommunePrompt = "form01.address.commune";
    private const string DetailPrompt = "form01.address.detail";
    private const int MaxCandidates = 5;
    private readonly AdministrativeUnits _units;
    private readonly OldAddressConverter _oldAddresses;
    private readonly BotTexts _texts;
    private readonly FieldDefinition _field;

    public AddressDialog(AdministrativeUnits units, OldAddressConverter oldAddresses, BotTexts texts, Form01Definition form) : base(DialogId)
    {
        _units = units;
        _oldAddresses = oldAddresses;
        _texts = texts;
        _field = form["address"];
        AddDialog(new WaterfallDialog(DialogId + ".steps")
            .AddStep(AskProvinceAsync, "province")
            .AddStep(AskCommuneAsync, "commune")
            .AddStep(AskDetailAsync, "detail")
            .AddStep(FinishAsync, "finish"));
        AddDialog(new TextPrompt(ProvincePrompt, ValidateProvinceAsync));
        AddDialog(new TextPrompt(CommunePrompt, ValidateCommuneAsync));
        AddDialog(new TextPrompt(DetailPrompt, ValidateDetailAsync));
    }

    private async Task<DialogTurnResult> AskProvinceAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var current = StudentSession.From(step.Context).Profile.Form.Get("address");
        var text = current is null ? _field.Prompt : $"{_field.Prompt} {_texts.Format("form.current_value", ("value", current.Display))}";
        return await step.PromptAsync(ProvincePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(text),
            RetryPrompt = MessageFactory.Text(_field.Retry),
            Validations = QuestionKeys.Field("address"),
        }, ct);
    }

    private async Task<DialogTurnResult> AskCommuneAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var province = _units.GetProvince((string)step.Result!)!;
        step.Values["province"] = province.Code;
        return await step.PromptAsync(CommunePrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_texts.Format("form.address_commune", ("province", province.FullName))),
            RetryPrompt = MessageFactory.Text(_texts.Format("form.address_commune_retry", ("province", province.FullName), ("example", "Phường Cầu Giấy, Xã Phúc Thọ"))),
            Validations = QuestionKeys.Field("address"),
            Properties = { ["province"] = province.Code },
        }, ct);
    }

    private async Task<DialogTurnResult> AskDetailAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values["commune"] = (string)step.Result!;
        return await step.PromptAsync(DetailPrompt, new PromptOptions
        {
            Prompt = MessageFactory.Text(_texts["form.address_detail"]),
            RetryPrompt = MessageFactory.Text(_texts["form.address_detail_retry"]),
            Validations = QuestionKeys.Field("address"),
        }, ct);
    }

    private async Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var province = _units.GetProvince(step.Values.Get<string>("province")!)!;
        var commune = _units.GetCommune(step.Values.Get<string>("commune")!)!;
        var detail = ((string)step.Result!).Trim();
        var display = $"{detail}, {commune.FullName}, {province.FullName}";
        return await step.EndDialogAsync(new FieldAnswer(commune.Code, display, new()
        {
            ["provinceCode"] = province.Code,
            ["provinceName"] = province.FullName,
            ["communeCode"] = commune.Code,
            ["communeName"] = commune.FullName,
            ["detail"] = detail,
            ["dataSetVersion"] = _units.Version,
        }), ct);
    }

    private async Task<bool> ValidateProvinceAsync(PromptValidatorContext<string> prompt, CancellationToken ct)
    {
        var text = prompt.Recognized.Value ?? "";
        // A province merged away in 2025 ("Nam Định", "Quảng Nam"): say where it belongs now and take that.
        var merged = prompt.Recognized.Succeeded ? _oldAddresses.FindMergedProvince(text) : null;
        var found = prompt.Recognized.Succeeded && merged is null ? _units.FindProvinces(text) : [];
        if ((merged ?? (found.Count == 0 ? _oldAddresses.FindFormerProvince(text) : null)) is { } former)
        {
            await prompt.Context.SendActivityAsync(MessageFactory.Text(_texts.Format("form.address_province_merged",
                ("old", former.OldName), ("province", former.Province.FullName))), ct);
            prompt.Recognized.Value = former.Province.Code;
            return true;
        }
        return Decide(prompt, found.Select(p => (p.Code, p.FullName)).ToList(), "form.address_province_pick", _texts["form.address_province_retry"]);
    }

    private Task<bool> ValidateCommuneAsync(PromptValidatorContext<string> prompt, CancellationToken ct)
    {
        var provinceCode = prompt.Options.Properties["province"];
        var found = prompt.Recognized.Succeeded ? _units.FindCommunes(provinceCode, prompt.Recognized.Value!) : [];
        return Task.FromResult(Decide(prompt, found.Select(c => (c.Code, c.FullName)).ToList(), "form.address_commune_pick", prompt.Options.RetryPrompt?.Text));
    }

    /// <summary>One match: take its code. Several: ask back with them as buttons. None: explain.</summary>
    private bool Decide(PromptValidatorContext<string> prompt, List<(string Code, string Name)> found, string pickKey, string? noneText)
    {
        if (found.Count == 1)
        {
            prompt.Recognized.Value = found[0].Code;
            return true;
        }
        if (found.Count > 1)
        {
            // A button pressed with an exact full name settles it even when names repeat elsewhere.
            var exact = found.Where(f => string.Equals(f.Name, prompt.Recognized.Value?.Trim(), StringComparison.OrdinalIgnoreCase)).ToList();
            if (exact.Count == 1)
            {
                prompt.Recognized.Value = exact[0].Code;
                return true;
            }
            prompt.Recognized.Problem = _texts[pickKey];
            prompt.Recognized.RetryChoices = found.Take(MaxCandidates).Select(f => new Choice(f.Code, f.Name)).ToList();
            return false;
        }
        prompt.Recognized.Problem = noneText;
        return false;
    }

    private Task<bool> ValidateDetailAsync(PromptValidatorContext<string> prompt, CancellationToken ct)
    {
        var text = prompt.Recognized.Value?.Trim() ?? "";
        var ok = prompt.Recognized.Succeeded && text.Count(char.IsLetterOrDigit) >= 2 && text.Length <= 200;
        if (!ok) prompt.Recognized.Problem = _texts["form.address_detail_retry"];
        return Task.FromResult(ok);
    }
}
