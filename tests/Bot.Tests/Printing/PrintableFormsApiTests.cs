using System.Net;
using System.Text;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;
using UglyToad.PdfPig;
using VssBot.Bot.Printing;
using VssBot.Dialogs.Form01;

namespace VssBot.Bot.Tests.Printing;

/// <summary>GET /forms/{token} and /forms/{token}.pdf on the real host (in memory, its own SQLite file), students seeded in user state.</summary>
public sealed class PrintableFormsApiTests : IDisposable
{
    private readonly FakeTimeProvider clock = new(DeclaredStudent.DeclaredAt.AddMinutes(5));
    private readonly VssBotFactory factory;
    private const string PublicBaseUrl = "https://vssbot.example.edu.vn";

    public PrintableFormsApiTests()
    {
        // The registry is unreachable: recorded declarations stay in the outbox, and no follow-up touches the seeded profiles.
        factory = new VssBotFactory(null, new Dictionary<string, string?>
            {
                ["Printing:PublicBaseUrl"] = PublicBaseUrl, ["DeclarationApi:BaseAddress"] = "http://127.0.0.1:9/",
            },
            services => services.AddSingleton<TimeProvider>(clock));
    }

    public void Dispose() => factory.Dispose();

    [Fact]
    public async Task The_link_opens_the_form_with_every_official_label_in_order_and_the_students_values()
    {
        await DeclaredStudent.SaveAsync(factory.Services, "student-a", DeclaredStudent.Profile());
        var link = DeclaredStudent.LinkFor(factory.Services, "student-a");
        Assert.StartsWith(PublicBaseUrl + "/forms/", link);

        var response = await factory.CreateClient().GetAsync(DeclaredStudent.PathOf(link));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("utf-8", response.Content.Headers.ContentType?.CharSet);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
        Assert.Contains("script-src 'nonce-", response.Headers.GetValues("Content-Security-Policy").Single());
        Assert.True(html.IsNormalized(NormalizationForm.FormC));

        var position = 0;
        foreach (var text in new[] { "Mẫu số 01", "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc", "TỜ KHAI", Form01Wording.Subtitle })
            position = IndexAfter(html, text, position);
        foreach (var field in factory.Services.GetRequiredService<Form01Definition>().Fields)
            position = IndexAfter(html, field.Label, position);
        foreach (var text in new[] { "ngày …… tháng …… năm ……", "NGƯỜI KHAI", "(Ký, ghi rõ họ tên)" })
            position = IndexAfter(html, text, position);

        foreach (var value in new[] { "Phạm Thu Hà", "0113099841", "036303012345", "Số 1 đường Trần Hưng Đạo, Phường Hoa Lư, Tỉnh Ninh Bình",
                     "ha.pham@gmail.com", "0912345678", "02 tháng 03 năm 2026", "Theo Nghị định số 166/2016/NĐ-CP", Form01Wording.Commitment })
            Assert.Contains(value, html);
        Assert.Contains("<li class=\"chosen\"><span class=\"box\">☒</span> Cổng thông tin điện tử của Bảo hiểm xã hội Việt Nam</li>", html);
        Assert.Contains("<li><span class=\"box\">☐</span> Tổ chức I-VAN</li>", html);
        Assert.Contains("<li class=\"chosen\"><span class=\"box\">☒</span> Tại nơi tiếp nhận hồ sơ theo quy định của Bảo hiểm xã hội Việt Nam</li>", html);

        // The box: office, phone, no invented hours, receipt, the deadline (declared 02/03/2026 + 10 days) in bold.
        foreach (var value in new[] { "BHXH cơ sở Hoa Lư", "2 Lê Hồng Phong, Phường Hoa Lư, Tỉnh Ninh Bình", "0229.3871234",
                     "xem giờ làm việc trên Cổng dịch vụ công", "Mã biên nhận: <strong>VSS-2026-000123</strong>", "<strong>Hạn nộp: hết ngày 11/03/2026</strong>" })
            Assert.Contains(value, html);
        Assert.Contains(">In tờ khai</button>", html);
        Assert.Contains($"href=\"{DeclaredStudent.PathOf(link)["/forms/".Length..]}.pdf\">Tải PDF</a>", html);
        Assert.Contains("@page { size: A4;", html);
        Assert.Contains(".no-print { display: none !important; }", html);
    }

    [Fact]
    public async Task The_short_link_names_only_the_receipt_is_short_and_opens_the_page_and_the_PDF_link()
    {
        var link = await DeclaredStudent.RecordAsync(factory.Services, "student-a", DeclaredStudent.Profile());
        var path = DeclaredStudent.PathOf(link);

        // "/p/20260302-XXXX-{12-character tag}": 29 characters after the base; nothing about the student in it.
        Assert.Matches(@"^/p/20260302-[0-9A-Z]{4,12}-[A-Za-z0-9_-]{12}$", path);
        Assert.Equal(PublicBaseUrl + path, link);
        Assert.True(path.Length <= 29, $"The path is {path.Length} characters: {path}");
        Assert.DoesNotContain("student-a", link);
        Assert.DoesNotContain(DeclaredStudent.Channel, link);

        var response = await factory.CreateClient().GetAsync(path);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Phạm Thu Hà", html);
        Assert.Contains("Mã biên nhận: <strong>VSS-" + path["/p/".Length..^13] + "</strong>", html);
        Assert.Contains($"href=\"{path["/p/".Length..]}.pdf\">Tải PDF</a>", html);
        Assert.Contains("no-store", response.Headers.CacheControl?.ToString());
    }

    [Fact]
    public async Task A_tampered_or_unknown_short_link_gets_the_polite_404_page()
    {
        var path = DeclaredStudent.PathOf(await DeclaredStudent.RecordAsync(factory.Services, "student-a", DeclaredStudent.Profile()));
        var tag = path[^12..];
        var code = path["/p/".Length..^13];
        var otherTag = (tag[0] == 'A' ? 'B' : 'A') + tag[1..];
        var otherCode = code[..^1] + (code[^1] == '0' ? '1' : '0');

        foreach (var url in new[] { $"/p/{code}-{otherTag}", $"/p/{code}-{otherTag}.pdf", $"/p/{otherCode}-{tag}", $"/p/{code}-{tag[..^1]}",
                     $"/p/{code.ToLowerInvariant()}-{tag}", "/p/abc", "/p/20260302-ZZZZ-AAAAAAAAAAAA", "/p/20260302-ZZZZ-AAAAAAAAAAAA.pdf" })
            await AssertExpiredAsync(url);
    }

    [Fact]
    public async Task The_short_link_opens_until_the_end_of_the_office_visit_deadline_day_and_not_after()
    {
        // Declared 02/03/2026 09:30 (Vietnam): the 10-day window ends with 11/03/2026.
        var path = DeclaredStudent.PathOf(await DeclaredStudent.RecordAsync(factory.Services, "student-a", DeclaredStudent.Profile()));
        var vietnam = TimeSpan.FromHours(7);
        var client = factory.CreateClient();

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 11, 23, 59, 0, vietnam));
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);

        clock.SetUtcNow(new DateTimeOffset(2026, 3, 12, 0, 0, 0, vietnam));
        await AssertExpiredAsync(path);
        await AssertExpiredAsync(path + ".pdf");
    }

    [Fact]
    public async Task A_short_link_to_an_earlier_declaration_opens_nothing_once_the_student_declared_again()
    {
        var first = DeclaredStudent.PathOf(await DeclaredStudent.RecordAsync(factory.Services, "student-a", DeclaredStudent.Profile(declarationNumber: 1)));
        var second = DeclaredStudent.PathOf(await DeclaredStudent.RecordAsync(factory.Services, "student-a", DeclaredStudent.Profile(declarationNumber: 2)));

        Assert.NotEqual(first, second);
        await AssertExpiredAsync(first);
        Assert.Equal(HttpStatusCode.OK, (await factory.CreateClient().GetAsync(second)).StatusCode);
    }

    [Fact]
    public async Task A_long_link_sent_before_the_short_ones_still_opens_the_same_declaration_until_it_expires()
    {
        var shortPath = DeclaredStudent.PathOf(await DeclaredStudent.RecordAsync(factory.Services, "student-a", DeclaredStudent.Profile()));
        var longPath = DeclaredStudent.PathOf(DeclaredStudent.LinkFor(factory.Services, "student-a"));
        var client = factory.CreateClient();
        Assert.StartsWith("/forms/", longPath);
        Assert.True(longPath.Length > 3 * shortPath.Length / 2, $"{longPath.Length} vs {shortPath.Length}");

        var fromLong = await client.GetStringAsync(longPath);
        var fromShort = await client.GetStringAsync(shortPath);
        var receipt = "Mã biên nhận: <strong>VSS-" + shortPath["/p/".Length..^13] + "</strong>";
        Assert.Contains(receipt, fromShort);
        Assert.Contains(receipt, fromLong);
        Assert.Contains("Phạm Thu Hà", fromLong);

        clock.Advance(TimeSpan.FromDays(14)); // the long link's own lifetime (Printing:LinkLifetime)
        await AssertExpiredAsync(longPath);
    }

    [Fact]
    public async Task Every_value_is_HTML_encoded()
    {
        var profile = DeclaredStudent.Profile("<script>alert('x')</script> Hà");
        profile.Form.Answers["address"] = new("1", "\"><img src=x onerror=alert(1)>, Phường Hoa Lư, Tỉnh Ninh Bình");
        await DeclaredStudent.SaveAsync(factory.Services, "student-a", profile);

        var html = await factory.CreateClient().GetStringAsync(DeclaredStudent.PathOf(DeclaredStudent.LinkFor(factory.Services, "student-a")));

        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img", html);
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt; Hà", html);
        Assert.Contains("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;", html);
    }

    [Fact]
    public async Task A_tampered_link_gets_404_with_a_page_saying_to_ask_the_bot_again()
    {
        await DeclaredStudent.SaveAsync(factory.Services, "student-a", DeclaredStudent.Profile());
        var path = DeclaredStudent.PathOf(DeclaredStudent.LinkFor(factory.Services, "student-a"));
        var tampered = path[..^3] + (path[^3] == 'A' ? 'B' : 'A') + path[^2..];

        foreach (var url in new[] { tampered, tampered + ".pdf", "/forms/abc", "/forms/abc.pdf" })
            await AssertExpiredAsync(url);
    }

    [Fact]
    public async Task A_link_past_its_lifetime_gets_404()
    {
        await DeclaredStudent.SaveAsync(factory.Services, "student-a", DeclaredStudent.Profile());
        var path = DeclaredStudent.PathOf(DeclaredStudent.LinkFor(factory.Services, "student-a"));
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);

        clock.Advance(TimeSpan.FromDays(14));

        await AssertExpiredAsync(path);
        await AssertExpiredAsync(path + ".pdf");
    }

    [Fact]
    public async Task Another_students_link_cannot_open_this_students_form()
    {
        await DeclaredStudent.SaveAsync(factory.Services, "student-a", DeclaredStudent.Profile("Phạm Thu Hà"));
        await DeclaredStudent.SaveAsync(factory.Services, "student-b", DeclaredStudent.Profile("Lê Văn Bình"));
        var client = factory.CreateClient();

        var b = await client.GetStringAsync(DeclaredStudent.PathOf(DeclaredStudent.LinkFor(factory.Services, "student-b")));

        Assert.Contains("Lê Văn Bình", b);
        Assert.DoesNotContain("Phạm Thu Hà", b);
        // A student who has not declared, and a declaration the student has not made, open nothing.
        await AssertExpiredAsync(DeclaredStudent.PathOf(DeclaredStudent.LinkFor(factory.Services, "student-c")));
        await AssertExpiredAsync(DeclaredStudent.PathOf(DeclaredStudent.LinkFor(factory.Services, "student-a", declarationNumber: 2)));
    }

    [Fact]
    public async Task A_link_to_an_earlier_declaration_opens_nothing_once_the_student_declared_again()
    {
        await DeclaredStudent.SaveAsync(factory.Services, "student-a", DeclaredStudent.Profile(declarationNumber: 1));
        var first = DeclaredStudent.PathOf(DeclaredStudent.LinkFor(factory.Services, "student-a", 1));
        await DeclaredStudent.SaveAsync(factory.Services, "student-a", DeclaredStudent.Profile(declarationNumber: 2));

        await AssertExpiredAsync(first);
        Assert.Equal(HttpStatusCode.OK,
            (await factory.CreateClient().GetAsync(DeclaredStudent.PathOf(DeclaredStudent.LinkFor(factory.Services, "student-a", 2)))).StatusCode);
    }

    [Fact]
    public async Task The_PDF_is_an_A4_document_with_the_students_name_in_Vietnamese_and_every_label()
    {
        await DebianPackage.EnsureAsync("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf", "fonts-dejavu-core");
        await DeclaredStudent.SaveAsync(factory.Services, "student-a", DeclaredStudent.Profile());
        var path = DeclaredStudent.PathOf(DeclaredStudent.LinkFor(factory.Services, "student-a")) + ".pdf";

        var response = await factory.CreateClient().GetAsync(path);
        var bytes = await response.Content.ReadAsByteArrayAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("%PDF", Encoding.ASCII.GetString(bytes, 0, 4));
        var kept = Path.Combine(AppContext.BaseDirectory, "browser", "form01.pdf"); // beside the browser screenshot, to look at
        Directory.CreateDirectory(Path.GetDirectoryName(kept)!);
        await File.WriteAllBytesAsync(kept, bytes);
        // The whole font file is embedded: PDFsharp's subsets lose the letters with two marks (ố, ệ, ẫ) when drawn.
        Assert.True(bytes.Length > 400_000, $"The PDF is {bytes.Length} bytes: is DejaVu Sans subset again?");
        using var pdf = PdfDocument.Open(bytes);
        var first = pdf.GetPage(1);
        Assert.Equal(595, first.Width, 0);
        Assert.Equal(842, first.Height, 0);
        var text = string.Join("\n", pdf.GetPages().Select(p => string.Join(" ", p.GetWords().Select(w => w.Text))));
        Assert.Contains("Phạm Thu Hà", text);
        Assert.Contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", text);
        foreach (var field in factory.Services.GetRequiredService<Form01Definition>().Fields)
            Assert.Contains(field.Label, text);
        Assert.Contains("11/03/2026", text);
        Assert.Contains("NGƯỜI KHAI", text);
    }

    [Fact]
    public async Task Without_the_font_the_PDF_says_so_and_the_page_still_prints()
    {
        using var noFont = new VssBotFactory(null, new Dictionary<string, string?>
        {
            ["Printing:FontPath"] = "/nonexistent/VssBotMissing.ttf", ["Printing:PublicBaseUrl"] = PublicBaseUrl,
        });
        await DeclaredStudent.SaveAsync(noFont.Services, "student-a", DeclaredStudent.Profile());
        var path = DeclaredStudent.PathOf(DeclaredStudent.LinkFor(noFont.Services, "student-a"));
        var client = noFont.CreateClient();

        var pdf = await client.GetAsync(path + ".pdf");

        Assert.Equal(HttpStatusCode.ServiceUnavailable, pdf.StatusCode);
        Assert.Contains("Chưa tạo được bản PDF", await pdf.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync(path)).StatusCode);
    }

    private async Task AssertExpiredAsync(string path)
    {
        var response = await factory.CreateClient().GetAsync(path);
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Liên kết đã hết hạn", html);
        Assert.Contains("“tiến độ”", html);
        Assert.DoesNotContain("Phạm Thu Hà", html);
    }

    private static int IndexAfter(string html, string text, int from)
    {
        var index = html.IndexOf(text, from, StringComparison.Ordinal);
        Assert.True(index >= 0, $"\"{text}\" is missing after position {from} (or out of order).");
        return index + text.Length;
    }
}
