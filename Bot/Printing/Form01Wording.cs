namespace VssBot.Bot.Printing;

/// <summary>
/// The fixed wording of the printed Form 01 (mẫu số 01, công văn 5236/VBHN-BLĐTBXH, as the portal prints it) and of the
/// page around it. Labels of the fields themselves come from <c>Form01/Data/form01-fields.json</c>.
/// </summary>
public static class Form01Wording
{
    public const string Nation = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    public const string Motto = "Độc lập - Tự do - Hạnh phúc";
    public const string FormNumber = "Mẫu số 01";
    public const string Title = "TỜ KHAI";
    public const string Subtitle = "Đăng ký sử dụng, điều chỉnh thông tin và ngừng sử dụng phương thức giao dịch điện tử trong lĩnh vực bảo hiểm xã hội";

    public const string Preamble = "Theo Nghị định số 166/2016/NĐ-CP ngày 24 tháng 12 năm 2016 của Chính phủ, cơ quan/tổ chức/cá nhân tôi có đủ "
        + "các điều kiện sử dụng phương thức giao dịch điện tử. Cơ quan/tổ chức/cá nhân tôi đăng ký, điều chỉnh thông tin và ngừng sử dụng "
        + "phương thức giao dịch điện tử trong lĩnh vực bảo hiểm xã hội với cơ quan Bảo hiểm xã hội như sau:";

    public const string Commitment = "Cơ quan/tổ chức/cá nhân tôi cam kết hoàn toàn chịu trách nhiệm trước pháp luật về tính chính xác, trung thực "
        + "của nội dung nêu trên và thực hiện giao dịch điện tử trong lĩnh vực bảo hiểm xã hội theo đúng quy định của pháp luật.";

    /// <summary>The place and date line above the signature, left blank to be written by hand.</summary>
    public const string DateLine = "……………, ngày …… tháng …… năm ……";
    public const string Signer = "NGƯỜI KHAI";
    public const string SignerNote = "(Ký, ghi rõ họ tên)";

    public const string Checked = "☒";
    public const string Unchecked = "☐";

    public const string PageTitle = "Tờ khai mẫu số 01 để in";
    public const string PrintButton = "In tờ khai";
    public const string PdfLink = "Tải PDF";
    public const string NextStepsTitle = "Nộp tờ khai";
    public const string NextSteps = "In tờ khai, ký và ghi rõ họ tên, rồi mang cùng thẻ căn cước/CCCD (hoặc hộ chiếu) đến cơ quan BHXH đã chọn.";
    public const string DeadlinePrefix = "Hạn nộp: hết ngày ";
    public const string DeadlineNote = "Quá hạn, tờ khai điện tử sẽ tự động bị xóa.";
    public const string ReceiptPrefix = "Mã biên nhận: ";
    public const string OfficeAddressPrefix = "Địa chỉ: ";
    public const string OfficeAddressUnknown = "xem địa chỉ trên Cổng dịch vụ công BHXH";
    public const string OfficePhonePrefix = "Điện thoại: ";
    public const string OfficeHoursPrefix = "Giờ làm việc: ";
    public const string OfficeHoursUnknown = "xem giờ làm việc trên Cổng dịch vụ công";

    public const string ExpiredTitle = "Liên kết đã hết hạn";
    public const string Expired = "Liên kết đến tờ khai này đã hết hạn hoặc không đúng. Bạn hãy nhắn “tiến độ” cho trợ lý VssBot để nhận liên kết mới nhé.";
    public const string PdfUnavailable = "Chưa tạo được bản PDF lúc này. Bạn hãy dùng nút “In tờ khai” trên trang tờ khai, hoặc thử lại sau nhé.";

    /// <summary>"17 tháng 08 năm 2020": how the form writes a date after "ngày".</summary>
    public static string LongDate(DateOnly date) => $"{date.Day:00} tháng {date.Month:00} năm {date.Year}";
}
