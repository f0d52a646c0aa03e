namespace SearchService.Core.Analysis;

/// <summary>
/// Recognizes Roman numerals as documents write them for a term ("khóa XVIII") or a section
/// ("II. Nhiệm vụ"). Only capitals count, and of single letters only I, V and X, so a stray
/// "C" or "D" in a list stays a word.
/// </summary>
public static class RomanNumeral
{
    private static readonly string[] Symbols = ["M", "CM", "D", "CD", "C", "XC", "L", "XL", "X", "IX", "V", "IV", "I"];

    /// <summary>The numeral's value, or 0 when <paramref name="text"/> is not a well-formed capital Roman numeral.</summary>
    public static int Parse(ReadOnlySpan<char> text)
    {
        if (text.IsEmpty || text.Length > 15)
        {
            return 0;
        }

        if (text.Length == 1 && text[0] is not ('I' or 'V' or 'X'))
        {
            return 0;
        }

        var total = 0;
        for (var i = 0; i < text.Length; i++)
        {
            var value = ValueOf(text[i]);
            if (value == 0)
            {
                return 0;
            }

            var next = i + 1 < text.Length ? ValueOf(text[i + 1]) : 0;
            total += value < next ? -value : value;
        }

        // Well-formed only if writing the value back gives the same letters ("IIII" and "VX" do not).
        Span<char> canonical = stackalloc char[16];
        var length = Write(total, canonical);
        return length > 0 && canonical[..length].SequenceEqual(text) ? total : 0;
    }

    private static int Write(int value, Span<char> into)
    {
        if (value is <= 0 or >= 4000)
        {
            return 0;
        }

        ReadOnlySpan<int> values = [1000, 900, 500, 400, 100, 90, 50, 40, 10, 9, 5, 4, 1];
        var length = 0;
        for (var k = 0; k < values.Length; k++)
        {
            while (value >= values[k])
            {
                foreach (var c in Symbols[k])
                {
                    if (length == into.Length)
                    {
                        return 0;
                    }

                    into[length++] = c;
                }

                value -= values[k];
            }
        }

        return length;
    }

    private static int ValueOf(char c) => c switch
    {
        'I' => 1,
        'V' => 5,
        'X' => 10,
        'L' => 50,
        'C' => 100,
        'D' => 500,
        'M' => 1000,
        _ => 0,
    };
}
