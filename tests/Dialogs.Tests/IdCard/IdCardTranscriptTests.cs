using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Dialogs.Form01.IdCard;
using VssBot.Dialogs.Tests.Conversation;

namespace VssBot.Dialogs.Tests.IdCard;

/// <summary>
/// The images a channel holds, by attachment name: the host's fetching stands in here, the photos are real JPEGs with real
/// QR codes, read by the real decoder.
/// </summary>
public sealed class NamedImages : IAttachmentContent
{
    public Dictionary<string, byte[]> Images { get; } = [];

    public Task<AttachmentContent> ReadAsync(Attachment attachment, long maxBytes, CancellationToken cancellationToken)
        => Task.FromResult(Images.TryGetValue(attachment.Name ?? "", out var bytes)
            ? bytes.Length > maxBytes ? AttachmentContent.Oversized : new AttachmentContent(bytes, false)
            : AttachmentContent.Unavailable);
}

/// <summary>Form 01 with a photo of the ID card: the QR code fills what it can, the form asks only what is left.</summary>
public class IdCardTranscriptTests
{
    /// <summary>A 2021 chip CCCD of a student born 2004 in Hà Nội, with the old three-level address of before 7/2025.</summary>
    private static readonly IdCardQr An = new("001304012345", null, "Nguyễn Thị Ánh Tuyết", new DateOnly(2004, 3, 9), true,
        "Thôn 4 Thủ Trại, Xã Phúc Hòa, Huyện Phúc Thọ, Thành phố Hà Nội", new DateOnly(2022, 5, 20));

    /// <summary>A 2024 căn cước (QR code on the back).</summary>
    private static readonly IdCardQr Bao = new("079205001234", null, "Trần Quốc Bảo", new DateOnly(2005, 12, 30), false,
        "Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh", new DateOnly(2024, 8, 2));

    private static StudentBotHarness Harness(IdCardPhotoOptions? options = null)
    {
        var images = new NamedImages();
        images.Images["the-front.jpg"] = CardPhotoGenerator.Photo(CardPhotoGenerator.QrText(An), PhotoConditions.Clean with { RotationDegrees = 12 }, 1);
        images.Images["the-back.jpg"] = CardPhotoGenerator.Photo(CardPhotoGenerator.QrText(Bao), PhotoConditions.Clean with { JpegQuality = 50 }, 2);
        images.Images["a-bank-code.png"] = CardPhotoGenerator.BareQr("00020101021238570010A000000727012700069704220113VQRQ00012345670208QRIBFTTA53037045802VN6304ABCD");
        var damaged = CardPhotoGenerator.QrText(An with { BirthDate = new DateOnly(2005, 3, 9) }); // number says 2004
        images.Images["damaged.jpg"] = CardPhotoGenerator.Photo(damaged, PhotoConditions.Clean, 3);
        images.Images["blank.jpg"] = CardPhotoGenerator.Photo("x", PhotoConditions.Clean with { CardWidthShare = 0.01f }, 4);
        return new StudentBotHarness(configure: services =>
        {
            services.AddSingleton<IAttachmentContent>(images);
            if (options is not null) services.AddSingleton(options);
        });
    }

    private static readonly string[] ToTheForm = ["> xin chào", "> đã cài rồi", "> đồng ý", "< Cách nhanh nhất: gửi một ảnh mặt thẻ có mã QR", "< Câu 1"];

    [Fact]
    public Task APhotoAtTheStartFillsNameNumbersPhotoAndProposesTheAddressThenOnlyWhatIsLeftIsAsked() => Run(
        "> [image] the-front.jpg",
        "< Mình đọc được từ mã QR trên thẻ: Họ tên Nguyễn Thị Ánh Tuyết, Số định danh 001304012345, Địa chỉ thường trú Thôn 4 Thủ Trại, Xã Phúc Hòa, Huyện Phúc Thọ, Thành phố Hà Nội (theo địa giới mới: Thôn 4 Thủ Trại, Xã Phúc Thọ, Thành phố Hà Nội). Dùng các thông tin này nhé?",
        "<[ Dùng | Sửa | Mình tự nhập ]",
        "= nofield fullName",
        "> Dùng",
        "< Mình đã điền họ tên",
        "< Theo địa giới mới, địa chỉ của bạn là: Thôn 4 Thủ Trại, Xã Phúc Thọ, Thành phố Hà Nội. Đúng không?",
        "<! Câu 1",
        "<! Câu 2",
        "<! Câu 3",
        "= field fullName Nguyễn Thị Ánh Tuyết",
        "= field socialInsuranceNumber 001304012345",
        "= field idDocument 001304012345",
        "= field idPhotos front",
        "> đúng",
        "= field address 09715",
        "< Câu 6",
        "<! Câu 5");

    [Fact]
    public Task ACanCuocPhotoCountsAsTheBackAndAnotherContactAddressCanBeTyped() => Run(
        "> [image] the-back.jpg",
        "< Nơi cư trú Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh",
        "> ok",
        "= field idPhotos back",
        "= field socialInsuranceNumber 079205001234",
        "< Đúng không?",
        "> Không, nhập lại",
        "< Câu 4",
        "> Hà Nội",
        "> Cầu Giấy",
        "> 6 Trần Đăng Ninh",
        "< Câu 6");

    [Fact]
    public Task ACardNumberThatDisagreesWithTheTypedOneAsksWhichIsRight() => Run(
        "> Nguyễn Thị Ánh Tuyết",
        "< Câu 2",
        "> 001304099999",
        "< Câu 3",
        "> [image] the-front.jpg",
        "< Dùng các thông tin này nhé?",
        "> Dùng",
        "< Số định danh trên thẻ là 001304012345, còn bạn đã nhập 001304099999 cho mục “Mã số bảo hiểm xã hội”. Số nào đúng?",
        "<[ 001304012345 | 001304099999 ]",
        "= field socialInsuranceNumber 001304099999",
        "> 001304012345",
        "< Mình đã điền họ tên",
        "= field socialInsuranceNumber 001304012345",
        "= field idDocument 001304012345");

    [Fact]
    public Task KeepingTheTypedNumberKeepsIt() => Run(
        "> Nguyễn Thị Ánh Tuyết",
        "> 001304099999",
        "> [image] the-front.jpg",
        "> Dùng",
        "< Số nào đúng?",
        "> 001304099999",
        "= field socialInsuranceNumber 001304099999",
        "= field idDocument 001304012345");

    [Fact]
    public Task TypingMyselfFillsNothingAndTheQuestionIsAskedAgain() => Run(
        "> [image] the-front.jpg",
        "> Mình tự nhập",
        "< Được, bạn nhập tay nhé.",
        "< Câu 1",
        "= nofield fullName",
        "= nofield idPhotos");

    [Fact]
    public Task SửaFillsThenAsksWhichValueToCorrect() => Run(
        "> [image] the-front.jpg",
        "> Sửa",
        "< Mình đã điền họ tên",
        "< Bạn muốn sửa mục nào?",
        "= field fullName Nguyễn Thị Ánh Tuyết",
        "> họ tên",
        "< Câu 1",
        "> Nguyễn Thị Ánh Tuyết Hai",
        "= field fullName Nguyễn Thị Ánh Tuyết Hai");

    [Fact]
    public Task OtherCodesDamagedCodesAndPhotosWithoutCodeGetAKindReplyAndTheFormGoesOn() => Run(
        "> Nguyễn Văn An",
        "< Câu 2",
        "> [image] a-bank-code.png",
        "< Mã QR này không phải mã trên thẻ căn cước/CCCD",
        "< Câu 2",
        "> [image] damaged.jpg",
        "< không khớp nhau",
        "< Câu 2",
        "> [image] blank.jpg",
        "< Mình chưa đọc được mã QR, bạn chụp gần hơn, đủ sáng, hoặc nhập tay nhé",
        "< Câu 2",
        "> [image] not-fetchable.jpg",
        "< Mình chưa đọc được mã QR",
        "= field fullName Nguyễn Văn An",
        "= nofield socialInsuranceNumber",
        "= nofield idPhotos",
        "> 0113099841",
        "< Câu 3");

    [Fact]
    public Task AtThePhotoQuestionAPhotoWithoutCodeIsStillTheFrontPhoto() => Run(
        "> Nguyễn Văn An", "> 0113099841", "> 001203012345", "> Hà Nội", "> Cầu Giấy", "> 6 Trần Đăng Ninh",
        "< Câu 5",
        "> [image] blank.jpg",
        "<! Mình chưa đọc được",
        "< mặt sau");

    [Fact]
    public Task APhotoOverTheSizeLimitIsRefusedPolitely() => TranscriptRunner.RunAsync([.. ToTheForm,
        "> [image] the-front.jpg",
        "< Ảnh lớn quá nên mình chưa đọc được. Bạn gửi ảnh nhỏ hơn (dưới 0,1 MB), hoặc nhập tay nhé.",
        "< Câu 1",
        "= nofield fullName"], Harness(new IdCardPhotoOptions { MaxImageBytes = 100_000 }), "idcard-too-large");

    private static Task Run(params string[] lines) => TranscriptRunner.RunAsync([.. ToTheForm, .. lines], Harness(), "idcard");
}
