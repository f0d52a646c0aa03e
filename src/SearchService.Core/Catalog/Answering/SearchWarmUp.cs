using System.Diagnostics;
using System.Text.Json;
using SearchService.Core.Analysis;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Documents;
using SearchService.Core.Index.Reader;

namespace SearchService.Core.Catalog.Answering;

/// <summary>
/// Runs searches of every kind a client sends (a word, all words, a phrase, the same unaccented,
/// OR, AND, a prefix, a filter, date order, a second page) over the index before the service takes
/// requests, each answered as the API answers (snippets, facets, the JSON written).
/// </summary>
/// <remarks>
/// Why: .NET compiles a method quickly and poorly first and recompiles the hot ones later, in the
/// background, with what it saw them do (tiered compilation). A service that takes requests at
/// once spends its first seconds in slow code and compiling: measured on 100k documents under 16
/// connections, its first 5 s answered 72 requests/s at a p99 of 556 ms and 25 ms of CPU a request,
/// against ~460 requests/s, ~100 ms and ~3.9 ms once settled. The searches are made from the
/// index's own documents (their words, their phrases, their locality) so that they match and walk
/// real postings; they use an answerer without caches, so the service's caches start empty.
/// </remarks>
public static class SearchWarmUp
{
    /// <summary>Documents the searches are made from, spread over the index.</summary>
    private const int SourceDocuments = 8;

    /// <summary>
    /// Searches the index <paramref name="snapshot"/> holds, on every core, pass after pass over the
    /// same searches until <paramref name="budget"/> has gone or <paramref name="maxPasses"/> passes
    /// are done (a small index finishes its passes long before the budget). Nothing is searched for
    /// an empty index or a zero budget. A search that fails is counted, never thrown: warming must
    /// not stop a start.
    /// </summary>
    public static SearchWarmUpReport Run(IndexSnapshot snapshot, TimeSpan budget, int maxPasses = 8, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var started = Stopwatch.GetTimestamp();
        if (budget <= TimeSpan.Zero || maxPasses <= 0 || snapshot.LiveCount == 0)
        {
            return new SearchWarmUpReport(0, 0, 0, 0, TimeSpan.Zero);
        }

        var requests = Requests(ConclusionSearcher.Open(snapshot));
        var answerer = new ConclusionSearchAnswerer(new FacetCache(0), new AnswerCache(0));
        int searches = 0, matched = 0, failed = 0;
        var passes = 0;
        while (passes < maxPasses && Stopwatch.GetElapsedTime(started) < budget && !cancellationToken.IsCancellationRequested)
        {
            Parallel.ForEach(
                requests,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount, CancellationToken = CancellationToken.None },
                (request, loop) =>
                {
                    if (Stopwatch.GetElapsedTime(started) >= budget || cancellationToken.IsCancellationRequested)
                    {
                        loop.Stop();
                        return;
                    }

                    try
                    {
                        var searcher = ConclusionSearcher.Open(snapshot);
                        var answer = answerer.Answer(searcher, request);
                        _ = JsonSerializer.SerializeToUtf8Bytes(SearchResponse.From(answer, request), ConclusionDocumentJson.Compact);
                        Interlocked.Increment(ref searches);
                        if (answer.Result.Total > 0)
                        {
                            Interlocked.Increment(ref matched);
                        }
                    }
                    catch (Exception e) when (e is not OutOfMemoryException)
                    {
                        Interlocked.Increment(ref failed);
                    }
                });
            passes++;
        }

        return new SearchWarmUpReport(requests.Count, searches, matched, failed, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// The searches made from up to <see cref="SourceDocuments"/> documents spread over
    /// <paramref name="searcher"/>'s index: from each, two adjacent words of its text and a third.
    /// </summary>
    public static IReadOnlyList<SearchRequest> Requests(SearchService.Core.Search.IndexSearcher searcher)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var requests = new List<SearchRequest>();
        var maxDoc = searcher.Snapshot.MaxDoc;
        var step = Math.Max(1, maxDoc / SourceDocuments);
        for (var doc = step / 2; doc < maxDoc && requests.Count < SourceDocuments * 10; doc += step)
        {
            var stored = searcher.Document(doc, static field => field is ConclusionFields.Body or ConclusionFields.Locality);
            var body = stored.FirstOrDefault(f => f.Field == ConclusionFields.Body).Value as string;
            var locality = stored.FirstOrDefault(f => f.Field == ConclusionFields.Locality).Value as string;
            if (body is null || !TryPickWords(body, out var first, out var second, out var third))
            {
                continue;
            }

            var phrase = $"\"{first} {second}\"";
            requests.Add(new SearchRequest { Query = first, Lenient = true });
            requests.Add(new SearchRequest { Query = $"{first} {third}", Lenient = true });
            requests.Add(new SearchRequest { Query = phrase, Lenient = true });
            requests.Add(new SearchRequest { Query = VietnameseAlphabet.FoldString(phrase), Lenient = true });
            requests.Add(new SearchRequest { Query = $"{phrase} OR {third}", Lenient = true });
            requests.Add(new SearchRequest { Query = $"{phrase} AND {third}", Lenient = true });
            requests.Add(new SearchRequest { Query = first[..Math.Min(3, first.Length)] + "*", Lenient = true });
            requests.Add(new SearchRequest { Query = second, Sort = SearchSort.Date, Lenient = true });
            requests.Add(new SearchRequest { Query = third, Page = 2, Lenient = true });
            if (!string.IsNullOrEmpty(locality))
            {
                requests.Add(new SearchRequest { Query = second, Locality = locality, Lenient = true });
            }
        }

        return requests;
    }

    /// <summary>
    /// Two adjacent words from the middle of <paramref name="text"/> (separated by one space, so a
    /// phrase of them matches) and a third word further on; words are letters only, two or more,
    /// and never a query operator.
    /// </summary>
    private static bool TryPickWords(string text, out string first, out string second, out string third)
    {
        first = second = third = "";
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = tokens.Length / 3; i + 1 < tokens.Length; i++)
        {
            if (!IsWord(tokens[i]) || !IsWord(tokens[i + 1]) || text.Contains($"{tokens[i]}  {tokens[i + 1]}", StringComparison.Ordinal))
            {
                continue;
            }

            for (var j = i + 5; j < tokens.Length; j++)
            {
                if (IsWord(tokens[j]) && tokens[j] != tokens[i] && tokens[j] != tokens[i + 1])
                {
                    (first, second, third) = (tokens[i], tokens[i + 1], tokens[j]);
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsWord(string token) =>
        token.Length >= 2 && token.All(char.IsLetter) && token is not ("AND" or "OR" or "NOT");
}
