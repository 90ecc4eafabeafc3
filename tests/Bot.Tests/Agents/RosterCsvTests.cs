using System.Text;
using VssBot.Bot.Agents.School;

namespace VssBot.Bot.Tests.Agents;

/// <summary>The roster file as spreadsheets write it, read by CsvHelper.</summary>
public sealed class RosterCsvTests
{
    private static async Task<List<RosterCsvRecord>> ReadAsync(byte[] bytes)
    {
        var records = new List<RosterCsvRecord>();
        await foreach (var record in RosterCsv.ReadAsync(new MemoryStream(bytes), CancellationToken.None))
            records.Add(record with { Fields = record.Fields.ToArray() });
        return records;
    }

    private static byte[] Utf8WithBom(string text) => [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text)];

    [Fact]
    public async Task A_BOM_quoted_commas_doubled_quotes_and_a_line_break_inside_quotes_read_as_Excel_wrote_them()
    {
        var records = await ReadAsync(Utf8WithBom(
            "Mã SV,Họ và tên,Lớp,Khoa,GVCN\r\n"
            + "2021002,\"Lê Thị Bình, Jr\",K66CA,\"Công nghệ \"\"thông tin\"\"\",Trần Thị Bích\r\n"
            + "\r\n"
            + "2021003,\"Phạm Minh\nChâu\",K66KT,Kinh tế,Phạm Văn Cường\r\n"
            + "2021004,Đỗ Hà,K66KT,Kinh tế,Phạm Văn Cường"));

        Assert.Equal(["Mã SV", "Họ và tên", "Lớp", "Khoa", "GVCN"], records[0].Fields); // the BOM is not part of the first field
        Assert.Equal(["2021002", "Lê Thị Bình, Jr", "K66CA", "Công nghệ \"thông tin\"", "Trần Thị Bích"], records[1].Fields);
        Assert.Equal(["2021003", "Phạm Minh\nChâu", "K66KT", "Kinh tế", "Phạm Văn Cường"], records[2].Fields);
        // Lines of the file: the blank line is skipped but counted, and so is the line break inside quotes.
        Assert.Equal([1, 2, 4, 6], records.Select(r => r.Line));
        Assert.Equal(4, records.Count);
    }

    [Fact]
    public async Task Semicolons_as_a_Vietnamese_Excel_writes_them_are_detected()
    {
        var records = await ReadAsync(Encoding.UTF8.GetBytes("2021003;\"Phạm; Minh Châu\";K66KT2;Kinh tế;Phạm Văn Cường\n2021004;Đỗ Hà;K66KT;Kinh tế;Phạm Văn Cường\n"));

        Assert.Equal(["2021003", "Phạm; Minh Châu", "K66KT2", "Kinh tế", "Phạm Văn Cường"], records[0].Fields);
        Assert.Equal(5, records[1].Fields.Count);
    }

    [Fact]
    public async Task A_decomposed_or_composed_name_keeps_its_letters()
    {
        var composed = "Nguyễn Thị Ánh";
        var records = await ReadAsync(Utf8WithBom($"2021005,{composed},K66,Luật,{composed.Normalize(NormalizationForm.FormD)}\n"));

        Assert.Equal(composed, records[0].Fields[1]);
        Assert.Equal(composed, records[0].Fields[4].Normalize(NormalizationForm.FormC));
    }
}
