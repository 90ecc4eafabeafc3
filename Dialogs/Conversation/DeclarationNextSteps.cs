using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Form01.Fields;
using VssBot.Dialogs.Texts;

namespace VssBot.Dialogs.Conversation;

/// <summary>What happens after "Ghi nhận": print, sign, bring the ID card to the office by the computed deadline, SMS, password.</summary>
public sealed class DeclarationNextSteps(BotTexts texts, CampaignSettings campaign)
{
    /// <summary>
    /// The last day the paper may reach the office, in Vietnam time: "within 10 days from the day of declaring" counts the
    /// declaration day as day 0, so day 9 is the last one and on day 10 the e-declaration is gone.
    /// </summary>
    public DateOnly Deadline(DateTimeOffset declaredAt)
        => DateOnly.FromDateTime(declaredAt.ToOffset(StudentSession.VietnamOffset).DateTime).AddDays(campaign.OfficeVisitDays - 1);

    public string Compose(Form01Answers answers, DateTimeOffset declaredAt, string? receiptNumber = null, string? printLink = null)
    {
        var declaredOn = DateOnly.FromDateTime(declaredAt.ToOffset(StudentSession.VietnamOffset).DateTime);
        var form = Form01Declaration.From(answers);
        var steps = texts.Format(form.ByPost ? "conv.next_steps_post" : "conv.next_steps_office",
            ("office", form.Office?.Name ?? ""),
            ("officeAddress", form.Office?.Address ?? texts["conv.address_unknown"]),
            ("deadline", DateFieldReader.Display(Deadline(declaredAt))),
            ("phone", form.MobileDisplay),
            ("emailPart", form.Email is { } email ? texts.Format("conv.next_steps_email", ("email", email)) : ""));
        var declared = texts.Format("conv.declared", ("date", DateFieldReader.Display(declaredOn)));
        if (receiptNumber is not null) declared += " " + texts.Format("conv.receipt", ("receipt", receiptNumber));
        var print = printLink is null ? "" : "\n\n" + texts.Format("conv.print_link", ("link", printLink));
        return declared + "\n\n" + steps + print;
    }

    public string Status(Form01Answers answers, DateTimeOffset declaredAt, string? printLink = null) => texts.Format("conv.status_declared",
        ("date", DateFieldReader.Display(DateOnly.FromDateTime(declaredAt.ToOffset(StudentSession.VietnamOffset).DateTime))),
        ("office", Form01Declaration.From(answers).Office?.Name ?? ""),
        ("deadline", DateFieldReader.Display(Deadline(declaredAt))))
        + (printLink is null ? "" : "\n\n" + texts.Format("conv.print_link", ("link", printLink)))
        + "\n\n" + texts["conv.status_hint"];
}
