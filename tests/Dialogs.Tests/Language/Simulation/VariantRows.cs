using System.Globalization;

namespace VssBot.Dialogs.Tests.Language.Simulation;

/// <summary>
/// The variant-generated accuracy set (issue 9): canonical answers of every category expanded by <see cref="Variants"/>
/// into labelled rows in the notation of utterances.tsv. Seeded, so a failure is reproducible; the label says which
/// way of typing failed.
/// </summary>
public static class VariantRows
{
    public const int Seed = 20261201;
    private static readonly DateOnly Today = new(2026, 11, 25);

    public static IReadOnlyList<(string Category, string Input, string Expected, string Label)> Generate()
    {
        var v = new Variants(Seed);
        var rows = new List<(string, string, string, string)>();
        void Add(string category, Variant variant, string expected, string kind) => rows.Add((category, variant.Text, expected, kind + "/" + variant.Label));

        foreach (var digits in Phones(v, 40))
        {
            var e164 = "+84" + digits[1..];
            foreach (var number in v.Number(digits))
                foreach (var typed in v.Around(v.Pick(PhoneLeadIns), number.Text).Where(_ => v.Chance(0.35)))
                    Add("phone", typed with { Label = number.Label + "+" + typed.Label }, e164, "phone");
            var wrong = digits[..^1] + (char)('0' + (digits[^1] - '0' + 3) % 10);
            Add("phone", new Variant("corrected", $"sđt em {Variants.Group(wrong, 3, " ")} à nhầm {Variants.Group(digits, 3, " ")}"), e164, "phone");
            Add("phone", new Variant("hedged", $"hình như là {digits}, để em xem lại"), "phone.missing", "phone");
            Add("phone", new Variant("someone-else", $"số mẹ em {wrong}, của em là {digits}"), e164, "phone");
        }
        foreach (var digits in Codes(v, 30, 10))
        {
            foreach (var number in v.Number(digits))
                foreach (var typed in v.Around(v.Pick(SinLeadIns), number.Text).Where(_ => v.Chance(0.35)))
                    Add("socialInsuranceNumber", typed with { Label = number.Label + "+" + typed.Label }, digits, "sin");
            Add("socialInsuranceNumber", new Variant("hedged", $"chắc là {digits}"), "sin.missing", "sin");
        }
        foreach (var digits in PersonalIds(v, 30))
        {
            foreach (var number in v.Number(digits))
                foreach (var typed in v.Around(v.Pick(IdLeadIns), number.Text).Where(_ => v.Chance(0.35)))
                    Add("idDocument", typed with { Label = number.Label + "+" + typed.Label }, "PersonalId:" + digits, "id");
            Add("idDocument", new Variant("someone-else", $"cccd của bố em {Variants.Group(digits[..3] + "0" + digits[4..], 3, " ")}, của em là {digits}"), "PersonalId:" + digits, "id");
        }
        for (var d = 0; d <= 10; d++)
        {
            var date = Today.AddDays(d);
            var iso = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
            foreach (var format in new[] { "dd/MM/yyyy", "d/M", "dd-MM-yyyy", "d.M.yyyy", "yyyy/MM/dd" })
                foreach (var typed in v.Around(v.Pick(DateLeadIns), Variants.Date(date, format)).Where(_ => v.Chance(0.4)))
                    Add("date", typed with { Label = format + "+" + typed.Label }, iso, "date");
            Add("date", new Variant("month-words", $"ngày {date.Day} tháng {MonthWord(date.Month)}"), iso, "date");
            Add("date", new Variant("in-days", d == 0 ? "hôm nay" : $"{d} ngày nữa"), iso, "date");
            Add("date", new Variant("hedged", $"chắc là {date.Day}/{date.Month}"), "none", "date");
            Add("date", new Variant("two", $"{date.Day}/{date.Month} hoặc {date.AddDays(1).Day}/{date.AddDays(1).Month}"), "none", "date");
        }
        foreach (var (word, expected) in YesNoWords)
            foreach (var typed in v.Around("", word))
                Add("yesno", new Variant(typed.Label, Variants.Telex(typed.Text) is var t && typed.Label == "telex" ? t : typed.Text), expected, "yesno");
        foreach (var (name, plain) in Names)
            foreach (var typed in v.Around(v.Pick(NameLeadIns), name))
                Add("name", typed, name + " (diacritics)", "name");
        foreach (var email in Emails)
        {
            Add("email", new Variant("plain", "email em là " + email), email, "email");
            Add("email", new Variant("voice", email.Replace("@", " a còng ").Replace(".com", " chấm com")), email, "email");
            Add("email", new Variant("spaced", email.Replace("@", " @ ")), email, "email");
        }
        foreach (var (text, expected) in Choices)
            foreach (var typed in v.Around("", text).Where(t => t.Label != "typo"))
                Add("choice", typed with { Text = "submissionMethod | " + typed.Text }, expected, "choice");
        // Addresses and provinces from the reference data (their own seed: the rows above stay as they were).
        rows.AddRange(AddressVariantRows.Generate(Seed + 1));
        return rows.DistinctBy(r => (r.Item1, r.Item2)).ToList();
    }

    private static string MonthWord(int month) => month switch { 11 => "mười một", 12 => "mười hai", _ => month.ToString(CultureInfo.InvariantCulture) };

    public static IEnumerable<string> Phones(Variants v, int count)
    {
        string[] prefixes = ["091", "094", "098", "097", "096", "086", "032", "033", "035", "038", "070", "077", "079", "083", "085", "056", "058", "090", "093"];
        for (var i = 0; i < count; i++) yield return v.Pick(prefixes) + Digits(v, 7);
    }

    public static IEnumerable<string> Codes(Variants v, int count, int length)
    {
        for (var i = 0; i < count; i++) yield return Digits(v, length);
    }

    public static IEnumerable<string> PersonalIds(Variants v, int count)
    {
        string[] provinces = ["001", "036", "038", "040", "079", "031", "048", "025", "026", "092"];
        for (var i = 0; i < count; i++) yield return v.Pick(provinces) + v.Pick(new[] { "2", "3" }) + v.Pick(new[] { "03", "04", "05", "06", "07" }) + Digits(v, 6);
    }

    private static string Digits(Variants v, int length) => string.Concat(Enumerable.Range(0, length).Select(_ => (char)('0' + v.Pick(Enumerable.Range(0, 10).ToArray()))));

    private static readonly string[] PhoneLeadIns = ["sđt của em là", "số điện thoại em", "số của mình là", "zalo", "dạ số em là", "số điện thoại của cháu là"];
    private static readonly string[] SinLeadIns = ["mã bảo hiểm xã hội của em là", "mã số bhxh", "mã của mình là", "mã trên thẻ bảo hiểm y tế là"];
    private static readonly string[] IdLeadIns = ["căn cước công dân của em là", "số định danh", "cccd của cháu là", "số căn cước mình là"];
    private static readonly string[] DateLeadIns = ["em đăng ký từ ngày", "ngày", "từ", "em chọn ngày"];
    private static readonly string[] NameLeadIns = ["em tên là", "tên em là", "mình là", "họ và tên:", "tên cháu là", "con tên là"];

    public static readonly (string Word, string Expected)[] YesNoWords =
    [
        ("có", "Yes"), ("đúng rồi", "Yes"), ("đồng ý", "Yes"), ("vâng", "Yes"), ("được", "Yes"), ("chuẩn rồi", "Yes"), ("ừ", "Yes"),
        ("không", "No"), ("chưa", "No"), ("không đồng ý", "No"), ("không phải", "No"), ("sai rồi", "No"),
        ("không biết", "DontKnow"), ("không nhớ", "DontKnow"),
    ];

    public static readonly (string Name, bool Plain)[] Names =
    [
        ("Nguyễn Thành Biên", false), ("Trần Thị Mai Anh", false), ("Lê Văn Tám", false), ("Vàng A Sùng", false), ("Giàng Thị Dợ", false),
        ("Phạm Quốc Bảo", false), ("Đỗ Hải Yến", false), ("Hoàng Anh Tuấn", false), ("Lò Văn Dũng", false), ("Bùi Thị Thu Hà", false),
        ("Võ Thành Đạt", false), ("Lý Thu Thảo", false),
    ];

    public static readonly string[] Emails =
    [
        "an.nguyen@gmail.com", "maitran2005@gmail.com", "dat.vo@gmail.com", "thu.ha99@yahoo.com", "bao.pham@outlook.com", "yen.do@gmail.com",
    ];

    private static readonly (string Text, string Expected)[] Choices =
    [
        ("nộp trực tiếp", "office"), ("em tự đến nộp", "office"), ("gửi bưu điện", "post"), ("qua bưu điện", "post"),
        ("không phải bưu điện, nộp trực tiếp", "office"), ("trực tiếp à nhầm, bưu điện", "post"), ("bưu điện là gì vậy", "none"),
    ];
}
