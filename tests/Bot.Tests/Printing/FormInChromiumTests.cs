using System.Buffers.Binary;
using System.Net;
using System.Net.Sockets;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;
using VssBot.Bot.Tests.Channels.BotFramework;

namespace VssBot.Bot.Tests.Printing;

/// <summary>
/// The real host on Kestrel at 127.0.0.1: a student declares through POST /api/messages, and the link the bot sends after
/// "Ghi nhận" is opened in Debian's headless Chromium (installed when missing), which renders the form.
/// </summary>
public sealed partial class FormInChromiumTests
{
    private const string Chromium = "/usr/bin/chromium";

    [Fact]
    public async Task The_link_sent_after_Ghi_nhan_renders_the_students_form_in_a_real_browser()
    {
        await DebianPackage.EnsureAsync(Chromium, "chromium");
        var port = FreePort();
        var baseUrl = $"http://127.0.0.1:{port}";
        using var factory = new VssBotFactory(null, new Dictionary<string, string?> { ["Printing:PublicBaseUrl"] = baseUrl });
        factory.UseKestrel(options => options.Listen(IPAddress.Loopback, port));
        factory.StartServer();
        using var client = new HttpClient { BaseAddress = new Uri(baseUrl) };

        var link = await DeclareAsync(client, "chromium-declaration");
        Assert.StartsWith(baseUrl + "/p/", link);

        var profile = Directory.CreateTempSubdirectory("vssbot-chromium-");
        try
        {
            var dom = await ChromiumAsync(profile.FullName, "--dump-dom", link);
            Assert.Contains("Phạm Thu Hà", dom);
            Assert.Contains("036303012345", dom);
            Assert.Contains("TỜ KHAI", dom);

            var screenshot = Path.Combine(AppContext.BaseDirectory, "browser", "form01.png");
            Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
            File.Delete(screenshot);
            await ChromiumAsync(profile.FullName, $"--screenshot={screenshot}", "--window-size=1240,1754", link);
            var png = await File.ReadAllBytesAsync(screenshot);
            Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
            Assert.Equal(1240, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
            Assert.Equal(1754, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
            Assert.True(png.Length > 40_000, $"The screenshot is only {png.Length} bytes: the page did not render.");

            // Printed (A4 print CSS): the form on page 1 without the buttons, the office box on a page of its own.
            var printed = Path.Combine(Path.GetDirectoryName(screenshot)!, "form01-printed.pdf");
            File.Delete(printed);
            await ChromiumAsync(profile.FullName, $"--print-to-pdf={printed}", "--no-pdf-header-footer", link);
            using var pdf = UglyToad.PdfPig.PdfDocument.Open(printed);
            Assert.Equal(2, pdf.NumberOfPages);
            var page1 = string.Join(" ", pdf.GetPage(1).GetWords().Select(w => w.Text));
            Assert.Equal(595, pdf.GetPage(1).Width, 0);
            Assert.Contains("NGƯỜI KHAI", page1);
            Assert.DoesNotContain("In tờ khai", page1);
            Assert.Contains("Hạn nộp", string.Join(" ", pdf.GetPage(2).GetWords().Select(w => w.Text)));
        }
        finally
        {
            profile.Delete(recursive: true);
        }
    }

    /// <summary>The conversation of <see cref="DeclarationOverHttpTests"/> in short; returns the link in the reply to "ghi nhan".</summary>
    private static async Task<string> DeclareAsync(HttpClient client, string conversation)
    {
        foreach (var (say, expected) in new[]
                 {
                     ("xin chao", "Bạn đã cài ứng dụng VssID trên điện thoại chưa?"), ("roi", "Bạn đồng ý chứ?"), ("dong y", "Câu 1"),
                     ("Phạm Thu Hà", "Câu 2"), ("0113099841", "Câu 3"), ("cccd 036 303 012 345", "Câu 4"), ("nam dinh", "Nam Định"),
                     ("hoa lu", "Số nhà"), ("so 1 duong tran hung dao", "Câu 5"), ("bo qua", "Câu 6"), ("dung", "Câu 7"),
                     ("ha.pham@gmail.com", "Câu 8"), ("0912345678", "Câu 9"), ("hom nay", "Câu 10"), ("cong thong tin", "Câu 11"),
                     ("dong y", "Câu 12"), ("1", "Câu 13"), ("tai co quan", "Tại nơi tiếp nhận hồ sơ"),
                 })
            await DeclarationOverHttpTests.Expect(client, conversation, say, expected);

        var replies = await client.ReplyTextsAsync(conversation, "ghi nhan");
        var text = string.Join("\n", replies);
        Assert.Contains("Đã ghi nhận tờ khai", text);
        var link = LinkPattern().Match(text);
        Assert.True(link.Success, $"No printable form link after \"ghi nhan\":\n{text}");

        // The status repeats the same kind of link.
        var status = string.Join("\n", await client.ReplyTextsAsync(conversation, "tien do"));
        Assert.Matches(LinkPattern(), status);
        return link.Value;
    }

    private static Task<string> ChromiumAsync(string userDataDir, params string[] arguments) =>
        ExternalProcess.ReadAsync(Chromium,
            ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", "--hide-scrollbars", $"--user-data-dir={userDataDir}", .. arguments],
            TimeSpan.FromMinutes(2));

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [GeneratedRegex(@"https?://\S+?/p/[A-Za-z0-9_-]+")]
    private static partial Regex LinkPattern();
}
