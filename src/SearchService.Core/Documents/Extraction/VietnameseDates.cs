using System.Globalization;
using System.Text.RegularExpressions;

namespace SearchService.Core.Documents.Extraction;

/// <summary>
/// Dates as Vietnamese documents write them: "ngày 05 tháng 7 năm 2023" and "05/7/2023"
/// (day first). Impossible dates ("31/02/2023") are not dates.
/// </summary>
public static partial class VietnameseDates
{
    /// <summary>The first date in <paramref name="text"/>, if any.</summary>
    public static DateOnly? FindFirst(string text)
    {
        foreach (Match match in AnyDate().Matches(text))
        {
            if (FromMatch(match) is { } date)
            {
                return date;
            }
        }

        return null;
    }

    /// <summary>A date that starts <paramref name="text"/>, after commas, spaces and "ngày"/"ban hành ngày".</summary>
    public static DateOnly? AtStart(ReadOnlySpan<char> text)
    {
        var match = LeadingDate().Match(text.ToString());
        return match.Success ? FromMatch(match) : null;
    }

    private static DateOnly? FromMatch(Match match)
    {
        var day = match.Groups["d1"].Success ? match.Groups["d1"].Value : match.Groups["d2"].Value;
        var month = match.Groups["m1"].Success ? match.Groups["m1"].Value : match.Groups["m2"].Value;
        var year = match.Groups["y1"].Success ? match.Groups["y1"].Value : match.Groups["y2"].Value;
        var d = int.Parse(day, CultureInfo.InvariantCulture);
        var m = int.Parse(month, CultureInfo.InvariantCulture);
        var y = int.Parse(year, CultureInfo.InvariantCulture);
        if (y < 1900 || y > 2100 || m < 1 || m > 12 || d < 1 || d > DateTime.DaysInMonth(y, m))
        {
            return null;
        }

        return new DateOnly(y, m, d);
    }

    private const string Written = @"ngày\s+(?<d1>\d{1,2})\s+tháng\s+(?<m1>\d{1,2})\s+năm\s+(?<y1>\d{4})";
    private const string Numeric = @"(?<![\d/])(?<d2>\d{1,2})/(?<m2>\d{1,2})/(?<y2>\d{4})(?![\d/])";

    [GeneratedRegex(Written + "|" + Numeric, RegexOptions.IgnoreCase)]
    private static partial Regex AnyDate();

    [GeneratedRegex(@"^[\s,]*(?:(?:ban hành\s+)?ngày\s+)?(?:" + Numeric + @")|^[\s,]*" + Written, RegexOptions.IgnoreCase)]
    private static partial Regex LeadingDate();
}
