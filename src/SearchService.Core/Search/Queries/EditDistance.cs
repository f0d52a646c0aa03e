namespace SearchService.Core.Search.Queries;

/// <summary>Edit distances for fuzzy matching.</summary>
internal static class EditDistance
{
    /// <summary>
    /// The optimal-string-alignment distance (Levenshtein plus swaps of neighbours) between
    /// <paramref name="a"/> and <paramref name="b"/>, or <paramref name="max"/> + 1 as soon as it
    /// must exceed <paramref name="max"/> (every cell of a row above it).
    /// </summary>
    public static int Damerau(string a, string b, int max)
    {
        var n = b.Length;
        Span<int> twoBack = n + 1 <= 128 ? stackalloc int[n + 1] : new int[n + 1];
        Span<int> previous = n + 1 <= 128 ? stackalloc int[n + 1] : new int[n + 1];
        Span<int> current = n + 1 <= 128 ? stackalloc int[n + 1] : new int[n + 1];
        for (var j = 0; j <= n; j++)
        {
            previous[j] = j;
        }

        for (var i = 1; i <= a.Length; i++)
        {
            current[0] = i;
            var rowMin = i;
            for (var j = 1; j <= n; j++)
            {
                var cost = a[i - 1] == b[j - 1] ? 0 : 1;
                var value = Math.Min(Math.Min(previous[j] + 1, current[j - 1] + 1), previous[j - 1] + cost);
                if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1])
                {
                    value = Math.Min(value, twoBack[j - 2] + 1);
                }

                current[j] = value;
                rowMin = Math.Min(rowMin, value);
            }

            if (rowMin > max)
            {
                return max + 1;
            }

            var spare = twoBack;
            twoBack = previous;
            previous = current;
            current = spare;
        }

        return previous[n];
    }
}
