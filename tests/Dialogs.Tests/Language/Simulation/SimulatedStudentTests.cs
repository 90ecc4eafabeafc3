using Stopwatch = System.Diagnostics.Stopwatch;
using System.Globalization;
using Microsoft.Bot.Schema;
using VssBot.Dialogs.Form01;
using VssBot.Dialogs.Journey;
using VssBot.Dialogs.Tests.Conversation;
using Xunit.Abstractions;

namespace VssBot.Dialogs.Tests.Language.Simulation;

/// <summary>
/// Issue 9: seeded simulated students fill the whole Form 01 through the real bot (<see cref="StudentBotHarness"/>),
/// answering every question with typing variants, corrections, hedges, someone else's value and interruptions mixed
/// in, confirming only read-backs of their own value; every conversation must reach "Ghi nhận" with exactly the
/// intended values. Prints how many conversations, turns, wrong proposals and the time taken.
/// </summary>
public class SimulatedStudentTests(ITestOutputHelper output)
{
    private static readonly int Conversations = int.TryParse(Environment.GetEnvironmentVariable("VSSBOT_SIMULATED_STUDENTS"), out var n) ? n : 500;
    private const int MaxTurns = 80;
    private static readonly DateOnly Today = new(2026, 11, 25);

    [Fact]
    public async Task Five_hundred_simulated_students_reach_the_summary_with_exactly_their_intended_values()
    {
        var harness = new StudentBotHarness();
        var clock = Stopwatch.StartNew();
        var failures = new List<string>();
        var turns = 0;
        var wrongProposals = 0;
        for (var i = 0; i < Conversations; i++)
        {
            var student = new SimulatedStudent(i);
            await harness.SeedAsync("fullName");
            var result = await student.FillFormAsync(harness, MaxTurns);
            turns += result.Turns;
            wrongProposals += result.WrongProposals;
            var profile = await harness.ProfileAsync();
            var problems = student.Check(profile.Form).ToList();
            if (profile.Journey.State != JourneyState.Declared) problems.Add($"journey {profile.Journey.State} after {result.Turns} turns");
            if (problems.Count > 0) failures.Add($"student {i}: {string.Join("; ", problems)}\n{result.Log}");
        }
        output.WriteLine($"{Conversations} simulated conversations, {turns} turns, {failures.Count} not reaching the exact summary, " +
            $"{wrongProposals} read-backs of a wrong value (refused by the student), {clock.Elapsed.TotalSeconds:F0} s");
        Assert.True(failures.Count == 0, $"{failures.Count} of {Conversations} simulated students failed:\n{string.Join("\n\n", failures.Take(5))}");
    }

    /// <summary>One seeded student: intended values, and how they type them.</summary>
    private sealed class SimulatedStudent
    {
        private readonly Variants _v;
        private readonly Dictionary<string, string> _intended = new();
        private readonly string _name, _sin, _id, _email, _phone;
        private readonly DateOnly _date;
        private readonly string _method;
        private string? _officeId;

        public SimulatedStudent(int seed)
        {
            _v = new Variants(VariantRows.Seed + seed);
            _name = _v.Pick(VariantRows.Names).Name;
            _sin = VariantRows.Codes(_v, 1, 10).First();
            _id = VariantRows.PersonalIds(_v, 1).First();
            _email = _v.Pick(VariantRows.Emails);
            _phone = VariantRows.Phones(_v, 1).First();
            _date = Today.AddDays(_v.Pick(Enumerable.Range(0, 11).ToArray()));
            _method = _v.Chance(0.5) ? "office" : "post";
        }

        public sealed record Result(int Turns, int WrongProposals, string Log);

        public async Task<Result> FillFormAsync(StudentBotHarness harness, int maxTurns)
        {
            var log = new System.Text.StringBuilder();
            var wrong = 0;
            IReadOnlyList<Activity> replies = await Say(harness, "tiếp tục", log);
            for (var turn = 1; turn <= maxTurns; turn++)
            {
                var profile = await harness.ProfileAsync();
                if (profile.Journey.State == JourneyState.Declared) return new Result(turn, wrong, log.ToString());
                var field = FieldAskedNow(profile.Form);
                var buttons = replies.SelectMany(r => r.SuggestedActions?.Actions ?? []).Select(a => a.Title).ToList();
                var last = string.Join("\n", replies.Select(r => r.Text));
                string say;
                if (last.Contains("Ý bạn là", StringComparison.Ordinal))
                {
                    var mine = Display(field) is { } d && last.Contains(d, StringComparison.Ordinal);
                    if (!mine) wrong++;
                    say = mine ? Yes() : "Không";
                }
                else if (buttons.Contains("Đúng") && field == "address") say = Yes();
                else if (field is null) say = _v.Pick(new[] { "ghi nhận", "Ghi nhận", "ok", "đúng rồi", "ddungs rooif", "chuẩn r", "xác nhận" });
                else if (_v.Chance(0.08)) say = _v.Pick(new[] { "tiến độ", "cảm ơn nha", "camon", "còn mấy câu nữa ạ" });
                else say = Answer(field, buttons);
                replies = await Say(harness, say, log);
            }
            return new Result(maxTurns, wrong, log.ToString());
        }

        private static async Task<IReadOnlyList<Activity>> Say(StudentBotHarness harness, string text, System.Text.StringBuilder log)
        {
            log.AppendLine("> " + text);
            var replies = await harness.SendAsync(text);
            foreach (var r in replies) log.AppendLine("< " + r.Text?.Split('\n')[0]);
            return replies;
        }

        private static readonly string[] Order = ["fullName", "socialInsuranceNumber", "idDocument", "address", "idPhotos", "contactPerson",
            "email", "phone", "startDate", "channel", "commitment", "office", "submissionMethod"];

        private static string? FieldAskedNow(Form01Answers form) => Order.FirstOrDefault(k => form.Get(k) is null);

        private string? Display(string? field) => field switch
        {
            "socialInsuranceNumber" => _sin,
            "idDocument" => _id,
            "phone" => _phone,
            "email" => _email,
            "startDate" => _date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
            _ => null,
        };

        private string Yes() => _v.Pick(new[] { "Đúng", "đúng rồi", "ok", "cos", "ddungs rooif", "uh", "dạ vâng", "okela", "chuẩn r" });

        private string Answer(string field, IReadOnlyList<string> buttons) => field switch
        {
            "fullName" => _v.Pick(_v.Around(_v.Pick(new[] { "em tên là", "dạ em là", "họ và tên:", "tên cháu là", "" }), _name).ToList()).Text,
            "socialInsuranceNumber" => NumberAnswer(_sin, "mã bhxh của em là", "mã bảo hiểm của mẹ em là"),
            "idDocument" => NumberAnswer(_id, "cccd của em là", "cccd của bố em là"),
            "address" => _v.Pick(new[] { "Thôn 4 Thủ Trại, Xã Phúc Thọ, Hà Nội", "thon 4 thu trai, xa phuc tho, ha noi", "Thôn 4 Thủ Trại, Phúc Thọ, HN" }),
            "idPhotos" => _v.Pick(new[] { "bỏ qua", "bo qua", "để sau" }),
            "contactPerson" => _v.Pick(new[] { "Đúng, là mình", "là mình", "đúng rồi", "ừ", "cos", "dạ đúng ạ" }),
            "email" => _v.Pick(new[] { _email, "email em là " + _email, "mail: " + _email, _email.Replace("@", " a còng ").Replace(".com", " chấm com") }),
            "phone" => NumberAnswer(_phone, "sđt của em là", "số mẹ em là"),
            "startDate" => DateAnswer(),
            "channel" => _v.Pick(new[] { "1", "cổng", "cong thong tin dien tu", "ko phải i-van, cổng thông tin", "Cổng TTĐT BHXH Việt Nam" }),
            "commitment" => _v.Pick(new[] { "co", "cos", "đồng ý", "ddoongf ys", "ok", "dong y a", "có ạ" }),
            "office" => "1",
            "submissionMethod" => _method == "office"
                ? _v.Pick(new[] { "nộp trực tiếp", "nop truc tiep", "ko phải bưu điện, nộp trực tiếp", "bưu điện à nhầm, trực tiếp", "1" })
                : _v.Pick(new[] { "bưu điện", "gui qua buu dien nhe", "trực tiếp à nhầm, bưu điện", "2" }),
            _ => "",
        };

        /// <summary>A number typed one of many ways, sometimes corrected, hedged, or after someone else's number.</summary>
        private string NumberAnswer(string digits, string leadIn, string someoneElse)
        {
            var typed = _v.Pick(_v.Number(digits).ToList()).Text;
            var other = digits[..^2] + ((digits[^2] - '0' + 5) % 10) + digits[^1];
            return _v.Pick(new[] { 0, 1, 2, 3, 4, 5 }) switch
            {
                0 => $"{other} à nhầm, {typed} mới đúng",
                1 => $"hình như là {typed}",
                2 => $"{someoneElse} {other}, còn của em là {typed}",
                _ => _v.Pick(_v.Around(leadIn, typed).Where(x => x.Label != "typo").ToList()).Text,
            };
        }

        private string DateAnswer()
        {
            var d = _date.DayNumber - Today.DayNumber;
            return _v.Pick(new[] { 0, 1, 2, 3, 4 }) switch
            {
                0 => _date.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture),
                1 => d == 0 ? "hôm nay" : $"{d} ngày nữa",
                2 => $"ngày {_date.Day} tháng {_date.Month}",
                3 => $"chắc là {_date.Day}/{_date.Month}",
                _ => _date.ToString("yyyy/MM/dd", CultureInfo.InvariantCulture),
            };
        }

        public void RememberOffice(string id) => _officeId = id;

        public IEnumerable<string> Check(Form01Answers form)
        {
            IEnumerable<(string Key, string Expected)> expected =
            [
                ("fullName", _name), ("socialInsuranceNumber", _sin), ("idDocument", _id), ("email", _email),
                ("phone", "+84" + _phone[1..]), ("startDate", _date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("channel", "portal"), ("commitment", "accepted"), ("submissionMethod", _method),
            ];
            foreach (var (key, value) in expected)
            {
                var stored = key == "fullName" ? form.Get(key)?.Display : form.Get(key)?.Value;
                if (stored != value) yield return $"{key} is «{stored}», intended «{value}»";
            }
            if (form.Get("address")?.Data.GetValueOrDefault("communeCode") != "09715") yield return $"address is «{form.Get("address")?.Display}»";
            if (form.Get("contactPerson")?.Display != _name) yield return $"contactPerson is «{form.Get("contactPerson")?.Display}»";
        }
    }
}
