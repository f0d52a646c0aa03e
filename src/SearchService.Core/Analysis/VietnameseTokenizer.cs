namespace SearchService.Core.Analysis;

/// <summary>
/// Splits normalized text into typed tokens: syllables and words, abbreviations ("UBND",
/// "KT-XH"), Roman numerals, numbers as Vietnamese writes them ("11.225,4", "21,4%"), dates
/// ("05/7/2023"), scales and fractions ("1/2000"), and document codes kept whole ("18-NQ/TU",
/// "06/QĐ-TTg", "35/2021/QH15"). Every token's offsets point into the original text.
/// </summary>
/// <remarks>
/// A hand-written scanner over the char span: no regular expression and no string per token (the
/// term is copied into the shared buffer). Terms keep their case here; the lowercase filter that
/// follows needs nothing the tokenizer has not already decided.
/// </remarks>
public sealed class VietnameseTokenizer : TokenStream
{
    /// <summary>The longest token, in chars; a longer run of letters or digits becomes several tokens.</summary>
    public const int MaxTokenLength = 255;

    private NormalizedText _text = new();
    private int _cursor;

    /// <summary>Creates a tokenizer writing into <paramref name="attributes"/>.</summary>
    public VietnameseTokenizer(TokenAttributes attributes)
        : base(attributes)
    {
    }

    /// <summary>Starts tokenizing <paramref name="text"/> from its beginning.</summary>
    public void SetInput(NormalizedText text)
    {
        if (!text.HasOffsets)
        {
            throw new ArgumentException("the tokenizer reports offsets into the original text: normalize it with its offsets' map", nameof(text));
        }

        _text = text;
        _cursor = 0;
    }

    /// <inheritdoc />
    public override void Reset() => _cursor = 0;

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        var s = _text.Chars;
        var n = s.Length;
        var start = SkipSeparators(s, _cursor, out var followsBreak);
        if (start >= n)
        {
            _cursor = n;
            return false;
        }

        var (end, type) = Scan(s, start);
        _cursor = end;

        var attributes = Attributes;
        attributes.SetTerm(s[start..end]);
        attributes.Type = type;
        attributes.PositionIncrement = 1;
        attributes.StartOffset = _text.OriginalStart(start);
        attributes.EndOffset = _text.OriginalEnd(end - 1);
        attributes.FollowsBreak = followsBreak;
        attributes.IndexPositions = true;
        return true;
    }

    /// <summary>
    /// Where the next token starts at or after <paramref name="i"/> (the text's length when none
    /// does); <paramref name="followsBreak"/> tells whether punctuation or a paragraph break was
    /// passed on the way (<see cref="TokenAttributes.FollowsBreak"/>).
    /// </summary>
    internal static int SkipSeparators(ReadOnlySpan<char> s, int i, out bool followsBreak)
    {
        var n = s.Length;
        followsBreak = false;
        var newlines = 0;
        while (i < n && !VietnameseAlphabet.IsLetterOrDigit(s[i]))
        {
            var c = s[i];
            if (c == '\n')
            {
                if (++newlines >= 2)
                {
                    followsBreak = true;
                }
            }
            else if (!char.IsWhiteSpace(c))
            {
                followsBreak = true;
            }

            i++;
        }

        return i;
    }

    /// <summary>The token starting at <paramref name="start"/> (a letter or digit): where it ends and its type.</summary>
    internal static (int End, TokenType Type) Scan(ReadOnlySpan<char> s, int start)
    {
        var (end, type) = IsDigit(s[start]) ? ScanNumeric(s, start) : ScanWord(s, start);
        if (end - start > MaxTokenLength)
        {
            // A run this long is no word (a pasted hash, base64, a stuck key): cut it into pieces
            // as Lucene's standard tokenizer does, so no term grows past what the index takes.
            end = start + MaxTokenLength;
            if (char.IsHighSurrogate(s[end - 1]))
            {
                end--;
            }
        }

        return (end, type);
    }

    /// <summary>A token starting with a digit: number, date, fraction or document code.</summary>
    private static (int End, TokenType Type) ScanNumeric(ReadOnlySpan<char> s, int start)
    {
        var n = s.Length;
        var i = ScanDigits(s, start);

        // Thousands and decimal separators: "11.225,4", "1.625". A separator counts only with a digit after it.
        while (i + 1 < n && s[i] is '.' or ',' && IsDigit(s[i + 1]))
        {
            i = ScanDigits(s, i + 1);
        }

        var numberEnd = i;
        var plainNumber = numberEnd == ScanDigits(s, start);

        // Groups joined by '-' or '/': codes, dates, fractions, ranges.
        var groups = 1;
        var hasLetters = false;
        var slashes = 0;
        var hyphens = 0;
        var digitGroupLengths = 0L; // lengths of up to 4 digit groups, 8 bits each, for date checks
        if (plainNumber)
        {
            digitGroupLengths = numberEnd - start;
        }

        var j = numberEnd;
        while (plainNumber && j + 1 < n && s[j] is '-' or '/' && VietnameseAlphabet.IsLetterOrDigit(s[j + 1]))
        {
            var separator = s[j];
            var groupStart = j + 1;
            var k = groupStart;
            var groupHasLetter = false;
            while (k < n && VietnameseAlphabet.IsLetterOrDigit(s[k]))
            {
                groupHasLetter |= !IsDigit(s[k]);
                k++;
            }

            hasLetters |= groupHasLetter;
            if (separator == '/')
            {
                slashes++;
            }
            else
            {
                hyphens++;
            }

            if (groups < 4)
            {
                digitGroupLengths |= (long)(groupHasLetter ? 0xFF : k - groupStart) << (8 * groups);
            }

            groups++;
            j = k;
        }

        if (groups > 1)
        {
            if (hasLetters)
            {
                return (j, TokenType.Code);
            }

            if (groups == 3 && (slashes == 2 || hyphens == 2) && IsDayMonthYear(s, start, digitGroupLengths))
            {
                return (j, TokenType.Date);
            }

            if (hyphens == 0)
            {
                // "1/2000" (a map scale), "3/4": a fraction, one number token.
                return (j, TokenType.Number);
            }

            // "2020-2025": a range; the numbers are separate tokens.
        }

        if (numberEnd < n && s[numberEnd] == '%')
        {
            numberEnd++;
        }

        return (numberEnd, TokenType.Number);
    }

    private static bool IsDayMonthYear(ReadOnlySpan<char> s, int start, long groupLengths)
    {
        var dayLength = (int)(groupLengths & 0xFF);
        var monthLength = (int)((groupLengths >> 8) & 0xFF);
        var yearLength = (int)((groupLengths >> 16) & 0xFF);
        if (dayLength is < 1 or > 2 || monthLength is < 1 or > 2 || yearLength != 4)
        {
            return false;
        }

        var day = ParseSmall(s.Slice(start, dayLength));
        var month = ParseSmall(s.Slice(start + dayLength + 1, monthLength));
        return day is >= 1 and <= 31 && month is >= 1 and <= 12;
    }

    /// <summary>A token starting with a letter: syllable, word, abbreviation or Roman numeral.</summary>
    private static (int End, TokenType Type) ScanWord(ReadOnlySpan<char> s, int start)
    {
        var n = s.Length;
        var i = start;
        var hasDigit = false;
        var allUpper = true;
        while (i < n && VietnameseAlphabet.IsLetterOrDigit(s[i]))
        {
            var c = s[i];
            if (IsDigit(c))
            {
                hasDigit = true;
            }
            else if (!VietnameseAlphabet.IsUpper(c))
            {
                allUpper = false;
            }

            i++;
        }

        var word = s[start..i];
        if (hasDigit)
        {
            return (i, TokenType.Word);
        }

        if (allUpper)
        {
            // "KT-XH", "QP-AN", "CNH-HĐH": capital groups joined by hyphens, at least one not a syllable.
            var end = i;
            var anyAbbreviation = word.Length >= 2 && !VietnameseSyllable.IsPlausible(word);
            var joined = false;
            while (end + 1 < n && s[end] == '-' && VietnameseAlphabet.IsUpper(s[end + 1]))
            {
                var k = end + 1;
                while (k < n && char.IsLetter(s[k]) && VietnameseAlphabet.IsUpper(s[k]))
                {
                    k++;
                }

                if (k < n && VietnameseAlphabet.IsLetterOrDigit(s[k]))
                {
                    break;
                }

                anyAbbreviation |= k - end - 1 >= 2 && !VietnameseSyllable.IsPlausible(s[(end + 1)..k]);
                joined = true;
                end = k;
            }

            if (joined && anyAbbreviation)
            {
                return (end, TokenType.Abbreviation);
            }

            if (RomanNumeral.Parse(word) > 0)
            {
                return (i, TokenType.Roman);
            }

            if (word.Length >= 2 && !VietnameseSyllable.IsPlausible(word))
            {
                return (i, TokenType.Abbreviation);
            }
        }

        if (VietnameseSyllable.IsPlausible(word))
        {
            return (i, TokenType.Syllable);
        }

        if (word.Length <= 8)
        {
            Span<char> lower = stackalloc char[word.Length];
            word.ToLowerInvariant(lower);
            if (AdministrativeAbbreviations.IsKnown(lower))
            {
                return (i, TokenType.Abbreviation);
            }
        }

        return (i, TokenType.Word);
    }

    private static int ScanDigits(ReadOnlySpan<char> s, int i)
    {
        while (i < s.Length && IsDigit(s[i]))
        {
            i++;
        }

        return i;
    }

    private static int ParseSmall(ReadOnlySpan<char> digits)
    {
        var value = 0;
        foreach (var c in digits)
        {
            value = (value * 10) + (c - '0');
        }

        return value;
    }

    internal static bool IsDigit(char c) => c is >= '0' and <= '9';
}
