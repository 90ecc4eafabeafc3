using Microsoft.Bot.Builder;
using Microsoft.Bot.Builder.Adapters;
using Microsoft.Bot.Schema;
using Microsoft.Extensions.DependencyInjection;
using VssBot.Bot.Declarations.Outbox;
using VssBot.Bot.Printing;
using VssBot.Dialogs.Conversation;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Journey;

namespace VssBot.Bot.Tests.Printing;

/// <summary>A student who confirmed Form 01, written to user state the way the bot writes it.</summary>
internal static class DeclaredStudent
{
    public const string Channel = "emulator";

    public static readonly DateTimeOffset DeclaredAt = new(2026, 3, 2, 9, 30, 0, TimeSpan.FromHours(7));

    public static StudentProfile Profile(string name = "Phạm Thu Hà", int declarationNumber = 1) => new()
    {
        Journey = new JourneyRecord
        {
            State = JourneyState.Declared,
            DeclaredAt = DeclaredAt,
            DeclarationNumber = declarationNumber,
            ReceiptNumber = "VSS-2026-000123",
        },
        ConsentGivenAt = DeclaredAt.AddMinutes(-10),
        Form = new Form01Answers
        {
            Answers =
            {
                ["fullName"] = new(name, name),
                ["socialInsuranceNumber"] = new("0113099841", "0113099841", new() { ["kind"] = "bhxh" }),
                ["idDocument"] = new("036303012345", "036303012345"),
                ["address"] = new("13456", "Số 1 đường Trần Hưng Đạo, Phường Hoa Lư, Tỉnh Ninh Bình"),
                ["idPhotos"] = new("skipped", "Không gửi ảnh (mang thẻ gốc khi nộp)"),
                ["contactPerson"] = new(name, name, new() { ["self"] = "true" }),
                ["email"] = new("ha.pham@gmail.com", "ha.pham@gmail.com"),
                ["phone"] = new("+84912345678", "0912345678"),
                ["startDate"] = new("2026-03-02", "02/03/2026"),
                ["channel"] = new("portal", "Cổng thông tin điện tử của Bảo hiểm xã hội Việt Nam"),
                ["commitment"] = new("accepted", "Đã đồng ý cam kết"),
                ["office"] = new("nb-hoalu", "BHXH cơ sở Hoa Lư – 2 Lê Hồng Phong, Phường Hoa Lư, Tỉnh Ninh Bình", new()
                {
                    ["name"] = "BHXH cơ sở Hoa Lư",
                    ["address"] = "2 Lê Hồng Phong, Phường Hoa Lư, Tỉnh Ninh Bình",
                    ["phone"] = "0229.3871234",
                }),
                ["submissionMethod"] = new("office", "Tại nơi tiếp nhận hồ sơ theo quy định của Bảo hiểm xã hội Việt Nam"),
            },
        },
    };

    /// <summary>Saves the profile through the host's UserState (the real storage, encrypted) under "emulator/users/{userId}".</summary>
    public static async Task SaveAsync(IServiceProvider services, string userId, StudentProfile profile)
    {
        var userState = services.GetRequiredService<UserState>();
        var activity = new Activity(ActivityTypes.Message)
        {
            ChannelId = Channel,
            From = new ChannelAccount(userId),
            Recipient = new ChannelAccount("vssbot"),
            Conversation = new ConversationAccount(id: "print-" + userId),
        };
        using var turn = new TurnContext(new TestAdapter(), activity);
        await userState.CreateProperty<StudentProfile>(VssBot.Dialogs.StudentBot.ProfileProperty).SetAsync(turn, profile);
        await userState.SaveChangesAsync(turn, force: true);
    }

    /// <summary>
    /// A long link ("/forms/{token}"), as sent before the short ones (a declaration without a receipt still gets one):
    /// those already in students' hands keep opening until they expire.
    /// </summary>
    public static string LinkFor(IServiceProvider services, string userId, int declarationNumber = 1) =>
        services.GetRequiredService<IPrintableFormLinks>().LinkFor(new StudentKey(Channel, userId), declarationNumber, receiptNumber: null)!;

    /// <summary>
    /// Records the profile's declaration in the host's outbox as "Ghi nhận" does (the receipt the outbox gives goes into the
    /// profile), saves the profile, and returns the short link the bot sends now.
    /// </summary>
    public static async Task<string> RecordAsync(IServiceProvider services, string userId, StudentProfile profile)
    {
        var student = new StudentKey(Channel, userId);
        var reference = new ConversationReference
        {
            ChannelId = Channel, User = new ChannelAccount(userId), Bot = new ChannelAccount("vssbot"),
            Conversation = new ConversationAccount(id: "print-" + userId), ServiceUrl = "http://localhost",
        };
        var declaration = new ConfirmedDeclaration($"{userId}#{profile.Journey.DeclarationNumber}", student, Channel, reference,
            profile.Form.Answers, "test", profile.Journey.DeclaredAt!.Value);
        var (receipt, _) = await services.GetRequiredService<IDeclarationOutbox>().AddAsync(declaration.IdempotencyKey, student.ToString(), reference,
            declaration.ConfirmedAt, number => DeclarationContentMapper.Map(declaration, number), declaration.ConfirmedAt, default);
        profile.Journey.ReceiptNumber = receipt;
        await SaveAsync(services, userId, profile);
        return services.GetRequiredService<IPrintableFormLinks>().LinkFor(student, profile.Journey.DeclarationNumber, receipt)!;
    }

    /// <summary>The path and token of a link ("/forms/…"), for a client whose base address is the host.</summary>
    public static string PathOf(string link) => new Uri(link).AbsolutePath;
}
