namespace VssBot.Bot.Tests.Agents;

/// <summary>The school dashboard in headless Chromium against the real host on Kestrel.</summary>
public sealed class SchoolDashboardBrowserTests
{
    [Fact]
    public async Task Staff_sign_in_import_a_roster_csv_and_see_the_counts_per_class()
    {
        await using var host = new AgentsHost();
        var baseUrl = AgentConsoleBrowserTests.StartOnKestrel(host);
        var csv = Path.Combine(Directory.CreateTempSubdirectory("vssbot-roster-").FullName, "danh-sach.csv");
        await File.WriteAllTextAsync(csv, """
            Mã SV;Họ và tên;Lớp;Khoa;GVCN
            4021001;Hoàng Văn Nam;K68A;Kinh tế;Mai Thị Hoa
            4021002;Phan Thị Ngọc;K68A;Kinh tế;Mai Thị Hoa
            4021003;Trịnh Gia Bảo;K68B;Kinh tế;Mai Thị Hoa
            ;Thiếu mã;K68B;Kinh tế;Mai Thị Hoa
            """, new System.Text.UTF8Encoding(true));
        try
        {
            await using var browser = await WebDriver.StartAsync();
            await browser.SignInAsync(baseUrl + "/school", "cuc", AgentsHost.Password);
            await browser.WaitForTextAsync("#summary", "0/0 sinh viên");

            await browser.ChooseFileAsync("#rosterFile", csv);
            await browser.ClickAsync("#import");

            await browser.WaitForTextAsync("#importResult", "Thêm 3, cập nhật 0, bỏ qua dòng 5");
            await browser.WaitForTextAsync("#summary", "0/3 sinh viên đã có tài khoản VssID");
            var table = await browser.TextAsync("#completion");
            Assert.Contains("Kinh tế K68A 2 2", table); // faculty, class, total, not started
            Assert.Contains("Kinh tế K68B 1 1", table);
        }
        finally
        {
            Directory.Delete(Path.GetDirectoryName(csv)!, recursive: true);
        }
    }
}
