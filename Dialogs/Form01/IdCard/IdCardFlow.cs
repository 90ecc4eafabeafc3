using Microsoft.Bot.Builder;
using Microsoft.Bot.Schema;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01.IdPhotos;
using VssBot.Dialogs.Journey;
using VssBot.Dialogs.Language;
using VssBot.Dialogs.Reference;
using VssBot.Dialogs.Runtime;
using VssBot.Dialogs.Texts;
using QuestionKeys = VssBot.Dialogs.Conversation.QuestionKeys;

namespace VssBot.Dialogs.Form01.IdCard;

/// <summary>
/// A photo of the ID card at any point of Form 01: its QR code is read and its values offered
/// ("Mình đọc được từ mã QR trên thẻ: … Dùng các thông tin này nhé?" [Dùng | Sửa | Mình tự nhập]). Accepted, they fill the
/// name, the BHXH number (the personal number), the ID document and the ID photo, and the address question starts by
/// confirming the card's address; a value the student already typed differently is asked about first. Anything else
/// (no code, another code, a code failing the checks) gets a short reply and the form goes on where it was.
/// Handled before interruptions: "Sửa" here answers the offer, it is not the "correct a field" command.
/// </summary>
public sealed class IdCardFlow(Form01Definition form, BotTexts texts, AdministrativeUnits units, OldAddressConverter oldAddresses,
    IdCardPhotoOptions options, IdCardPhotoReader? reader = null)
{
    private const string Use = "use", Edit = "edit", TypeMyself = "type", CardValue = "card", TypedValue = "typed";
    private static readonly string[] CheckedFields = ["fullName", "socialInsuranceNumber", "idDocument"];
    private readonly AddressParser _addresses = new(units, oldAddresses);

    /// <summary>Whether the host can fetch images (otherwise photos are only references for the photo question).</summary>
    public bool Enabled => reader is not null;

    /// <summary>The reply when the message was a card photo or an answer to an offer; null when the conversation should read it.</summary>
    public async Task<DialogTurnResult?> TryHandleAsync(DialogContext innerDc, Func<DialogContext, CancellationToken, Task<DialogTurnResult>> restartTopic, CancellationToken ct)
    {
        var session = StudentSession.From(innerDc.Context);
        if (session.Profile.Journey.State != JourneyState.Declaring || innerDc.Context.Activity.Type != ActivityTypes.Message) return null;
        var answers = session.Profile.Form;
        var images = Images(innerDc.Context.Activity);

        if (answers.IdCardOffer is { } offer)
        {
            answers.IdCardOffer = null; // whatever the answer, nothing half-done stays behind
            if (images.Count == 0 && innerDc.Context.Activity.Text is { Length: > 0 } text
                && await AnswerAsync(innerDc, offer, text, restartTopic, ct) is { } answered)
                return answered;
        }
        if (reader is null || images.Count == 0) return null;

        var reading = await reader.ReadAsync(images, session.Today, ct);
        if (reading is { Card: { } card, Photo: { } photo }) return await OfferAsync(innerDc, card, photo, ct);
        var atPhotoQuestion = PromptInstance.Current(innerDc)?.QuestionKey == QuestionKeys.Field("idPhotos");
        // The photo question takes any photo of the card (the side without a code too): it goes on as usual.
        if (atPhotoQuestion && reading.Outcome == IdCardPhotoOutcome.NoCode) return null;
        await innerDc.Context.SendActivityAsync(MessageFactory.Text(ProblemText(reading.Outcome)), ct);
        if (atPhotoQuestion) return null;
        return await RepromptAsync(innerDc, restartTopic, ct);
    }

    private string ProblemText(IdCardPhotoOutcome outcome) => outcome switch
    {
        IdCardPhotoOutcome.NotIdCard => texts["idcard.not_card"],
        IdCardPhotoOutcome.Refused => texts["idcard.refused"],
        IdCardPhotoOutcome.TooLarge => texts.Format("idcard.too_large",
            ("megabytes", (options.MaxImageBytes / 1048576.0).ToString("0.#", System.Globalization.CultureInfo.InvariantCulture).Replace('.', ','))),
        _ => texts["idcard.unreadable"],
    };

    private async Task<DialogTurnResult> OfferAsync(DialogContext innerDc, IdCardQr card, Attachment photo, CancellationToken ct)
    {
        StudentSession.From(innerDc.Context).Profile.Form.IdCardOffer = IdCardOffer.From(card, IdPhotosDialog.Describe(photo));
        var newAddress = _addresses.Parse(card.Address) is { WasOldAddress: true, Communes: [var commune] } parsed
            ? texts.Format("idcard.new_address", ("address", oldAddresses.Format(parsed.Detail, commune)))
            : "";
        var label = texts[card.Kind == IdCardKind.CanCuoc2024 ? "idcard.address_label_2024" : "idcard.address_label_2021"];
        var question = MessageFactory.Text(texts.Format("idcard.offer", ("name", card.FullName), ("number", card.Number),
            ("addressLabel", label), ("address", card.Address), ("newAddress", newAddress)));
        question.SuggestedActions = Buttons(OfferChoices().Select(c => c.Title));
        await innerDc.Context.SendActivityAsync(question, ct);
        return DialogTurnResult.Waiting;
    }

    private IReadOnlyList<Choice> OfferChoices() =>
    [
        new(Use, texts["idcard.use"], ["dùng", "ok", "đồng ý", "đúng", "đúng rồi", "được", "có", "chuẩn"]),
        new(Edit, texts["idcard.edit"], ["sửa", "chỉnh", "sửa lại", "có chỗ sai"]),
        new(TypeMyself, texts["idcard.type_myself"], ["tự nhập", "nhập tay", "không dùng", "không"]),
    ];

    /// <summary>An answer to the offer or to "which number is right?"; null when the message is something else.</summary>
    private async Task<DialogTurnResult?> AnswerAsync(DialogContext innerDc, IdCardOffer offer, string text,
        Func<DialogContext, CancellationToken, Task<DialogTurnResult>> restartTopic, CancellationToken ct)
    {
        var answers = StudentSession.From(innerDc.Context).Profile.Form;
        if (offer.AskingAbout is { } key)
        {
            var choice = ChoiceRecognizer.Recognize(text, ConflictChoices(key, offer, answers).Select(ChoicePrompt.ToOption).ToList());
            if (choice.Index is not int index) return null;
            offer.Decided.Add(key);
            if (index == 1) offer.KeepTyped.Add(key);
            offer.AskingAbout = null;
            return await ContinueAsync(innerDc, offer, restartTopic, ct);
        }
        var chosen = ChoiceRecognizer.Recognize(text, OfferChoices().Select(ChoicePrompt.ToOption).ToList()).Index;
        chosen ??= YesNoRecognizer.Recognize(text) switch { YesNo.Yes => 0, YesNo.No => 2, _ => null };
        switch (chosen)
        {
            case 0:
                return await ContinueAsync(innerDc, offer, restartTopic, ct);
            case 1:
                offer.EditAfter = true;
                return await ContinueAsync(innerDc, offer, restartTopic, ct);
            case 2:
                await innerDc.Context.SendActivityAsync(MessageFactory.Text(texts["idcard.typing"]), ct);
                return await RepromptAsync(innerDc, restartTopic, ct);
            default:
                return null;
        }
    }

    /// <summary>Asks about the next disagreement, or fills the form and goes on.</summary>
    private async Task<DialogTurnResult> ContinueAsync(DialogContext innerDc, IdCardOffer offer,
        Func<DialogContext, CancellationToken, Task<DialogTurnResult>> restartTopic, CancellationToken ct)
    {
        var profile = StudentSession.From(innerDc.Context).Profile;
        var answers = profile.Form;
        if (CheckedFields.FirstOrDefault(k => !offer.Decided.Contains(k) && Disagrees(k, offer, answers)) is { } key)
        {
            offer.AskingAbout = key;
            answers.IdCardOffer = offer;
            var typed = answers.Get(key)!.Display;
            var question = MessageFactory.Text(key == "fullName"
                ? texts.Format("idcard.conflict_name", ("card", offer.FullName), ("typed", typed))
                : texts.Format("idcard.conflict_number", ("card", offer.Number), ("typed", typed), ("label", form[key].Label)));
            question.SuggestedActions = Buttons(ConflictChoices(key, offer, answers).Select(c => c.Title));
            await innerDc.Context.SendActivityAsync(question, ct);
            return DialogTurnResult.Waiting;
        }

        Fill(offer, answers);
        await innerDc.Context.SendActivityAsync(MessageFactory.Text(texts["idcard.used"]), ct);
        if (!offer.EditAfter) return await restartTopic(innerDc, ct);
        // "Sửa": the values are in; the student picks the one to change (answered by the interruption handler next turn).
        profile.PendingCommand = PendingCommand.ChooseFieldToCorrect;
        var which = MessageFactory.Text(texts["conv.correct_which"]);
        which.SuggestedActions = Buttons(form.Fields.Where(f => answers.Answers.ContainsKey(f.Key)).Select(f => f.Label));
        await innerDc.Context.SendActivityAsync(which, ct);
        return DialogTurnResult.Waiting;
    }

    private static IReadOnlyList<Choice> ConflictChoices(string key, IdCardOffer offer, Form01Answers answers)
        => [new(CardValue, key == "fullName" ? offer.FullName : offer.Number), new(TypedValue, answers.Get(key)?.Display ?? "")];

    /// <summary>
    /// A typed value the card contradicts. The same name without diacritics is no contradiction (the card's is better);
    /// a legacy 10-digit BHXH code or a passport is another document, not a contradiction: it stays.
    /// </summary>
    private static bool Disagrees(string key, IdCardOffer offer, Form01Answers answers)
    {
        if (answers.Get(key) is not { } typed) return false;
        return key == "fullName"
            ? VietnameseText.Fold(typed.Value) != VietnameseText.Fold(offer.FullName)
            : typed.Data.GetValueOrDefault("kind") == "personalId" && typed.Value != offer.Number;
    }

    private void Fill(IdCardOffer offer, Form01Answers answers)
    {
        bool Takes(string key) => !offer.KeepTyped.Contains(key)
            && (answers.Get(key) is not { } typed || key == "fullName" || typed.Data.GetValueOrDefault("kind") is "personalId" or null);

        if (Takes("fullName")) answers.Set("fullName", new FieldAnswer(offer.FullName, offer.FullName, new() { ["source"] = "qr" }));
        if (Takes("socialInsuranceNumber"))
            answers.Set("socialInsuranceNumber", new FieldAnswer(offer.Number, offer.Number, new() { ["kind"] = "personalId", ["source"] = "qr" }));
        if (Takes("idDocument"))
        {
            var data = new Dictionary<string, string> { ["kind"] = "personalId", ["source"] = "qr", ["birthYear"] = offer.BirthYear.ToString(System.Globalization.CultureInfo.InvariantCulture) };
            if (offer.BirthProvince is { } province) data["birthProvince"] = province;
            answers.Set("idDocument", new FieldAnswer(offer.Number, offer.Number, data));
        }
        FillPhoto(offer, answers);
        if (!answers.Answers.ContainsKey("address")) answers.AddressSuggestion = offer.Address;
    }

    /// <summary>The photo is the side with the code; joined to a photo of the other side already sent.</summary>
    private void FillPhoto(IdCardOffer offer, Form01Answers answers)
    {
        var data = offer.Photo.ToDictionary(p => $"{offer.QrSide}.{p.Key}", p => p.Value);
        data["source"] = "qr";
        var previous = answers.Get("idPhotos");
        var otherSide = offer.QrSide == "front" ? "back" : "front";
        if (previous is not null && previous.Value.Split(',').Contains(otherSide))
        {
            foreach (var (key, value) in previous.Data.Where(p => p.Key.StartsWith(otherSide + ".", StringComparison.Ordinal))) data[key] = value;
            answers.Set("idPhotos", new FieldAnswer("front,back", texts["form.photo_both_display"], data));
            return;
        }
        var display = offer.QrSide == "front" ? texts["form.photo_front_only_display"] : texts["idcard.photo_back_display"];
        answers.Set("idPhotos", new FieldAnswer(offer.QrSide, display, data));
    }

    private static async Task<DialogTurnResult> RepromptAsync(DialogContext innerDc,
        Func<DialogContext, CancellationToken, Task<DialogTurnResult>> restartTopic, CancellationToken ct)
    {
        if (innerDc.ActiveDialog is null) return await restartTopic(innerDc, ct);
        await innerDc.RepromptDialogAsync(ct);
        return DialogTurnResult.Waiting;
    }

    private static List<Attachment> Images(IActivity activity)
        => (activity.AsMessageActivity()?.Attachments ?? []).Where(a => a.ContentType?.StartsWith("image/", StringComparison.OrdinalIgnoreCase) == true).ToList();

    private static SuggestedActions Buttons(IEnumerable<string> titles)
        => new() { Actions = titles.Select(t => new CardAction(ActionTypes.ImBack, t, value: t)).ToList() };
}
