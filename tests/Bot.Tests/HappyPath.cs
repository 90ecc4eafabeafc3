namespace VssBot.Bot.Tests;

/// <summary>
/// The one scripted happy path the Bot tests share: a student in Ninh Bình who has installed VssID answers every
/// Form 01 question and picks the receiving office; "ghi nhan" (<see cref="Confirm"/>) then records the declaration.
/// </summary>
public static class HappyPath
{
    /// <summary>From the greeting to the summary, before "Ghi nhận".</summary>
    public static readonly IReadOnlyList<string> ToSummary =
    [
        "xin chao", "roi", "dong y", "Phạm Thu Hà", "0113099841", "cccd 036 303 012 345", "ninh binh", "hoa lu",
        "so 1 duong tran hung dao", "bo qua", "dung", Email, "0912 345 678", "hom nay", "cong thong tin", "dong y", "1",
        "tai co quan",
    ];

    public const string Confirm = "ghi nhan";

    /// <summary>The email address <see cref="ToSummary"/> gives.</summary>
    public const string Email = "ha.pham@gmail.com";

    /// <summary><see cref="ToSummary"/> with another email address (students who must differ, e.g. one per replica test student).</summary>
    public static IReadOnlyList<string> ToSummaryWithEmail(string email) => [.. ToSummary.Select(line => line == Email ? email : line)];

    /// <summary>Says every line of <see cref="ToSummary"/>, then <see cref="Confirm"/>; returns the replies to the confirmation.</summary>
    public static async Task<IReadOnlyList<string>> DeclareAsync(Func<string, Task<IReadOnlyList<string>>> say)
    {
        foreach (var line in ToSummary)
            await say(line);
        return await say(Confirm);
    }
}
