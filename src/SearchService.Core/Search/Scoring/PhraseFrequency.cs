namespace SearchService.Core.Search.Scoring;

/// <summary>
/// How often a phrase occurs in a document, given the positions of each of its words there. For
/// every occurrence of the first word, the next words are taken in order, each at the first
/// position after the previous word's; the occurrence counts when the extra distance (positions
/// between the words beyond adjacency) is at most the slop, weighing 1 / (1 + distance) — so an
/// exact phrase counts 1 per occurrence and a looser one less. Words out of order do not match.
/// </summary>
internal static class PhraseFrequency
{
    /// <summary>The sloppy frequency of the phrase whose words' positions in the current document are in <paramref name="words"/>.</summary>
    public static float Compute(PhrasePosition[] words, int slop)
    {
        var first = words[0].Positions;
        float freq = 0;
        foreach (var start in first)
        {
            var previous = start;
            var matched = true;
            for (var i = 1; i < words.Length; i++)
            {
                var next = FirstAfter(words[i].Positions, previous);
                if (next < 0 || next - start - i > slop)
                {
                    matched = false;
                    break;
                }

                previous = next;
            }

            if (matched)
            {
                var distance = previous - start - (words.Length - 1);
                freq += 1f / (1 + distance);
            }
        }

        return freq;
    }

    private static int FirstAfter(ReadOnlySpan<int> sorted, int after)
    {
        int lo = 0, hi = sorted.Length;
        while (lo < hi)
        {
            var mid = (lo + hi) >>> 1;
            if (sorted[mid] <= after)
            {
                lo = mid + 1;
            }
            else
            {
                hi = mid;
            }
        }

        return lo < sorted.Length ? sorted[lo] : -1;
    }
}
