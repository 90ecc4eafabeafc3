using PdfSharp;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using VssBot.Dialogs.Form01.Fields;

namespace VssBot.Bot.Printing;

/// <summary>
/// The printable Form 01 as an A4 PDF (PDFsharp), with the same content as <see cref="FormPage"/>: the form on the first
/// page(s), the office, receipt and deadline after it on a page of their own. The font is embedded (Unicode encoding).
/// </summary>
public sealed class FormPdf(string fontPath, string boldFontPath)
{
    private const double Margin = 51; // 18 mm
    private const double Top = 42;
    private const double BodySize = 11;

    public byte[] Render(DeclaredForm form)
    {
        FontFileResolver.EnsureExists(fontPath);
        FontFileResolver.EnsureExists(boldFontPath);
        FontFileResolver.Install();

        using var document = new PdfDocument();
        document.Info.Title = Form01Wording.Title + " - " + Form01Wording.FormNumber;
        document.Info.Subject = Form01Wording.Subtitle;
        document.Info.Creator = "VssBot";

        var writer = new PageWriter(document, Fonts(BodySize));
        WriteForm(writer, form);
        writer.NewPage();
        WriteNextSteps(writer, form);
        writer.Dispose();

        using var stream = new MemoryStream();
        document.Save(stream, false);
        return stream.ToArray();
    }

    private FontSet Fonts(double size)
    {
        // The whole font file: PDFsharp's subsetting drops the nested composite glyphs of letters with two marks (ố, ệ, ẫ).
        var unicode = new XPdfFontOptions(PdfFontEncoding.Unicode, PdfFontEmbedding.EmbedCompleteFontFile);
        return new FontSet(
            new XFont(fontPath, size, XFontStyleEx.Regular, unicode),
            new XFont(boldFontPath, size, XFontStyleEx.Regular, unicode),
            new XFont(boldFontPath, 15, XFontStyleEx.Regular, unicode),
            new XFont(fontPath, 9.5, XFontStyleEx.Regular, unicode));
    }

    private static void WriteForm(PageWriter w, DeclaredForm form)
    {
        var f = w.Fonts;
        w.Text([new(Form01Wording.FormNumber, f.Small)], Align.Right);
        w.Text([new(Form01Wording.Nation, f.Bold)], Align.Center);
        w.Text([new(Form01Wording.Motto, f.Bold)], Align.Center);
        w.Rule(150);
        w.Space(16);
        w.Text([new(Form01Wording.Title, f.Title)], Align.Center);
        w.Text([new(Form01Wording.Subtitle, f.Bold)], Align.Center, inset: 40);
        w.Space(10);

        foreach (var field in form.Fields)
        {
            if (field.Key == "startDate")
            {
                w.Space(3);
                w.Text([new(Form01Wording.Preamble, f.Regular)], Align.Left, firstLineIndent: 22);
                w.Space(3);
            }
            if (field.IsChoice)
            {
                w.Text([new(field.Label + ":", f.Regular)], Align.Left);
                foreach (var choice in field.Choices)
                    w.Text([new((choice.Chosen ? Form01Wording.Checked : Form01Wording.Unchecked) + " " + choice.Text, choice.Chosen ? f.Bold : f.Regular)],
                        Align.Left, inset: 16, hanging: 14);
            }
            else
            {
                w.Text([new(field.Label + ":", f.Regular), new(field.Value, f.Bold)], Align.Left);
            }
            w.Space(3);
        }

        // The signature block, in the right half, kept together.
        w.KeepTogether(150);
        w.Space(14);
        var column = new Column(w.Width / 2, w.Width / 2);
        w.Text([new(Form01Wording.DateLine, f.Regular)], Align.Center, column);
        w.Text([new(Form01Wording.Signer, f.Bold)], Align.Center, column);
        w.Text([new(Form01Wording.SignerNote, f.Regular)], Align.Center, column);
        w.Space(64);
        w.Text([new(form.StudentName, f.Bold)], Align.Center, column);
    }

    private static void WriteNextSteps(PageWriter w, DeclaredForm form)
    {
        var f = w.Fonts;
        var top = w.Y;
        w.Space(10);
        w.Text([new(Form01Wording.NextStepsTitle, f.Title)], Align.Left, inset: 12);
        w.Space(4);
        w.Text([new(Form01Wording.DeadlinePrefix + DateFieldReader.Display(form.Deadline) + ".", f.Bold), new(Form01Wording.DeadlineNote, f.Regular)],
            Align.Left, inset: 12);
        w.Space(4);
        w.Text([new(Form01Wording.NextSteps, f.Regular)], Align.Left, inset: 12);
        if (form.Office is { } office)
        {
            w.Space(4);
            w.Text([new(office.Name, f.Bold)], Align.Left, inset: 12);
            w.Text([new(Form01Wording.OfficeAddressPrefix, f.Regular), new(office.Address ?? Form01Wording.OfficeAddressUnknown, f.Regular)], Align.Left, inset: 12);
            if (office.Phone is { } phone)
                w.Text([new(Form01Wording.OfficePhonePrefix, f.Regular), new(phone, f.Regular)], Align.Left, inset: 12);
            w.Text([new(Form01Wording.OfficeHoursPrefix, f.Regular), new(office.Hours ?? Form01Wording.OfficeHoursUnknown, f.Regular)], Align.Left, inset: 12);
        }
        if (form.ReceiptNumber is { } receipt)
        {
            w.Space(4);
            w.Text([new(Form01Wording.ReceiptPrefix, f.Regular), new(receipt, f.Bold)], Align.Left, inset: 12);
        }
        w.Space(10);
        w.Box(top);
    }

    private sealed record FontSet(XFont Regular, XFont Bold, XFont Title, XFont Small);

    private readonly record struct Run(string Text, XFont Font);

    private readonly record struct Column(double Left, double Width);

    private enum Align { Left, Center, Right }

    /// <summary>Writes wrapped lines of mixed runs top to bottom, starting a new A4 page when one is full.</summary>
    private sealed class PageWriter(PdfDocument document, FontSet fonts) : IDisposable
    {
        private XGraphics? graphics;
        private PdfPage? page;

        public FontSet Fonts { get; } = fonts;
        public double Y { get; private set; }
        public double Width => page is null ? 0 : page.Width.Point - 2 * Margin;
        private double Bottom => page!.Height.Point - Top;
        private XGraphics G => graphics ?? NewPageGraphics();

        public void NewPage()
        {
            graphics?.Dispose();
            graphics = null;
            NewPageGraphics();
        }

        public void Space(double points) => Y += points;

        public void KeepTogether(double height)
        {
            _ = G;
            if (Y + height > Bottom) NewPage();
        }

        public void Rule(double length)
        {
            var x = Margin + (Width - length) / 2;
            G.DrawLine(XPens.Black, x, Y + 1, x + length, Y + 1);
            Y += 3;
        }

        public void Box(double top) => G.DrawRectangle(new XPen(XColors.DarkGoldenrod, 1.5), Margin, top, Width, Y - top);

        public void Text(IReadOnlyList<Run> runs, Align align, Column? column = null, double inset = 0, double firstLineIndent = 0, double hanging = 0)
        {
            var g = G;
            var left = (column?.Left ?? 0) + inset;
            var width = (column?.Width ?? Width) - 2 * (align == Align.Center ? inset : 0) - (align == Align.Center ? 0 : inset);
            var words = runs.SelectMany(r => r.Text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Select(w => new Run(w, r.Font))).ToList();
            var first = true;
            while (words.Count > 0)
            {
                var indent = first ? firstLineIndent : hanging;
                var line = TakeLine(g, words, width - indent);
                var height = line.Max(r => r.Font.GetHeight());
                if (Y + height > Bottom) { NewPage(); g = G; }
                var lineWidth = LineWidth(g, line);
                var x = Margin + left + indent + align switch
                {
                    Align.Center => (width - lineWidth) / 2,
                    Align.Right => width - lineWidth,
                    _ => 0,
                };
                foreach (var (run, i) in line.Select((r, i) => (r, i)))
                {
                    g.DrawString(run.Text, run.Font, XBrushes.Black, x, Y, XStringFormats.TopLeft);
                    x += g.MeasureString(run.Text, run.Font).Width + (i < line.Count - 1 ? g.MeasureString(" ", run.Font).Width : 0);
                }
                Y += height * 1.2;
                first = false;
            }
        }

        private static List<Run> TakeLine(XGraphics g, List<Run> words, double width)
        {
            var line = new List<Run> { words[0] };
            words.RemoveAt(0);
            while (words.Count > 0 && LineWidth(g, [.. line, words[0]]) <= width)
            {
                line.Add(words[0]);
                words.RemoveAt(0);
            }
            return line;
        }

        private static double LineWidth(XGraphics g, List<Run> line) =>
            line.Sum(r => g.MeasureString(r.Text, r.Font).Width) + line.Take(line.Count - 1).Sum(r => g.MeasureString(" ", r.Font).Width);

        private XGraphics NewPageGraphics()
        {
            page = document.AddPage();
            page.Size = PageSize.A4;
            graphics = XGraphics.FromPdfPage(page);
            Y = Top;
            return graphics;
        }

        public void Dispose() => graphics?.Dispose();
    }
}
