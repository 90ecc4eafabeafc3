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
    private const string WholeId = "form01.address.whole";
    private const string PickPrompt = "form01.address.pick";
    private const int MaxCandidates = 5;
    private readonly AdministrativeUnits _units;
    private readonly OldAddressConverter _oldAddresses;
    private readonly AddressParser _parser;
    private readonly BotTexts _texts;
    private readonly FieldDefinition _field;

    public AddressDialog(AdministrativeUnits units, OldAddressConverter oldAddresses, BotTexts texts, Form01Definition form) : base(DialogId)
    {
        _units = units;
        _oldAddresses = oldAddresses;
        _parser = new AddressParser(units, oldAddresses);
        _texts = texts;
        _field = form["address"];
        AddDialog(new WaterfallDialog(DialogId + ".steps")
            .AddStep(AskProvinceAsync, "province")
            .AddStep(AskCommuneAsync, "commune")
            .AddStep(AskDetailAsync, "detail")
            .AddStep(FinishAsync, "finish"));
        // A whole address typed at once (current or pre-2025 form): pick the part if split, confirm, detail if missing.
        AddDialog(new WaterfallDialog(WholeId)
            .AddStep(PickCommuneAsync, "pick")
            .AddStep(ConfirmWholeAsync, "confirm")
            .AddStep(AfterConfirmAsync, "afterConfirm")
            .AddStep(FinishWholeAsync, "finish"));
        AddDialog(new ChoicePrompt(PickPrompt));
        AddDialog(new TextPrompt(ProvincePrompt, ValidateProvinceAsync));
        AddDialog(new TextPrompt(CommunePrompt, ValidateCommuneAsync));
        AddDialog(new TextPrompt(DetailPrompt, ValidateDetailAsync));
    }

    private async Task<DialogTurnResult> AskProvinceAsync(WaterfallStepContext step, CancellationToken ct)
    {
        // The address read from the ID card's QR code: confirmed (converted to the new units) instead of asked.
        var answers = StudentSession.From(step.Context).Profile.Form;
        if (answers.AddressSuggestion is { } suggested)
        {
            answers.AddressSuggestion = null;
            if (_parser.Parse(suggested) is { Communes.Count: > 0 } whole)
                return await step.ReplaceDialogAsync(WholeId, new WholeAddress(whole.Communes.Select(c => c.Code).ToList(), whole.Detail, whole.WasOldAddress).Encode(), ct);
        }
        var current = answers.Get("address");
        var text = current is null ? _field.Prompt : $"{_field.Prompt} {_texts.Format("form.current_value", ("value", current.Display))}";
        return await step.PromptAsync(ProvincePrompt, new PromptOptions
        {
            Prompt = new PromptText(text),
            RetryPrompt = new PromptText(_field.Retry),
            QuestionKey = QuestionKeys.Field("address"),
        }, ct);
    }

    private async Task<DialogTurnResult> AskCommuneAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (step.Result is string whole && WholeAddress.IsEncoded(whole))
            return await step.ReplaceDialogAsync(WholeId, whole, ct);
        var province = _units.GetProvince((string)step.Result!)!;
        step.Values["province"] = province.Code;
        var examples = CommuneExamples(province.Code);
        return await step.PromptAsync(CommunePrompt, new PromptOptions
        {
            Prompt = new PromptText(_texts.Format("form.address_commune", ("province", province.FullName))),
            RetryPrompt = new PromptText(_texts.Format("form.address_commune_retry", ("province", province.FullName), ("example", examples))),
            Help = _texts.Format("form.address_commune_help", ("province", province.FullName), ("example", examples)),
            QuestionKey = QuestionKeys.Field("address"),
            Properties = { ["province"] = province.Code },
        }, ct);
    }

    private async Task<DialogTurnResult> AskDetailAsync(WaterfallStepContext step, CancellationToken ct)
    {
        step.Values["commune"] = (string)step.Result!;
        return await step.PromptAsync(DetailPrompt, new PromptOptions
        {
            Prompt = new PromptText(_texts["form.address_detail"]),
            RetryPrompt = new PromptText(_texts["form.address_detail_retry"]),
            QuestionKey = QuestionKeys.Field("address"),
        }, ct);
    }

    /// <summary>A ward and a commune of the student's own province ("Phường Hoa Lư, Xã Gia Viễn"), for examples.</summary>
    private string CommuneExamples(string provinceCode)
    {
        var communes = _units.CommunesOf(provinceCode);
        var examples = new[] { communes.FirstOrDefault(c => c.Kind == "Phường"), communes.FirstOrDefault(c => c.Kind == "Xã") }
            .Concat(communes).OfType<Commune>().Distinct().Take(2).Select(c => c.FullName);
        return string.Join(", ", examples);
    }

    private Task<DialogTurnResult> FinishAsync(WaterfallStepContext step, CancellationToken ct)
        => EndWithAsync(step, step.Values.Get<string>("commune")!, (string)step.Result!, ct);

    private async Task<DialogTurnResult> PickCommuneAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var whole = WholeAddress.Decode((string)step.Options!);
        step.Values["detail"] = whole.Detail ?? "";
        step.Values["old"] = whole.WasOld;
        if (whole.CommuneCodes.Count == 1) return await step.NextAsync(new FoundChoice(whole.CommuneCodes[0], 0), ct);
        var communes = whole.CommuneCodes.Select(code => _units.GetCommune(code)!).ToList();
        return await step.PromptAsync(PickPrompt, new PromptOptions
        {
            Prompt = new PromptText(_texts["form.address_split"]),
            RetryPrompt = new PromptText(_texts["form.address_commune_pick"]),
            Choices = communes.Select(c => new Choice(c.Code, c.FullName)).ToList(),
            QuestionKey = QuestionKeys.Field("address"),
        }, ct);
    }

    private async Task<DialogTurnResult> ConfirmWholeAsync(WaterfallStepContext step, CancellationToken ct)
    {
        var commune = _units.GetCommune(((FoundChoice)step.Result!).Value)!;
        step.Values["commune"] = commune.Code;
        var detail = step.Values.Get<string>("detail");
        var display = _oldAddresses.Format(string.IsNullOrEmpty(detail) ? null : detail, commune);
        var key = step.Values.Get<bool>("old") ? "form.address_confirm_old" : "form.address_confirm";
        return await step.PromptAsync(PickPrompt, new PromptOptions
        {
            Prompt = new PromptText(_texts.Format(key, ("address", display))),
            RetryPrompt = new PromptText(_texts["conv.retry_choice"]),
            Choices = [new Choice("yes", _texts["form.address_confirm_yes"], ["đúng", "đúng rồi", "ok", "chuẩn", "có"]), new Choice("no", _texts["form.address_confirm_no"], ["không", "sai", "nhập lại"])],
            QuestionKey = QuestionKeys.Field("address"),
        }, ct);
    }

    private async Task<DialogTurnResult> AfterConfirmAsync(WaterfallStepContext step, CancellationToken ct)
    {
        if (((FoundChoice)step.Result!).Value != "yes") return await step.ReplaceDialogAsync(DialogId + ".steps", null, ct);
        var detail = step.Values.Get<string>("detail");
        if (!string.IsNullOrEmpty(detail)) return await step.NextAsync(detail, ct);
        return await step.PromptAsync(DetailPrompt, new PromptOptions
        {
            Prompt = new PromptText(_texts["form.address_detail"]),
            RetryPrompt = new PromptText(_texts["form.address_detail_retry"]),
            QuestionKey = QuestionKeys.Field("address"),
        }, ct);
    }

    private Task<DialogTurnResult> FinishWholeAsync(WaterfallStepContext step, CancellationToken ct)
        => EndWithAsync(step, step.Values.Get<string>("commune")!, (string)step.Result!, ct);

    private async Task<DialogTurnResult> EndWithAsync(WaterfallStepContext step, string communeCode, string detailText, CancellationToken ct)
    {
        var commune = _units.GetCommune(communeCode)!;
        var province = _units.GetProvince(commune.ProvinceCode)!;
        var detail = detailText.Trim();
        var display = _oldAddresses.Format(detail, commune);
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
        if (_parser.Parse(text) is { Communes.Count: > 0 } whole)
        {
            prompt.Recognized.Value = new WholeAddress(whole.Communes.Select(c => c.Code).ToList(), whole.Detail, whole.WasOldAddress).Encode();
            return true;
        }
        var province = prompt.Recognized.Succeeded ? _oldAddresses.ReadProvince(text) : ProvinceReading.None;
        if (province.ForeignCountry is not null)
        {
            // Form 01 takes a Vietnamese address only: say so instead of turning the place into a commune.
            prompt.Recognized.Problem = _texts["form.address_foreign"];
            return false;
        }
        if (province.Province is { } found)
        {
            // A province merged away in 2025 ("Nam Định", "Quảng Nam"): say where it belongs now and take that.
            if (province.FormerName is { } former)
                await prompt.Context.SendActivityAsync(MessageFactory.Text(_texts.Format("form.address_province_merged",
                    ("old", former), ("province", found.FullName))), ct);
            // A former district or city named instead ("Đà Lạt"): say which province that is.
            else if (province.FormerDistrict is { } district)
                await prompt.Context.SendActivityAsync(MessageFactory.Text(_texts.Format("form.address_province_of_district",
                    ("district", district), ("province", found.FullName))), ct);
            prompt.Recognized.Value = found.Code;
            return true;
        }
        if (province.Choices is [var guessed])
        {
            // Read through a typo: one button to confirm it.
            prompt.Recognized.Problem = _texts["form.address_province_confirm"];
            prompt.Recognized.RetryChoices = [new Choice(guessed.Code, guessed.FullName)];
            return false;
        }
        return Decide(prompt, province.Choices.Select(p => (p.Code, p.FullName)).ToList(), "form.address_province_pick", _texts["form.address_province_retry"]);
    }

    private Task<bool> ValidateCommuneAsync(PromptValidatorContext<string> prompt, CancellationToken ct)
    {
        var provinceCode = prompt.Options.Properties["province"];
        var found = prompt.Recognized.Succeeded ? _units.FindCommunes(provinceCode, prompt.Recognized.Value!) : [];
        // A commune of before 2025 ("Trung Liệt"): the current one(s) it went into, offered as buttons to confirm.
        if (found.Count == 0 && prompt.Recognized.Succeeded && _oldAddresses.CommunesOfOldName(provinceCode, prompt.Recognized.Value) is { Count: > 0 } renamed)
        {
            prompt.Recognized.Problem = _texts["form.address_commune_renamed"];
            prompt.Recognized.RetryChoices = renamed.Take(MaxCandidates).Select(c => new Choice(c.Code, c.FullName)).ToList();
            return Task.FromResult(false);
        }
        // None found: the retry question itself says so (with examples from this province), once.
        return Task.FromResult(Decide(prompt, found.Select(c => (c.Code, c.FullName)).ToList(), "form.address_commune_pick", null));
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

/// <summary>A parsed whole address handed from the province step to the confirmation steps (persisted as text).</summary>
internal sealed record WholeAddress(IReadOnlyList<string> CommuneCodes, string? Detail, bool WasOld)
{
    private const string Prefix = "whole|";

    public static bool IsEncoded(string text) => text.StartsWith(Prefix, StringComparison.Ordinal);

    public string Encode() => $"{Prefix}{string.Join(',', CommuneCodes)}|{(WasOld ? 1 : 0)}|{Detail}";

    public static WholeAddress Decode(string text)
    {
        var parts = text[Prefix.Length..].Split('|', 3);
        return new WholeAddress(parts[0].Split(','), parts[2].Length == 0 ? null : parts[2], parts[1] == "1");
    }
}
