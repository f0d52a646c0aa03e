namespace SearchService.Core.Evaluation;

/// <summary>How often one record field came out as expected, with the documents where it did not.</summary>
/// <param name="Field">The field's JSON name ("locality", "codes" …).</param>
/// <param name="Correct">Documents whose extracted value equals the expected one.</param>
/// <param name="Total">Documents with an expected value for the field (null included).</param>
/// <param name="Misses">"id: expected ≠ extracted" for each miss.</param>
public sealed record FieldAccuracy(string Field, int Correct, int Total, IReadOnlyList<string> Misses)
{
    /// <summary>The share correct, 1 when nothing was expected.</summary>
    public double Ratio => Total == 0 ? 1 : (double)Correct / Total;
}
