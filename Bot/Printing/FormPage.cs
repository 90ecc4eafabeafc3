using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using VssBot.Dialogs.Form01.Fields;

namespace VssBot.Bot.Printing;

/// <summary>
/// The printable Form 01 as one HTML page, laid out like the official form (A4 when printed), with the office, receipt and
/// deadline in a box that prints on its own page after the form. Every value is HTML-encoded.
/// </summary>
public static class FormPage
{
    /// <summary>Encodes markup characters only: Vietnamese letters stay readable in the source.</summary>
    private static readonly HtmlEncoder Encoder = HtmlEncoder.Create(UnicodeRanges.All);

    public static string Render(DeclaredForm form, string pdfHref, string scriptNonce)
    {
        var html = new StringBuilder(8 * 1024);
        AppendHead(html, Form01Wording.PageTitle, Css);

        html.Append("<nav class=\"toolbar no-print\"><button type=\"button\" id=\"print\">").Append(E(Form01Wording.PrintButton))
            .Append("</button> <a id=\"pdf\" href=\"").Append(E(pdfHref)).Append("\">").Append(E(Form01Wording.PdfLink)).Append("</a></nav>\n");

        html.Append("<div class=\"page\">\n<main class=\"sheet\" id=\"form01\">\n");
        html.Append("<header class=\"head\"><div class=\"form-number\">").Append(E(Form01Wording.FormNumber)).Append("</div>")
            .Append("<div class=\"nation\"><strong>").Append(E(Form01Wording.Nation)).Append("</strong><br><strong class=\"motto\">")
            .Append(E(Form01Wording.Motto)).Append("</strong><div class=\"rule\"></div></div></header>\n");
        html.Append("<h1>").Append(E(Form01Wording.Title)).Append("</h1>\n<p class=\"subtitle\"><strong>").Append(E(Form01Wording.Subtitle)).Append("</strong></p>\n");

        html.Append("<div class=\"fields\">\n");
        foreach (var field in form.Fields)
        {
            if (field.Key == "startDate")
                html.Append("<p class=\"preamble\">").Append(E(Form01Wording.Preamble)).Append("</p>\n");
            AppendField(html, field);
        }
        html.Append("</div>\n");

        html.Append("<section class=\"signature\"><p class=\"date-line\"><em>").Append(E(Form01Wording.DateLine)).Append("</em></p>")
            .Append("<p class=\"signer\"><strong>").Append(E(Form01Wording.Signer)).Append("</strong><br><em>").Append(E(Form01Wording.SignerNote))
            .Append("</em></p><div class=\"sign-space\"></div><p class=\"signer-name\"><strong>").Append(E(form.StudentName)).Append("</strong></p></section>\n");
        html.Append("</main>\n");

        AppendOfficeBox(html, form);
        html.Append("</div>\n");
        html.Append("<script nonce=\"").Append(E(scriptNonce)).Append("\">document.getElementById('print').addEventListener('click', function () { window.print(); });</script>\n");
        html.Append("</body>\n</html>\n");
        return html.ToString();
    }

    /// <summary>The short page a tampered, expired or stale link gets (with 404).</summary>
    public static string RenderExpired() => RenderMessage(Form01Wording.Expired, Form01Wording.ExpiredTitle);

    /// <summary>A short page with one message (expired link, PDF unavailable).</summary>
    public static string RenderMessage(string message, string title = Form01Wording.PageTitle)
    {
        var html = new StringBuilder(1024);
        AppendHead(html, title, MessageCss);
        html.Append("<h1>").Append(E(title)).Append("</h1>\n<p>").Append(E(message)).Append("</p>\n</body>\n</html>\n");
        return html.ToString();
    }

    private static void AppendHead(StringBuilder html, string title, string css) => html.Append("""
        <!DOCTYPE html>
        <html lang="vi">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <meta name="robots" content="noindex, nofollow">
        <meta name="referrer" content="no-referrer">
        """).Append("\n<title>").Append(E(title)).Append("</title>\n<style>").Append(css).Append("</style>\n</head>\n<body>\n");

    private static void AppendField(StringBuilder html, PrintedField field)
    {
        html.Append("<div class=\"field\" data-field=\"").Append(E(field.Key)).Append("\">");
        if (field.IsChoice)
        {
            html.Append("<div class=\"label\">").Append(E(field.Label)).Append(":</div><ul class=\"choices\">");
            foreach (var choice in field.Choices)
                html.Append("<li").Append(choice.Chosen ? " class=\"chosen\"" : "").Append("><span class=\"box\">")
                    .Append(choice.Chosen ? Form01Wording.Checked : Form01Wording.Unchecked).Append("</span> ").Append(E(choice.Text)).Append("</li>");
            html.Append("</ul>");
        }
        else
        {
            html.Append("<span class=\"label\">").Append(E(field.Label)).Append(":</span> <span class=\"value\">").Append(E(field.Value)).Append("</span>");
        }
        html.Append("</div>\n");
    }

    private static void AppendOfficeBox(StringBuilder html, DeclaredForm form)
    {
        html.Append("<aside class=\"office-box\" id=\"next-steps\"><h2>").Append(E(Form01Wording.NextStepsTitle)).Append("</h2>");
        html.Append("<p class=\"deadline\"><strong>").Append(E(Form01Wording.DeadlinePrefix)).Append(E(DateFieldReader.Display(form.Deadline)))
            .Append("</strong>. ").Append(E(Form01Wording.DeadlineNote)).Append("</p>");
        html.Append("<p>").Append(E(Form01Wording.NextSteps)).Append("</p>");
        if (form.Office is { } office)
        {
            html.Append("<p class=\"office\"><strong>").Append(E(office.Name)).Append("</strong>");
            html.Append("<br>").Append(E(Form01Wording.OfficeAddressPrefix)).Append(E(office.Address ?? Form01Wording.OfficeAddressUnknown));
            if (office.Phone is { } phone)
                html.Append("<br>").Append(E(Form01Wording.OfficePhonePrefix)).Append(E(phone));
            html.Append("<br>").Append(E(Form01Wording.OfficeHoursPrefix)).Append(E(office.Hours ?? Form01Wording.OfficeHoursUnknown)).Append("</p>");
        }
        if (form.ReceiptNumber is { } receipt)
            html.Append("<p class=\"receipt\">").Append(E(Form01Wording.ReceiptPrefix)).Append("<strong>").Append(E(receipt)).Append("</strong></p>");
        html.Append("</aside>\n");
    }

    private static string E(string value) => Encoder.Encode(value);

    private const string MessageCss =
        "body { font-family: \"DejaVu Sans\", Arial, sans-serif; max-width: 36rem; margin: 3rem auto; padding: 0 1rem; line-height: 1.5; color: #222; }";

    private const string Css = """

        :root { color-scheme: light; }
        * { box-sizing: border-box; }
        body { margin: 0; background: #e8e8e8; color: #000; font-family: "Times New Roman", "Liberation Serif", "DejaVu Serif", serif; font-size: 13pt; line-height: 1.45; }
        .toolbar { position: sticky; top: 0; z-index: 1; display: flex; gap: 1rem; align-items: center; justify-content: center; padding: .6rem; background: #0b5394; }
        .toolbar button, .toolbar a { font: 600 1rem/1.2 "DejaVu Sans", Arial, sans-serif; padding: .55rem 1.2rem; border-radius: .4rem; border: 0; cursor: pointer; text-decoration: none; background: #fff; color: #0b5394; }
        .page { display: flex; flex-direction: column; align-items: center; gap: 1rem; padding: 1rem .5rem 2rem; }
        .sheet { width: 210mm; max-width: 100%; min-height: 297mm; padding: 15mm 18mm; background: #fff; box-shadow: 0 1px 6px rgba(0,0,0,.25); }
        .office-box { order: -1; width: 210mm; max-width: 100%; padding: .8rem 1.2rem; background: #fffbe6; border: 2px solid #e0a800; border-radius: .4rem; font-family: "DejaVu Sans", Arial, sans-serif; font-size: 11pt; }
        .office-box h2 { margin: 0 0 .4rem; font-size: 13pt; }
        .office-box p { margin: .35rem 0; }
        .deadline strong { color: #a00; }
        .head { display: flex; justify-content: center; position: relative; }
        .form-number { position: absolute; right: 0; top: -8mm; font-style: italic; }
        .nation { text-align: center; }
        .motto { font-size: 13pt; }
        .rule { width: 55mm; margin: 2px auto 0; border-top: 1px solid #000; }
        h1 { margin: 9mm 0 1mm; text-align: center; font-size: 16pt; }
        .subtitle { margin: 0 auto 6mm; max-width: 150mm; text-align: center; }
        .field { margin: 1.6mm 0; break-inside: avoid; }
        .label { font-weight: normal; }
        .value { font-weight: bold; }
        .choices { list-style: none; margin: .5mm 0 0 6mm; padding: 0; }
        .choices li { margin: .5mm 0; }
        .choices li.chosen { font-weight: bold; }
        .box { font-family: "DejaVu Sans", sans-serif; }
        .preamble { margin: 3mm 0 2mm; text-align: justify; text-indent: 8mm; }
        .signature { width: 95mm; margin: 8mm 0 0 auto; text-align: center; break-inside: avoid; }
        .signature p { margin: 0; }
        .date-line { white-space: nowrap; }
        .sign-space { height: 24mm; }
        @page { size: A4; margin: 0; }
        @media print {
          /* Compact enough that a long address or office name still leaves the signature on page 1. */
          body { background: #fff; font-size: 11pt; line-height: 1.3; }
          .no-print { display: none !important; }
          .page { display: block; padding: 0; }
          .sheet { width: auto; min-height: auto; box-shadow: none; margin: 0; padding: 12mm 18mm 6mm; }
          h1 { margin: 6mm 0 1mm; }
          .subtitle { margin-bottom: 4mm; }
          .signature { margin-top: 5mm; }
          .sign-space { height: 18mm; }
          .office-box { break-before: page; margin: 15mm 18mm; width: auto; }
        }

        """;
}
