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
/// real postings; they use an answerer of their own, so the service's caches start empty.
/// </remarks>
public static class SearchWarmUp
{
    /// <summary>Documents the searches are made from, spread over the index.</summary>
    private const int SourceDocuments = 8;

    /// <summary>
    /// Passes after which a warm-up ends even if the runtime still compiles now and then: a small
    /// index's passes take milliseconds, and by then each search has run often enough to be hot.
    /// </summary>
    public const int MaxPasses = 30;

    /// <summary>
    /// Searches the index <paramref name="snapshot"/> holds, on every core, pass after pass over the
    /// same searches, until the runtime has compiled nothing new for <paramref name="quiet"/> (the
    /// hot code is recompiled: later passes would only repeat themselves), <see cref="MaxPasses"/>
    /// passes are done or <paramref name="budget"/> has gone. Nothing is searched for an empty
    /// index or a zero budget. A search that fails is counted, never thrown: warming must not stop
    /// a start.
    /// </summary>
    public static SearchWarmUpReport Run(IndexSnapshot snapshot, TimeSpan budget, TimeSpan? quiet = null, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var started = Stopwatch.GetTimestamp();
        if (budget <= TimeSpan.Zero || snapshot.LiveCount == 0)
        {
            return new SearchWarmUpReport(0, 0, 0, 0, 0, TimeSpan.Zero);
        }

        var settle = quiet ?? TimeSpan.FromSeconds(1);
        var requests = Requests(ConclusionSearcher.Open(snapshot));
        // Its own caches: the service's start empty. Facet lists are kept, as the service keeps
        // them, so the first pass counts facets over every match and the later ones rank with
        // block-max skipping: both are the service's hot paths. Whole answers are not kept.
        var answerer = new ConclusionSearchAnswerer(new FacetCache(requests.Count), new AnswerCache(0));
        int searches = 0, matched = 0, failed = 0, passes = 0;
        var compiled = System.Runtime.JitInfo.GetCompiledMethodCount();
        var lastCompile = Stopwatch.GetTimestamp();
        while (passes < MaxPasses && Stopwatch.GetElapsedTime(started) < budget && !cancellationToken.IsCancellationRequested)
        {
            Parallel.ForEach(
                requests,
                new ParallelOptions { MaxDegreeOfParallelism = Environment.ProcessorCount },
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

            // The runtime counts calls, then recompiles hot methods in the background, in batches
            // (first with probes that watch what the code does, then for speed): a pass that ends
            // a long enough stretch without a compile ends the warm-up.
            var now = System.Runtime.JitInfo.GetCompiledMethodCount();
            if (now != compiled)
            {
                compiled = now;
                lastCompile = Stopwatch.GetTimestamp();
            }
            else if (Stopwatch.GetElapsedTime(lastCompile) >= settle)
            {
                break;
            }
        }

        return new SearchWarmUpReport(requests.Count, passes, searches, matched, failed, Stopwatch.GetElapsedTime(started));
    }

    /// <summary>
    /// The searches made from up to <see cref="SourceDocuments"/> documents spread over
    /// <paramref name="searcher"/>'s index: from each, four adjacent words of its text and another.
    /// </summary>
    public static IReadOnlyList<SearchRequest> Requests(SearchService.Core.Search.IndexSearcher searcher)
    {
        ArgumentNullException.ThrowIfNull(searcher);
        var requests = new List<SearchRequest>();
        var maxDoc = searcher.Snapshot.MaxDoc;
        var step = Math.Max(1, maxDoc / SourceDocuments);
        for (var doc = step / 2; doc < maxDoc && requests.Count < SourceDocuments * 12; doc += step)
        {
            var stored = searcher.Document(doc, static field => field is ConclusionFields.Body or ConclusionFields.Locality);
            var body = stored.FirstOrDefault(f => f.Field == ConclusionFields.Body).Value as string;
            var locality = stored.FirstOrDefault(f => f.Field == ConclusionFields.Locality).Value as string;
            if (body is null || !TryPickWords(body, out var run, out var third))
            {
                continue;
            }

            var (first, second) = (run[0], run[1]);
            var phrase = $"\"{first} {second}\"";
            var longPhrase = $"\"{string.Join(' ', run)}\"";
            requests.Add(new SearchRequest { Query = first, Lenient = true });
            requests.Add(new SearchRequest { Query = $"{first} {third}", Lenient = true });
            requests.Add(new SearchRequest { Query = phrase, Lenient = true });
            requests.Add(new SearchRequest { Query = $"\"{first} {second} {run[2]}\"", Lenient = true });
            requests.Add(new SearchRequest { Query = longPhrase, Lenient = true });
            requests.Add(new SearchRequest { Query = VietnameseAlphabet.FoldString(longPhrase), Lenient = true });
            requests.Add(new SearchRequest { Query = $"{phrase} OR \"{run[2]} {run[3]}\" OR {third}", Lenient = true });
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
    /// Four adjacent words from the middle of <paramref name="text"/> (one space apart, so phrases
    /// of them match: two words are read from the index's word pairs, longer phrases from
    /// positions) and another word further on; words are letters only, two or more, and never a
    /// query operator.
    /// </summary>
    private static bool TryPickWords(string text, out string[] run, out string other)
    {
        run = [];
        other = "";
        var tokens = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        for (var i = tokens.Length / 3; i + 3 < tokens.Length; i++)
        {
            var candidate = tokens[i..(i + 4)];
            if (!candidate.All(IsWord) || !text.Contains(string.Join(' ', candidate), StringComparison.Ordinal))
            {
                continue;
            }

            for (var j = i + 8; j < tokens.Length; j++)
            {
                if (IsWord(tokens[j]) && !candidate.Contains(tokens[j]))
                {
                    (run, other) = (candidate, tokens[j]);
                    return true;
                }
            }
        }

        return false;
    }

    private static bool IsWord(string token) =>
        token.Length >= 2 && token.All(char.IsLetter) && token is not ("AND" or "OR" or "NOT");
}
