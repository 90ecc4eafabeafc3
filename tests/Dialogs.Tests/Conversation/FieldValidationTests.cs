namespace VssBot.Dialogs.Tests.Conversation;

/// <summary>Every Form 01 field: a bad answer gets a clear Vietnamese reason, nothing is stored, and a good answer then passes.</summary>
public class FieldValidationTests
{
    public static TheoryData<string, string, string, string> BadThenGood => new()
    {
        // field, bad input, expected fragment of the reply, good input
        { "fullName", "123", "Bạn nhập lại họ và tên đầy đủ", "Lê Thị Hồng" },
        { "fullName", "an", "Bạn nhập lại họ và tên đầy đủ", "Lê Thị Hồng" },
        { "fullName", "nguyen van an", "Tờ khai cần họ tên có dấu", "Nguyễn Văn An" },
        { "socialInsuranceNumber", "123456789", "giống số CMND cũ", "0113099841" },
        { "socialInsuranceNumber", "12345", "chưa đúng độ dài", "0113099841" },
        { "socialInsuranceNumber", "không biết", "mã số BHXH", "001203012345" },
        { "idDocument", "123456789", "CMND 9 số đã hết hạn", "001203012345" },
        { "idDocument", "12345678901", "đúng 12 chữ số", "001203012345" },
        { "idDocument", "xin lỗi", "số giấy tờ", "C1234567" },
        { "address", "sao hỏa", "Mình chưa nhận ra tỉnh/thành phố này", "Hà Nội" },
        { "contactPerson", "không", "họ và tên đầy đủ của người liên hệ", "Nguyễn Thị Lan" },
        { "email", "an@", "Bạn nhập email đúng dạng", "an@gmail.com" },
        { "email", "an@@gmail", "Bạn nhập email đúng dạng", "không có" },
        { "phone", "024 3224 2059", "số máy bàn", "0912345678" },
        { "phone", "091234567", "đúng 10 chữ số", "0912345678" },
        { "phone", "+1 202 555 0100", "số di động Việt Nam", "+84 912 345 678" },
        { "startDate", "1/1/2020", "không được ở quá khứ", "hôm nay" },
        { "startDate", "31/2/2027", "ngày/tháng/năm", "26/11/2026" },
        { "startDate", "25/12/2026", "xa quá", "mai" },
        { "channel", "5", "Bạn chọn một trong hai nút", "cổng thông tin" },
        { "commitment", "không", "Tờ khai chỉ được ghi nhận khi bạn cam kết", "đồng ý" },
        { "commitment", "để mình nghĩ", "Bạn bấm “Đồng ý”", "ok" },
        { "office", "văn phòng ở sao hỏa", "Mình chưa nhận ra cơ quan này", "BHXH cơ sở Sơn Tây" },
        { "submissionMethod", "bằng bồ câu", "Bạn chọn một trong hai nút", "bưu điện" },
    };

    [Theory]
    [MemberData(nameof(BadThenGood))]
    public async Task A_bad_answer_is_explained_and_not_stored_then_a_good_one_passes(string field, string bad, string expected, string good)
    {
        var harness = new StudentBotHarness();
        await harness.SeedAsync(field);
        var question = await harness.SendAsync("tiếp tục");
        Assert.Contains(question, r => r.Text?.Contains("Câu") == true);

        var replies = await harness.SendAsync(bad);
        Assert.Contains(replies, r => r.Text?.Contains(expected, StringComparison.Ordinal) == true);
        Assert.Null((await harness.ProfileAsync()).Form.Get(field));

        await harness.SendAsync(good);
        if (field == "address")
        {
            await harness.SendAsync("Phúc Thọ");
            await harness.SendAsync("Thôn 4 Thủ Trại");
        }
        Assert.NotNull((await harness.ProfileAsync()).Form.Get(field));
    }

    [Fact]
    public async Task A_commune_that_does_not_exist_since_2025_is_explained_and_near_misses_are_offered()
    {
        var harness = new StudentBotHarness();
        await harness.SeedAsync("address");
        await harness.SendAsync("tiếp tục");
        await harness.SendAsync("ha noi");

        var unknown = await harness.SendAsync("xyzxyz");
        Assert.Contains(unknown, r => r.Text?.Contains("Mình chưa tìm thấy phường/xã này ở Thành phố Hà Nội") == true);

        var nearMiss = await harness.SendAsync("phuc");
        var pick = Assert.Single(nearMiss, r => r.SuggestedActions?.Actions?.Count > 1);
        Assert.Contains(pick.SuggestedActions.Actions, a => a.Title == "Xã Phúc Thọ");

        await harness.SendAsync("Xã Phúc Thọ");
        await harness.SendAsync("Thôn 4 Thủ Trại");
        var address = (await harness.ProfileAsync()).Form.Get("address")!;
        Assert.Equal("Thôn 4 Thủ Trại, Xã Phúc Thọ, Thành phố Hà Nội", address.Display);
        Assert.Equal("01", address.Data["provinceCode"]);
        Assert.False(string.IsNullOrEmpty(address.Data["dataSetVersion"]));
    }

    [Fact]
    public async Task A_file_that_is_not_an_image_is_refused_for_the_id_photos()
    {
        var harness = new StudentBotHarness();
        await harness.SeedAsync("idPhotos");
        await harness.SendAsync("tiếp tục");
        var activity = new Microsoft.Bot.Schema.Activity(Microsoft.Bot.Schema.ActivityTypes.Message)
        {
            Attachments = [new Microsoft.Bot.Schema.Attachment("application/pdf", "https://example.invalid/cv.pdf", name: "cv.pdf")],
        };
        var replies = await harness.SendAsync(activity);
        Assert.Contains(replies, r => r.Text?.Contains("không phải ảnh") == true);
        Assert.Null((await harness.ProfileAsync()).Form.Get("idPhotos"));
    }
}
