using VssBot.Dialogs.Language;

namespace VssBot.Dialogs.Tests.Language;

public class VietnameseTextTests
{
    [Theory]
    [InlineData("Nguyễn Thành Biên", "nguyen thanh bien")]
    [InlineData("  ĐẶNG   văn   ĐỨC!!! ", "dang van duc")]
    [InlineData("Sđt của em: 0912.345.678", "so dien thoai cua em 0912 345 678")]
    [InlineData("ko bit", "khong biet")]
    [InlineData("k dc", "khong duoc")]
    [InlineData("hok đc", "khong duoc")]
    [InlineData("hong", "khong")]
    [InlineData("CCCD", "can cuoc cong dan")]
    [InlineData("mã bhxh", "ma bao hiem xa hoi")]
    [InlineData("tp hcm", "thanh pho ho chi minh")]
    [InlineData("TPHCM", "thanh pho ho chi minh")]
    [InlineData("hn", "ha noi")]
    [InlineData("okie", "ok")]
    [InlineData("e ko bít j", "em khong biet gi")]
    [InlineData("mk vs bạn", "minh voi ban")]
    [InlineData("đúng r", "dung roi")]
    [InlineData("Hòa hoà", "hoa hoa")]
    public void Fold_lowercases_strips_diacritics_and_expands_chat_abbreviations(string text, string expected) =>
        Assert.Equal(expected, VietnameseText.Fold(text));

    [Fact]
    public void Fold_keeps_a_name_typed_with_diacritics_that_looks_like_chat_spelling() =>
        Assert.Equal("nguyen thi hong", VietnameseText.Fold("Nguyễn Thị Hồng"));

    [Fact]
    public void Fold_does_not_expand_the_single_letter_a() => Assert.Equal("ngo 5 a", VietnameseText.Fold("Ngõ 5 A"));

    [Fact]
    public void Fold_treats_decomposed_and_composed_input_alike() =>
        Assert.Equal(VietnameseText.Fold("Nguyễn"), VietnameseText.Fold("Nguyễn".Normalize(System.Text.NormalizationForm.FormD)));

    [Theory]
    [InlineData("Nguyễn", true)]
    [InlineData("đi", true)]
    [InlineData("Đ", true)]
    [InlineData("Hồ", true)]
    [InlineData("nguyen van an", false)]
    [InlineData("0912345678", false)]
    [InlineData("", false)]
    public void HasDiacritics_tells_whether_a_Vietnamese_mark_was_typed(string text, bool expected) =>
        Assert.Equal(expected, VietnameseText.HasDiacritics(text));

    [Theory]
    [InlineData("gmial", "gmail", 1)]
    [InlineData("gmail", "gmail", 0)]
    [InlineData("gmai", "gmail", 1)]
    [InlineData("yaho", "yahoo", 1)]
    [InlineData("", "abc", 3)]
    [InlineData("kitten", "sitting", 3)]
    public void EditDistance_counts_a_swap_of_neighbours_as_one_typo(string a, string b, int expected) =>
        Assert.Equal(expected, EditDistance.Between(a, b));

    [Fact]
    public void DigitRuns_joins_groups_typed_with_spaces_dots_and_dashes()
    {
        var runs = DigitRuns.Find("cccd 001 203 012 345 và sđt 0912.345-678");
        Assert.Equal(["001203012345", "0912345678"], runs.Select(r => r.Digits));
    }

    [Fact]
    public void DigitRuns_ignore_digits_glued_to_letters() => Assert.Empty(DigitRuns.Find("hộ chiếu C1234567"));

    [Theory]
    [InlineData("2", 2)]
    [InlineData("hai", 2)]
    [InlineData("nhat", 1)]
    [InlineData("muoi hai", 12)]
    [InlineData("hai muoi mot", 21)]
    [InlineData("chin", 9)]
    public void VietnameseNumbers_reads_digits_words_and_ordinals(string folded, int expected) =>
        Assert.Equal(expected, VietnameseNumbers.Parse(folded.Split(' ')));

    [Theory]
    [InlineData("nguyen")]
    [InlineData("muoi muoi")]
    [InlineData("")]
    public void VietnameseNumbers_rejects_non_numbers(string folded) =>
        Assert.Null(VietnameseNumbers.Parse(folded.Split(' ', StringSplitOptions.RemoveEmptyEntries)));

    /// <summary>The full Unicode way (decompose, drop marks, đ → d, recompose): what the per-letter table must agree with.</summary>
    private static string StripDiacriticsByUnicode(string text)
    {
        var sb = new System.Text.StringBuilder();
        foreach (var c in text.Normalize(System.Text.NormalizationForm.FormD))
        {
            if (System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                or System.Globalization.UnicodeCategory.SpacingCombiningMark or System.Globalization.UnicodeCategory.EnclosingMark) continue;
            sb.Append(c switch { 'đ' => 'd', 'Đ' => 'D', _ => c });
        }
        return sb.ToString().Normalize(System.Text.NormalizationForm.FormC);
    }

    [Fact]
    public void Stripping_diacritics_letter_by_letter_agrees_with_the_full_unicode_way()
    {
        for (var c = '\u0001'; c < '\u3000'; c++)
        {
            if (char.IsSurrogate(c)) continue;
            Assert.Equal(StripDiacriticsByUnicode(c.ToString()), VietnameseText.StripDiacritics(c.ToString()));
        }
        string[] words =
        [
            "Nguyễn", "ĐẶNG", "thị", "Hưởng", "khôngggg", "Phạm Thu Hà", "a\u0300", "e\u0301\u0323", "Ærø", "straße", "日本", "🙂ok",
            "cổng thông tin điện tử", "036303012345", "", new string('ữ', 300),
        ];
        foreach (var word in words)
            Assert.Equal(StripDiacriticsByUnicode(word), VietnameseText.StripDiacritics(word));
        Assert.Equal("Nguyen Thi Huong", VietnameseText.StripDiacritics("Nguyễn Thị Hưởng"));
    }

    [Fact]
    public void Folding_gives_the_same_words_whether_the_text_was_folded_just_before_or_long_ago()
    {
        const string message = "Sđt  của EM: 0977.001.122 nhé, hum nay okeee";
        var first = VietnameseText.TypedAndFolded(message);
        var copy = new string(message.AsSpan()); // same text, another instance
        Assert.Equal(first, VietnameseText.TypedAndFolded(copy));
        Assert.Equal("so dien thoai cua em 0977 001 122 nhe hom nay ok", VietnameseText.Fold(copy));

        // Many other texts in between push it out of the thread's recent folds; folding it again gives the same.
        for (var i = 0; i < 600; i++)
            VietnameseText.Fold($"phường {i} tỉnh Ninh Bình");
        Assert.Equal(first, VietnameseText.TypedAndFolded(message));
        Assert.Equal(first.Select(w => w.Folded), VietnameseText.FoldedWords(message));
    }

    [Fact]
    public void Folding_on_many_threads_at_once_gives_each_text_its_own_words()
    {
        var texts = Enumerable.Range(0, 200).Select(i => $"Phường {i} — Đồng ý số {i % 7} nhaaa").ToArray();
        var expected = texts.Select(t => VietnameseText.Fold(new string(t.AsSpan()))).ToArray();

        Parallel.For(0, 4000, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
            Assert.Equal(expected[i % texts.Length], VietnameseText.Fold(texts[i % texts.Length])));
    }

    [Fact]
    public void A_phrase_is_found_as_whole_words_exactly_as_in_the_text_padded_with_spaces()
    {
        var random = new Random(12);
        string Words(int count) => string.Join(' ', Enumerable.Range(0, count).Select(_ => new[] { "ha", "noi", "a", "ha noi", "an", "" }[random.Next(6)]));
        for (var i = 0; i < 5_000; i++)
        {
            var text = Words(random.Next(0, 6));
            var phrase = random.Next(10) == 0 ? " " + Words(1) : Words(random.Next(0, 3));
            var expected = phrase.Length > 0 && $" {text} ".Contains($" {phrase} ", StringComparison.Ordinal);
            Assert.True(expected == VietnameseText.ContainsPhrase(text, phrase), $"'{text}' / '{phrase}'");
        }
    }

    [Fact]
    public void Edit_distance_is_the_same_for_short_and_long_texts_with_or_without_a_limit()
    {
        static int Reference(string a, string b)
        {
            var d = new int[a.Length + 1, b.Length + 1];
            for (var i = 0; i <= a.Length; i++) d[i, 0] = i;
            for (var j = 0; j <= b.Length; j++) d[0, j] = j;
            for (var i = 1; i <= a.Length; i++)
                for (var j = 1; j <= b.Length; j++)
                {
                    var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                    d[i, j] = Math.Min(Math.Min(d[i - 1, j] + 1, d[i, j - 1] + 1), d[i - 1, j - 1] + cost);
                    if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d[i, j] = Math.Min(d[i, j], d[i - 2, j - 2] + 1);
                }
            return d[a.Length, b.Length];
        }
        var random = new Random(7);
        string Text(int length) => new([.. Enumerable.Range(0, length).Select(_ => "abcd "[random.Next(5)])]);
        for (var i = 0; i < 2_000; i++)
        {
            var (a, b) = (Text(random.Next(0, i % 10 == 0 ? 300 : 12)), Text(random.Next(0, i % 10 == 0 ? 300 : 12)));
            var expected = Reference(a, b);
            Assert.Equal(expected, EditDistance.Between(a, b));
            Assert.Equal(Math.Min(expected, 3), Math.Min(EditDistance.Between(a, b, 2), 3));
        }
    }
}
