using System.Text.RegularExpressions;

namespace SearchService.Core.Documents.Extraction;

/// <summary>
/// Finds every document a text cites: Party codes ("18-NQ/TU", "01-CTr/BTVTUHP-BTVĐUCSSB"), State
/// codes ("06/QĐ-TTg", "35/2021/QH15") and bare mentions ("Nghị quyết số 18", "Nghị định 33"),
/// de-duplicated with their mentions counted. A bare mention counts for the full code when the same
/// document gives one of the same kind and number; a map scale such as "tỷ lệ 1/2000" is no code.
/// </summary>
public static partial class ReferenceExtractor
{
    private const int ContextChars = 90;

    // The words that name an issuer sit beside the first mentions; reading every one of thousands
    // of repeats in a pathological file only costs time.
    private const int MaxResolveAttempts = 16;

    /// <summary>Extracts the references of <paramref name="text"/>, in order of first mention.</summary>
    /// <param name="text">The clean body.</param>
    /// <param name="context">The citing document, for issuer bodies.</param>
    /// <param name="skip">Spans not to read (the document's own number line).</param>
    public static IReadOnlyList<DocumentReference> Extract(string text, IssuingContext context, IReadOnlyList<Range>? skip = null)
    {
        var found = new List<Builder>();
        var byCode = new Dictionary<string, Builder>(StringComparer.Ordinal);
        foreach (Match match in Code().Matches(text))
        {
            if (IsSkipped(match.Index, text.Length, skip))
            {
                continue;
            }

            var before = Before(text, match.Index);
            var word = KindWord().Match(before);
            var (code, number, letters, issuer) = Parts(match);
            var kind = KindOf(letters, word.Success ? word.Groups[1].Value : null);
            if (!byCode.TryGetValue(code, out var builder))
            {
                builder = new Builder(code, kind, number, letters, issuer);
                byCode[code] = builder;
                found.Add(builder);
            }

            builder.Mentions++;
            var rest = text.AsSpan(match.Index + match.Length, Math.Min(ContextChars, text.Length - match.Index - match.Length));
            var date = VietnameseDates.AtStart(rest);
            builder.Date ??= date;
            if (builder.IssuerBody is null && builder.Mentions <= MaxResolveAttempts)
            {
                builder.IssuerBody = IssuerResolver.Resolve(issuer, code, before, AfterDate(rest.ToString()), context);
            }
        }

        var bare = new Dictionary<(string Letters, string Number), Builder>();
        foreach (Match match in BareMention().Matches(text))
        {
            if (IsSkipped(match.Index, text.Length, skip))
            {
                continue;
            }

            var word = match.Groups["word"].Value;
            var number = match.Groups["num"].Value;
            var letters = LettersOf(word);
            var full = found.FirstOrDefault(b => b.Code is not null && b.Letters == letters && b.Number == number);
            if (full is not null)
            {
                full.Mentions++;
                // "Nghị quyết số 19 của Ban Thường vụ Thành ủy" can settle what "19-NQ/TU" alone did not.
                full.IssuerBody ??= IssuerResolver.Resolve(full.Issuer, full.Code, Before(text, match.Index), AfterDate(After(text, match)), context);
                continue;
            }

            if (!bare.TryGetValue((letters, number), out var builder))
            {
                builder = new Builder(null, KindOf(letters, word), number, letters, null);
                bare[(letters, number)] = builder;
                found.Add(builder);
            }

            builder.Mentions++;
            builder.IssuerBody ??= IssuerResolver.Resolve(null, null, Before(text, match.Index), AfterDate(After(text, match)), context);
        }

        return [.. found.Select(b => b.Build())];
    }

    private static bool IsSkipped(int index, int length, IReadOnlyList<Range>? skip)
    {
        if (skip is null)
        {
            return false;
        }

        foreach (var range in skip)
        {
            var (offset, count) = range.GetOffsetAndLength(length);
            if (index >= offset && index < offset + count)
            {
                return true;
            }
        }

        return false;
    }

    private static string Before(string text, int index)
    {
        var start = Math.Max(0, index - ContextChars);
        return text[start..index];
    }

    private static string After(string text, Match match)
    {
        var start = match.Index + match.Length;
        return text.Substring(start, Math.Min(ContextChars, text.Length - start));
    }

    private static string AfterDate(string after)
    {
        var date = SkipDate().Match(after);
        return date.Success ? after[date.Length..] : after;
    }

    private static (string Code, string Number, string Letters, string Issuer) Parts(Match match)
    {
        var code = match.Value;
        if (match.Groups["pnum"].Success)
        {
            return (code, match.Groups["pnum"].Value, match.Groups["pkind"].Value, match.Groups["pissuer"].Value);
        }

        if (match.Groups["ynum"].Success)
        {
            // "35/2021/QH15": the kind is in the words before; "06/2020/NĐ-CP": in the code.
            var tail = match.Groups["ytail"].Value;
            var dash = tail.IndexOf('-', StringComparison.Ordinal);
            return dash > 0
                ? (code, match.Groups["ynum"].Value, tail[..dash], tail[(dash + 1)..])
                : (code, match.Groups["ynum"].Value, "", tail);
        }

        return (code, match.Groups["snum"].Value, match.Groups["skind"].Value, match.Groups["sissuer"].Value);
    }

    private static string LettersOf(string word) => word.ToLowerInvariant() switch
    {
        "nghị quyết" => "NQ",
        "kết luận" => "KL",
        "chỉ thị" => "CT",
        "quyết định" or "quy định" => "QĐ",
        "kế hoạch" => "KH",
        "chương trình" => "CTr",
        "thông báo" => "TB",
        "nghị định" => "NĐ",
        "thông tư" => "TT",
        _ => "",
    };

    private static ReferenceKind KindOf(string letters, string? word)
    {
        if (letters.Length == 0 && word is not null)
        {
            letters = LettersOf(word);
        }

        return letters switch
        {
            "NQ" => ReferenceKind.Resolution,
            "KL" => ReferenceKind.Conclusion,
            "CT" => ReferenceKind.Directive,
            "QĐ" => string.Equals(word, "Quy định", StringComparison.OrdinalIgnoreCase) ? ReferenceKind.Regulation : ReferenceKind.Decision,
            "KH" => ReferenceKind.Plan,
            "CTr" => ReferenceKind.Programme,
            "TB" => ReferenceKind.Notice,
            "NĐ" => ReferenceKind.Decree,
            "TT" => ReferenceKind.Circular,
            _ => ReferenceKind.Other,
        };
    }

    private sealed class Builder(string? code, ReferenceKind kind, string number, string letters, string? issuer)
    {
        public string? Code { get; } = code;

        public string Number { get; } = number;

        public string Letters { get; } = letters;

        public string? Issuer { get; } = issuer;

        public int Mentions { get; set; }

        public DateOnly? Date { get; set; }

        public string? IssuerBody { get; set; }

        public DocumentReference Build() => new()
        {
            Code = Code,
            Kind = kind,
            Number = Number,
            Issuer = string.IsNullOrEmpty(Issuer) ? null : Issuer,
            IssuerBody = IssuerBody,
            Date = Date,
            Mentions = Mentions,
        };
    }

    private const string Upper = "A-ZĐ";

    // Party "18-NQ/TU"; State with year "35/2021/QH15", "06/2020/NĐ-CP"; State "06/QĐ-TTg".
    [GeneratedRegex(
        @"(?<![\p{L}\d/.,-])(?:" +
        @"(?<pnum>\d{1,5})-(?<pkind>[" + Upper + @"][A-Za-zĐđ]{0,4})/(?<pissuer>[" + Upper + @"][" + Upper + @"0-9]*(?:-[" + Upper + @"][" + Upper + @"0-9]*)*)" +
        @"|(?<ynum>\d{1,5})/(?<year>(?:19|20)\d{2})/(?<ytail>[" + Upper + @"][A-Za-zĐđ0-9]*(?:-[" + Upper + @"][A-Za-zĐđ0-9]*)?)" +
        @"|(?<snum>\d{1,5})/(?<skind>[" + Upper + @"][A-Za-zĐđ]{0,4})-(?<sissuer>[" + Upper + @"][A-Za-zĐđ0-9]*)" +
        @")(?![\p{L}\d])")]
    private static partial Regex Code();

    [GeneratedRegex(@"(Nghị quyết|Kết luận|Chỉ thị|Quyết định|Quy định|Kế hoạch|Chương trình|Thông báo|Nghị định|Thông tư)\s+(?:số\s+)?$", RegexOptions.IgnoreCase)]
    private static partial Regex KindWord();

    // A number after a kind word that is not the start of a code, a date or a decimal.
    [GeneratedRegex(@"(?<![\p{L}])(?<word>Nghị quyết|Kết luận|Chỉ thị|Quyết định|Quy định|Kế hoạch|Chương trình|Thông báo|Nghị định|Thông tư)\s+(?:số\s+)?(?<num>\d{1,5})(?![\d/\-]|[.,]\d)")]
    private static partial Regex BareMention();

    [GeneratedRegex(@"^[\s,]*(?:(?:ban hành\s+)?ngày\s+)?(?:\d{1,2}/\d{1,2}/\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})", RegexOptions.IgnoreCase)]
    private static partial Regex SkipDate();
}
