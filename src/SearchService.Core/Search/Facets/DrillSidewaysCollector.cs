using SearchService.Core.Index.Reader;

namespace SearchService.Core.Search.Facets;

/// <summary>
/// Facet counts gathered in the pass that ranks the hits (Lucene's drill-sideways collector):
/// the searcher walks the matches of the query without its facet filters once, tests each
/// document against every filter dimension, and hands it here as a hit (it fails no dimension:
/// counted in every facet) or as sideways to the one dimension it fails (counted only in that
/// dimension's facet, whose own filter is left out). A document failing two dimensions counts
/// nowhere. The documents of a segment are kept as lists and counted from the doc-value columns
/// when the segment ends, a field at a time.
/// </summary>
internal sealed class DrillSidewaysCollector
{
    private readonly FacetRequest[] _facets;
    private readonly int[] _dimensionOf; // per facet: the dimension it leaves out, or -1
    private readonly Dictionary<string, int>[] _totals;
    private readonly int[] _withValue;
    private readonly DocList _hits = new();
    private readonly DocList[] _sideways;
    private SegmentReader? _segment;

    /// <summary>A collector counting <paramref name="facets"/>, with <paramref name="dimensions"/> the facet fields that carry filters, in the order the searcher tests them.</summary>
    public DrillSidewaysCollector(IReadOnlyList<FacetRequest> facets, IReadOnlyList<string> dimensions)
    {
        _facets = [.. facets];
        _dimensionOf = new int[_facets.Length];
        _totals = new Dictionary<string, int>[_facets.Length];
        _withValue = new int[_facets.Length];
        for (var f = 0; f < _facets.Length; f++)
        {
            _totals[f] = new Dictionary<string, int>(StringComparer.Ordinal);
            _dimensionOf[f] = -1;
            for (var d = 0; d < dimensions.Count; d++)
            {
                if (dimensions[d] == _facets[f].Field)
                {
                    _dimensionOf[f] = d;
                }
            }
        }

        _sideways = new DocList[dimensions.Count];
        for (var d = 0; d < _sideways.Length; d++)
        {
            _sideways[d] = new DocList();
        }
    }

    /// <summary>Starts the documents of <paramref name="segment"/>.</summary>
    public void BeginSegment(SegmentReader segment)
    {
        _segment = segment;
        _hits.Clear();
        foreach (var list in _sideways)
        {
            list.Clear();
        }
    }

    /// <summary>A document that passes every filter.</summary>
    public void Hit(int doc) => _hits.Add(doc);

    /// <summary>A document that fails only the filter of dimension <paramref name="dimension"/>.</summary>
    public void Sideways(int dimension, int doc) => _sideways[dimension].Add(doc);

    /// <summary>Counts the current segment's documents into the totals.</summary>
    public void EndSegment()
    {
        if (_segment is null)
        {
            return;
        }

        for (var f = 0; f < _facets.Length; f++)
        {
            var field = _facets[f].Field;
            _withValue[f] += FacetCounter.CountSegment(_segment, _hits.Docs, field, _totals[f]);
            if (_dimensionOf[f] >= 0)
            {
                _withValue[f] += FacetCounter.CountSegment(_segment, _sideways[_dimensionOf[f]].Docs, field, _totals[f]);
            }
        }

        _segment = null;
    }

    /// <summary>The finished counts, one per facet in the order asked.</summary>
    public IReadOnlyList<FacetResult> Results()
    {
        var results = new FacetResult[_facets.Length];
        for (var f = 0; f < results.Length; f++)
        {
            results[f] = FacetCounter.Result(_facets[f], _totals[f], _withValue[f]);
        }

        return results;
    }

    /// <summary>A growable list of document numbers, reused from segment to segment.</summary>
    private sealed class DocList
    {
        private int[] _docs = new int[64];
        private int _count;

        public ReadOnlySpan<int> Docs => _docs.AsSpan(0, _count);

        public void Add(int doc)
        {
            if (_count == _docs.Length)
            {
                Array.Resize(ref _docs, _docs.Length * 2);
            }

            _docs[_count++] = doc;
        }

        public void Clear() => _count = 0;
    }
}
