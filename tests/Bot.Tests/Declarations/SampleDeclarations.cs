using Microsoft.Bot.Schema;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01;

namespace VssBot.Bot.Tests.Declarations;

/// <summary>Confirmed declarations shaped as MainDialog builds them (each field's Value/Data as its reader produces them).</summary>
public static class SampleDeclarations
{
    public static readonly DateTimeOffset ConfirmedAt = new(2026, 11, 25, 3, 0, 0, TimeSpan.Zero);

    public static ConfirmedDeclaration Confirmed(string key, string userId = "student-1", string serviceUrl = "http://localhost:1") => new(
        key, new StudentKey("emulator", userId), "emulator",
        new ConversationReference
        {
            ChannelId = "emulator",
            ServiceUrl = serviceUrl,
            Conversation = new ConversationAccount(id: "conv-" + userId),
            User = new ChannelAccount(userId, "Phạm Thu Hà"),
            Bot = new ChannelAccount("vssbot", "VssBot"),
        },
        new Dictionary<string, FieldAnswer>
        {
            ["fullName"] = new("Phạm Thu Hà", "Phạm Thu Hà"),
            ["socialInsuranceNumber"] = new("0113099841", "0113099841", new() { ["kind"] = "socialInsuranceCode" }),
            ["idDocument"] = new("036303012345", "036303012345", new() { ["kind"] = "personalId", ["birthYear"] = "2003" }),
            ["address"] = new("14380", "so 1 duong tran hung dao, Phường Hoa Lư, Tỉnh Ninh Bình", new()
            {
                ["provinceCode"] = "37", ["provinceName"] = "Tỉnh Ninh Bình", ["communeCode"] = "14380", ["communeName"] = "Phường Hoa Lư",
                ["detail"] = "so 1 duong tran hung dao", ["dataSetVersion"] = "2025-07-01",
            }),
            ["idPhotos"] = new("skipped", "Bỏ qua"),
            ["contactPerson"] = new("Phạm Thu Hà", "Phạm Thu Hà", new() { ["self"] = "true" }),
            ["email"] = new("ha.pham@gmail.com", "ha.pham@gmail.com"),
            ["phone"] = new("+84912345678", "0912 345 678"),
            ["startDate"] = new("2026-11-25", "25/11/2026"),
            ["channel"] = new("portal", "Cổng thông tin điện tử của Bảo hiểm xã hội Việt Nam"),
            ["commitment"] = new("accepted", "Đồng ý"),
            ["office"] = new("ninhbinh-hoalu", "BHXH cơ sở Hoa Lư", new() { ["name"] = "BHXH cơ sở Hoa Lư", ["address"] = "Phường Hoa Lư, Ninh Bình" }),
            ["submissionMethod"] = new("office", "Tại nơi tiếp nhận hồ sơ"),
        },
        "2026.1", ConfirmedAt);
}
