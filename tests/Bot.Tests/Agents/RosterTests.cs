using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace VssBot.Bot.Tests.Agents;

public sealed class RosterTests(AgentsHost host) : IClassFixture<AgentsHost>
{
    private static MultipartFormDataContent Csv(string text)
    {
        var bytes = Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(text)).ToArray();
        return new MultipartFormDataContent { { new ByteArrayContent(bytes), "file", "danh-sach.csv" } };
    }

    [Fact]
    public async Task A_roster_csv_with_a_bom_and_a_header_is_imported_and_bad_lines_are_reported()
    {
        var staff = await host.SignInAsync("cuc");
        var response = await staff.PostAsync("/api/school/roster", Csv("""
            Mã SV,Họ và tên,Lớp,Khoa,GVCN
            2021001,Nguyễn Văn An,K66CA,Công nghệ thông tin,Trần Thị Bích
            2021002,"Lê Thị Bình, Jr",K66CA,Công nghệ thông tin,Trần Thị Bích
            ,Thiếu mã,K66CB,Kinh tế,Phạm Văn Cường
            2021003,Phạm Minh Châu,K66KT,Kinh tế,Phạm Văn Cường
            """));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(3, result.GetProperty("added").GetInt32());
        Assert.Equal(0, result.GetProperty("updated").GetInt32());
        Assert.Equal([4], result.GetProperty("skippedLines").EnumerateArray().Select(l => l.GetInt32()));

        result = await (await staff.PostAsync("/api/school/roster", Csv("2021003;Phạm Minh Châu;K66KT2;Kinh tế;Phạm Văn Cường\n2021004;Đỗ Hà;K66KT;Kinh tế;Phạm Văn Cường\n")))
            .Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(1, result.GetProperty("added").GetInt32());
        Assert.Equal(1, result.GetProperty("updated").GetInt32());

        var completion = await staff.GetFromJsonAsync<JsonElement>("/api/school/completion");
        Assert.Equal(4, completion.GetProperty("total").GetInt32());
        var csv = await staff.GetStringAsync("/api/school/unfinished.csv");
        Assert.Contains("\"Lê Thị Bình, Jr\"", csv);
    }

    [Fact]
    public async Task A_file_with_an_unclosed_quote_gets_a_polite_Vietnamese_400_and_nothing_is_imported()
    {
        var staff = await host.SignInAsync("cuc");
        var before = (await staff.GetFromJsonAsync<JsonElement>("/api/school/completion")).GetProperty("total").GetInt32();
        var unclosed = "2029001,\"Vũ Thị Mai,K67A,Luật,Hồ Văn Sơn\n" + string.Concat(Enumerable.Repeat("2029002,Đặng Quốc Huy,K67A,Luật,Hồ Văn Sơn\n", 4000));

        var response = await staff.PostAsync("/api/school/roster", Csv(unclosed));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("Không đọc được tệp CSV", (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("problem").GetString());
        Assert.Equal(before, (await staff.GetFromJsonAsync<JsonElement>("/api/school/completion")).GetProperty("total").GetInt32());
    }
}
