namespace SearchService.Core.Search.Scoring;

/// <summary>
/// A phrase's strict reading in one segment (<see cref="Queries.PhraseStrictReading"/>): its spans'
/// postings, advanced only to the phrase's confirmed documents, and its weight (0 when the segment
/// lacks one of its spans, so it never holds there).
/// </summary>
internal sealed class PhraseStrictPart(PhrasePosition[] spans, float weight)
{
    public float Weight { get; } = weight;

    /// <summary>
    /// The strict frequency in <paramref name="doc"/>: the phrase's <paramref name="phraseFreq"/>,
    /// bounded by each span's frequency there (0 when a span is absent).
    /// </summary>
    public float Frequency(int doc, float phraseFreq)
    {
        if (Weight == 0)
        {
            return 0;
        }

        var freq = phraseFreq;
        foreach (var span in spans)
        {
            if (span.Advance(doc) != doc)
            {
                return 0;
            }

            freq = Math.Min(freq, span.CurrentFreq());
        }

        return freq;
    }

}
