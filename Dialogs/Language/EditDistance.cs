namespace VssBot.Dialogs.Language;

/// <summary>Edit distance for typo tolerance.</summary>
public static class EditDistance
{
    /// <summary>
    /// Optimal-string-alignment distance: insertions, deletions, substitutions and swaps of two
    /// neighbouring characters each cost 1 ("gmial" → "gmail" is 1, plain Levenshtein says 2).
    /// With <paramref name="max"/>, stops as soon as the distance must exceed it and returns max + 1
    /// (lookups over thousands of names only care whether a name is close enough).
    /// </summary>
    public static int Between(string a, string b, int max = int.MaxValue)
    {
        if (Math.Abs(a.Length - b.Length) > max) return max + 1;
        // Three rows on the stack for names and words (every reference lookup scores thousands of names: the arrays
        // were half of what a turn allocated as int[], issue 12); longer texts rent them.
        var width = b.Length + 1;
        int[]? rented = width <= 128 ? null : System.Buffers.ArrayPool<int>.Shared.Rent(3 * width);
        var rows = rented is null ? stackalloc int[3 * width] : rented.AsSpan(0, 3 * width);
        try
        {
            return Between(a, b, max, rows[..width], rows.Slice(width, width), rows.Slice(2 * width, width));
        }
        finally
        {
            if (rented is not null) System.Buffers.ArrayPool<int>.Shared.Return(rented);
        }
    }

    private static int Between(string a, string b, int max, Span<int> prev2, Span<int> prev, Span<int> cur)
    {
        prev2.Clear();
        for (var j = 0; j <= b.Length; j++) prev[j] = j;
        for (var i = 1; i <= a.Length; i++)
        {
            cur[0] = i;
            var rowMin = cur[0];
            for (var j = 1; j <= b.Length; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var d = Math.Min(Math.Min(prev[j] + 1, cur[j - 1] + 1), prev[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) d = Math.Min(d, prev2[j - 2] + 1);
                cur[j] = d;
                rowMin = Math.Min(rowMin, d);
            }
            if (rowMin > max) return max + 1;
            var oldest = prev2;
            prev2 = prev;
            prev = cur;
            cur = oldest;
        }
        return prev[b.Length];
    }

    /// <summary>How many typos a word of this length may carry and still count as meant: 0 up to 3 letters, 1 up to 6, else 2.</summary>
    public static int Tolerance(int length) => length <= 3 ? 0 : length <= 6 ? 1 : 2;
}
