using System.Globalization;
using SearchService.Core.Catalog.Search;

namespace SearchService.Core.Catalog.Answering;

/// <summary>
/// How a search's text parameters read, the same for the HTTP API and the CLI: days as ISO
/// (2023-07-05) or as Vietnamese documents write them (5/7/2023), sort as relevance or date.
/// </summary>
public static class SearchParameters
{
    /// <summary>The day formats accepted, for error messages.</summary>
    public const string DayFormats = "days are written yyyy-MM-dd (2023-07-05) or d/M/yyyy (5/7/2023)";

    private static readonly string[] Formats = ["yyyy-MM-dd", "d/M/yyyy"];

    /// <summary>Reads a day in one of the <see cref="DayFormats"/>.</summary>
    public static bool TryParseDay(string? text, out DateOnly day) =>
        DateOnly.TryParseExact(text?.Trim(), Formats, CultureInfo.InvariantCulture, DateTimeStyles.None, out day);

    /// <summary>Reads a sort name (empty means relevance); false for anything else.</summary>
    public static bool TryParseSort(string? text, out SearchSort sort)
    {
        switch (text?.Trim().ToLowerInvariant())
        {
            case null or "" or "relevance":
                sort = SearchSort.Relevance;
                return true;
            case "date":
                sort = SearchSort.Date;
                return true;
            default:
                sort = SearchSort.Relevance;
                return false;
        }
    }
}
