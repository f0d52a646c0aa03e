using System.Diagnostics.CodeAnalysis;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Index.Reader;

namespace SearchService.Core.Catalog.Answering;

/// <summary>
/// Whole answers (hits, snippets, facets) kept per snapshot for requests asked again: the same
/// words, filters, order, page and options. A front end asks the same first page of a popular
/// search, and goes back and forth between pages, far more often than anything new; each of
/// those is then a lookup instead of a ranking pass, a decompression of every hit's chunk of
/// bodies and a facet count. A snapshot never changes, so an answer kept for it cannot go stale;
/// the next write makes a new snapshot and the entries die with the old one. Each snapshot keeps
/// at most <see cref="Capacity"/> answers, least recently used out.
/// </summary>
public sealed class AnswerCache
{
    private readonly SnapshotLru<SearchAnswer> _answers;

    /// <summary>A cache of <paramref name="capacity"/> answers a snapshot (0 keeps nothing).</summary>
    public AnswerCache(int capacity) => _answers = new(capacity);

    /// <summary>Answers kept per snapshot.</summary>
    public int Capacity => _answers.Capacity;

    /// <summary>The answer kept for <paramref name="request"/> with <paramref name="options"/> on <paramref name="snapshot"/>, if any.</summary>
    public bool TryGet(IndexSnapshot snapshot, SearchRequest request, SearchAnswerOptions options, [NotNullWhen(true)] out SearchAnswer? answer)
    {
        answer = null;
        return Key(request, options) is { } key && _answers.TryGet(snapshot, key, out answer);
    }

    /// <summary>Keeps <paramref name="answer"/> for <paramref name="request"/> with <paramref name="options"/> on <paramref name="snapshot"/>.</summary>
    public void Add(IndexSnapshot snapshot, SearchRequest request, SearchAnswerOptions options, SearchAnswer answer)
    {
        if (Key(request, options) is { } key)
        {
            _answers.Add(snapshot, key, answer);
        }
    }

    // Both are records: their text names every property, so two requests share a key only when
    // they ask the same. Explanations are for debugging one search and are not kept.
    private string? Key(SearchRequest request, SearchAnswerOptions options) =>
        Capacity == 0 || request.Explain || request.Facets.Count > 0 ? null : $"{request}|{options}";
}
