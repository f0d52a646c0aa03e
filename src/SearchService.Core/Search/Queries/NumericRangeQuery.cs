using System.Globalization;
using SearchService.Core.Search.Scoring;

namespace SearchService.Core.Search.Queries;

/// <summary>
/// Documents whose numeric field (a date as <see cref="DateOnly.DayNumber"/>, a year) lies in
/// [<see cref="Min"/>, <see cref="Max"/>], both ends included, read from the doc-value column;
/// a constant score (ranges restrict, they do not rank).
/// </summary>
public sealed class NumericRangeQuery : Query
{
    /// <summary>Matches values of <paramref name="field"/> from <paramref name="min"/> to <paramref name="max"/> (null for open).</summary>
    public NumericRangeQuery(string field, long? min, long? max)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        Field = field;
        Min = min;
        Max = max;
    }

    /// <summary>The numeric field.</summary>
    public string Field { get; }

    /// <summary>Smallest value matched, or null for no lower bound.</summary>
    public long? Min { get; }

    /// <summary>Largest value matched, or null for no upper bound.</summary>
    public long? Max { get; }

    /// <inheritdoc />
    public override Weight CreateWeight(SearchContext context, float boost)
    {
        var min = Min ?? long.MinValue + 1;
        var max = Max ?? long.MaxValue;
        var field = Field;
        return new DocSetWeight(
            (leaf, doc) => leaf.Segment.NumericValue(field, doc) is { } value && value >= min && value <= max,
            ToString(),
            boost * Boost);
    }

    /// <inheritdoc />
    public override string ToString() =>
        string.Create(CultureInfo.InvariantCulture, $"{Field}:[{(Min is { } min ? min.ToString(CultureInfo.InvariantCulture) : "*")} TO {(Max is { } max ? max.ToString(CultureInfo.InvariantCulture) : "*")}]{BoostSuffix()}");
}
