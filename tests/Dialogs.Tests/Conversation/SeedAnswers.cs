using VssBot.Dialogs.Form01;

namespace VssBot.Dialogs.Tests.Conversation;

/// <summary>A complete, valid Form 01 (the seed's example moved to 2026 rules), in the portal's order.</summary>
public static class SeedAnswers
{
    public static readonly IReadOnlyList<(string Key, FieldAnswer Answer)> All =
    [
        ("fullName", new("Nguyễn Thành Biên", "Nguyễn Thành Biên")),
        ("socialInsuranceNumber", new("0113099841", "0113099841", new() { ["kind"] = "socialInsuranceCode" })),
        ("idDocument", new("001203012345", "001203012345", new() { ["kind"] = "personalId" })),
        ("address", new("09715", "Thôn 4 Thủ Trại, Xã Phúc Thọ, Thành phố Hà Nội", new()
        {
            ["provinceCode"] = "01", ["provinceName"] = "Thành phố Hà Nội", ["communeCode"] = "09715",
            ["communeName"] = "Xã Phúc Thọ", ["detail"] = "Thôn 4 Thủ Trại", ["dataSetVersion"] = "2025-07-01+2026-04-30",
        })),
        ("idPhotos", new("skipped", "Không gửi ảnh (mang thẻ gốc khi nộp)")),
        ("contactPerson", new("Nguyễn Thành Biên", "Nguyễn Thành Biên", new() { ["self"] = "true" })),
        ("email", new("bien.nguyen@gmail.com", "bien.nguyen@gmail.com")),
        ("phone", new("+84983847986", "0983847986")),
        ("startDate", new("2026-11-25", "25/11/2026")),
        ("channel", new("portal", "Cổng thông tin điện tử của Bảo hiểm xã hội Việt Nam")),
        ("commitment", new("accepted", "Đã đồng ý cam kết")),
        ("office", new("bhxh-co-so-son-tay", "BHXH cơ sở Sơn Tây", new() { ["name"] = "BHXH cơ sở Sơn Tây" })),
        ("submissionMethod", new("office", "Tại nơi tiếp nhận hồ sơ theo quy định của Bảo hiểm xã hội Việt Nam")),
    ];
}
