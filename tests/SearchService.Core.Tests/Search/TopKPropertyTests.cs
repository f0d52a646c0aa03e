using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;
using SearchService.Core.Search;
using SearchService.Core.Search.Parsing;
using SearchService.Core.Search.Queries;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// Random documents and random boolean and phrase queries: the engine's top hits (with WAND and
/// block skipping engaged from the first full page) must equal a brute-force scan of the stored
/// text, documents and scores.
/// </summary>
public sealed class TopKPropertyTests : IDisposable
{
    private static readonly string[] Vocabulary =
        ["nông", "nong", "thôn", "mới", "moi", "giải", "phóng", "phong", "mặt", "bằng", "thành", "ủy", "uỷ", "hòa", "hoà",
         "ban", "dân", "nhân", "tỉnh", "huyện", "số", "và", "UBND", "GPMB", "18-NQ/TU", "đất", "đai", "xây", "dựng"];

    private static readonly string[] Fields = [ConclusionFields.Title, ConclusionFields.Body];

    private readonly TempFolder _scratch = new("ss-topk");

    public void Dispose()
    {
        _scratch.Dispose();
    }

    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    [InlineData(14)]
    public void Top_hits_equal_a_brute_force_scan_of_the_stored_text(int seed)
    {
        var random = new Random(seed);
        var snapshot = BuildIndex(random, documents: 400);
        Assert.True(snapshot.Segments.Count > 2, "the small RAM buffer should make several segments");
        var searcher = ConclusionSearcher.Open(snapshot);
        var reference = new BruteForceScorer(snapshot, Fields);
        var terms = Fields.ToDictionary(f => f, f => reference.Terms(f).ToArray());
        var pruned = 0;

        for (var q = 0; q < 150; q++)
        {
            var query = RandomQuery(random, terms, depth: 0);
            var k = random.Next(1, 25);
            var expected = reference.Search(query);
            var actual = searcher.Search(query, k, totalHitsThreshold: random.Next(1, 3) == 1 ? 1 : 1000);
            var context = $"seed {seed}, query {q}: {query} (k={k})";
            Assert.True(Math.Min(k, expected.Count) == actual.Hits.Count, $"{context}: {actual.Hits.Count} hits, expected {Math.Min(k, expected.Count)}");
            for (var i = 0; i < actual.Hits.Count; i++)
            {
                Assert.True(expected[i].Doc == actual.Hits[i].Doc && Math.Abs(expected[i].Score - actual.Hits[i].Score) <= 1e-5,
                    $"{context}: hit {i} is doc {actual.Hits[i].Doc} scoring {actual.Hits[i].Score}, expected doc {expected[i].Doc} scoring {expected[i].Score}");
            }

            pruned += actual.TotalIsExact ? 0 : 1;
            if (actual.Hits.Count > 0)
            {
                var hit = actual.Hits[random.Next(actual.Hits.Count)];
                var explanation = searcher.Explain(query, hit.Doc);
                Assert.True(explanation.IsMatch && Math.Abs(explanation.Value - hit.Score) <= 1e-5, $"{context}: explanation of doc {hit.Doc} says {explanation.Value}, the hit scored {hit.Score}\n{explanation}");
            }

            var missing = Enumerable.Range(0, reference.MaxDoc).FirstOrDefault(d => !expected.Any(h => h.Doc == d) && !snapshot.Locate(d).Segment.IsDeleted(snapshot.Locate(d).Doc), -1);
            if (missing >= 0)
            {
                Assert.False(searcher.Explain(query, missing).IsMatch, $"{context}: doc {missing} does not match but its explanation says it does");
            }

            if (actual.TotalIsExact)
            {
                Assert.Equal(expected.Count, actual.TotalHits);
            }
            else
            {
                Assert.True(actual.TotalHits <= expected.Count, context);
            }

            // All matches per segment, as facets take them.
            var bits = searcher.MatchingDocuments(query);
            var matched = new List<int>();
            for (var s = 0; s < bits.Length; s++)
            {
                Assert.Equal(snapshot.Segments[s].MaxDoc, bits[s].Length);
                for (var d = 0; d < bits[s].Length; d++)
                {
                    if (bits[s][d])
                    {
                        matched.Add(snapshot.DocBases[s] + d);
                    }
                }
            }

            Assert.Equal(expected.Select(h => h.Doc).Order(), matched);
        }

        Assert.True(pruned > 5, $"only {pruned} searches skipped documents; the test should exercise pruning");
    }

    [Theory]
    [InlineData(21)]
    [InlineData(22)]
    public void Parsed_word_queries_rank_as_a_brute_force_scan_of_their_rewritten_form(int seed)
    {
        var random = new Random(seed);
        var snapshot = BuildIndex(random, documents: 300);
        var searcher = ConclusionSearcher.Open(snapshot);
        var reference = new BruteForceScorer(snapshot, Fields);
        string[] operators = ["", "", "", "+", "-"];
        for (var q = 0; q < 80; q++)
        {
            var text = string.Join(' ', Enumerable.Range(0, random.Next(1, 5)).Select(_ =>
                random.Next(8) == 0 ? "\"" + Words(random, 2) + "\"" : operators[random.Next(operators.Length)] + Vocabulary[random.Next(Vocabulary.Length)]));
            var query = searcher.Parser.Parse(text).Rewrite(searcher.CreateContext());
            var k = random.Next(1, 15);
            var expected = reference.Search(query);
            AssertSameTop($"'{text}' → {query}", k, expected, searcher.Search(query, k, totalHitsThreshold: 1));
        }
    }

    [Theory]
    [InlineData(41)]
    [InlineData(42)]
    public void Long_texts_ranked_over_any_word_rank_as_a_brute_force_scan(int seed)
    {
        var random = new Random(seed);
        var snapshot = BuildIndex(random, documents: 300);
        var searcher = ConclusionSearcher.Open(snapshot);
        var anyWord = new QueryParser(ConclusionQueries.ParserOptions with { DefaultOperator = DefaultOperator.Or });
        var reference = new BruteForceScorer(snapshot, Fields);
        var coordinated = 0;
        for (var q = 0; q < 60; q++)
        {
            var text = Words(random, random.Next(2, 12));
            var query = anyWord.Parse(text).Rewrite(searcher.CreateContext());
            coordinated += query is CoordinationQuery ? 1 : 0;
            var k = random.Next(1, 15);
            var expected = reference.Search(query);
            var actual = searcher.Search(query, k, totalHitsThreshold: random.Next(2) == 0 ? 1 : 1000);
            AssertSameTop($"'{text}' → {query}", k, expected, actual);

            if (actual.Hits.Count > 0)
            {
                var explanation = searcher.Explain(query, actual.Hits[0].Doc);
                Assert.True(Math.Abs(explanation.Value - actual.Hits[0].Score) <= 1e-5, $"'{text}': explanation {explanation.Value}, hit {actual.Hits[0].Score}\n{explanation}");
            }
        }

        Assert.True(coordinated > 40, $"only {coordinated} texts were coordinated");
    }

    [Theory]
    [InlineData(31, null)]
    [InlineData(32, ConclusionFields.Date)]
    public void Search_after_pages_read_the_brute_force_order_without_gaps_or_repeats(int seed, string? sortField)
    {
        var random = new Random(seed);
        var snapshot = BuildIndex(random, documents: 300);
        var searcher = ConclusionSearcher.Open(snapshot);
        var reference = new BruteForceScorer(snapshot, Fields);
        var terms = Fields.ToDictionary(f => f, f => reference.Terms(f).ToArray());
        for (var q = 0; q < 40; q++)
        {
            var query = RandomQuery(random, terms, depth: 0);
            var expected = reference.Search(query);
            if (sortField is not null)
            {
                expected = [.. expected.OrderByDescending(h => DateOf(snapshot, h.Doc)).ThenBy(h => h.Doc)];
            }

            var pageSize = random.Next(1, 7);
            var read = new List<ScoreDoc>();
            ScoreDoc? after = null;
            while (true)
            {
                var page = searcher.Search(query, pageSize, sortField, after, totalHitsThreshold: 1);
                read.AddRange(page.Hits);
                if (page.Hits.Count < pageSize)
                {
                    break;
                }

                after = page.Hits[^1];
            }

            Assert.Equal(expected.Select(h => h.Doc), read.Select(h => h.Doc));
            Assert.All(read.Zip(expected), p => Assert.Equal(p.Second.Score, p.First.Score, 5));
        }
    }

    /// <summary>
    /// The shape of a broad accented word in our stacked queries: one clause that ranks (a word in
    /// about half the titles, whose scores tie often: titles of a few lengths, the word once or
    /// twice) beside clauses that weigh next to nothing (words in every body: idf near 0), so most
    /// documents are passed over by bounding them before the light clauses are read. The top hits
    /// must still be the brute-force scan's, documents and scores.
    /// </summary>
    [Theory]
    [InlineData(31)]
    [InlineData(32)]
    [InlineData(33)]
    public void A_heavy_clause_beside_clauses_of_no_weight_ranks_as_a_brute_force_scan(int seed)
    {
        var random = new Random(seed);
        string[] titles = ["kết luận hội nghị", "kết luận hội nghị đảng bộ", "đảng bộ huyện đại hội đảng bộ", "đảng bộ xã", "thông báo kết luận về đảng viên đảng bộ"];
        using (var writer = IndexWriter.Open(_scratch.Path, ConclusionFields.Schema, new IndexWriterOptions { RamBufferBytes = 60_000, MergePolicy = null }))
        {
            for (var doc = 0; doc < 1_500; doc++)
            {
                var body = "và " + string.Join(' ', Enumerable.Range(0, random.Next(0, 12)).Select(_ => random.Next(3) == 0 ? "và" : Vocabulary[random.Next(Vocabulary.Length)]));
                writer.UpdateDocument($"doc-{doc}", new IndexDocument()
                    .Add(ConclusionFields.Id, $"doc-{doc}")
                    .Add(ConclusionFields.Title, titles[random.Next(titles.Length)])
                    .Add(ConclusionFields.Body, body));
            }

            writer.Commit();
        }

        var snapshot = IndexSnapshot.Open(new IndexDirectory(_scratch.Path));
        var searcher = ConclusionSearcher.Open(snapshot);
        var reference = new BruteForceScorer(snapshot, Fields);
        var pruned = 0;
        for (var q = 0; q < 40; q++)
        {
            List<BooleanClause> clauses =
            [
                new(new TermQuery(ConclusionFields.Title, "đảng") { Boost = 2f }, Occur.Should),
                new(new TermQuery(ConclusionFields.Body, "và"), Occur.Should),
            ];
            if (random.Next(2) == 0)
            {
                clauses.Add(new(new TermQuery(ConclusionFields.Title, "bộ") { Boost = 0.5f }, Occur.Should));
            }

            if (random.Next(2) == 0)
            {
                clauses.Add(new(new TermQuery(ConclusionFields.Body, Vocabulary[random.Next(Vocabulary.Length)]) { Boost = 0.5f }, Occur.Should));
            }

            var query = new BooleanQuery(clauses);
            var k = random.Next(1, 12);
            var actual = searcher.Search(query, k, totalHitsThreshold: 1);
            AssertSameTop($"seed {seed}, query {q}: {query} (k={k})", k, reference.Search(query), actual);
            pruned += actual.TotalIsExact ? 0 : 1;
        }

        Assert.True(pruned > 20, $"only {pruned} searches skipped documents");
    }

    /// <summary>The engine's top <paramref name="k"/> are the reference's first k, documents and scores.</summary>
    private static void AssertSameTop(string context, int k, List<(int Doc, float Score)> expected, TopHits actual)
    {
        Assert.True(Math.Min(k, expected.Count) == actual.Hits.Count, $"{context}: {actual.Hits.Count} hits, expected {Math.Min(k, expected.Count)}");
        for (var i = 0; i < actual.Hits.Count; i++)
        {
            Assert.True(expected[i].Doc == actual.Hits[i].Doc && Math.Abs(expected[i].Score - actual.Hits[i].Score) <= 1e-5,
                $"{context}: hit {i} is doc {actual.Hits[i].Doc} scoring {actual.Hits[i].Score}, expected doc {expected[i].Doc} scoring {expected[i].Score}");
        }
    }

    private static long DateOf(IndexSnapshot snapshot, int doc)
    {
        var (segment, local) = snapshot.Locate(doc);
        return segment.NumericValue(ConclusionFields.Date, local) ?? long.MinValue;
    }

    private IndexSnapshot BuildIndex(Random random, int documents)
    {
        // No background merges: their timing would make the segment layout, and so how often a
        // search can prune, differ from run to run for the same seed.
        using (var writer = IndexWriter.Open(_scratch.Path, ConclusionFields.Schema, new IndexWriterOptions { RamBufferBytes = 30_000, MergePolicy = null }))
        {
            for (var step = 0; step < documents; step++)
            {
                var id = "doc-" + random.Next(documents * 3 / 4);
                var document = new IndexDocument().Add(ConclusionFields.Id, id);
                if (random.Next(5) > 0)
                {
                    document.Add(ConclusionFields.Title, Words(random, random.Next(1, 8)));
                }

                document.Add(ConclusionFields.Body, Words(random, random.Next(0, 60)));
                if (random.Next(6) > 0)
                {
                    // Few distinct dates, so date ties are common.
                    document.Add(ConclusionFields.Date, new DateOnly(2023, 1, 1).AddDays(random.Next(20)).DayNumber);
                }

                writer.UpdateDocument(id, document);
                if (random.Next(40) == 0)
                {
                    writer.Commit();
                }
            }

            writer.Commit();
        }

        return IndexSnapshot.Open(new IndexDirectory(_scratch.Path));
    }

    private static string Words(Random random, int count) =>
        string.Join(' ', Enumerable.Range(0, count).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]));

    private static Query RandomQuery(Random random, Dictionary<string, string[]> terms, int depth)
    {
        var field = Fields[random.Next(Fields.Length)];
        var boost = new[] { 1f, 1f, 0.5f, 2f, 1.3f }[random.Next(5)];
        var roll = random.Next(10);
        if (depth >= 2 || roll < 4)
        {
            return new TermQuery(field, Term(random, terms[field])) { Boost = boost };
        }

        if (roll == 4 && random.Next(3) == 0)
        {
            // Dates run over 20 days from 2023-01-01: ranges that cut through them, open ends, or everything.
            var first = new DateOnly(2023, 1, 1).DayNumber;
            long? min = random.Next(3) == 0 ? null : first + random.Next(20);
            long? max = random.Next(3) == 0 ? null : first + random.Next(20);
            return random.Next(4) switch
            {
                0 => new MatchAllQuery { Boost = boost },
                1 => new TermSetQuery(field, Enumerable.Range(0, random.Next(1, 6)).Select(_ => Term(random, terms[field])).Distinct().ToList()) { Boost = boost },
                _ => new NumericRangeQuery(ConclusionFields.Date, min, max) { Boost = boost },
            };
        }

        if (roll < 6)
        {
            var words = Enumerable.Range(0, random.Next(1, 4))
                .Select(_ => (IReadOnlyList<string>)Enumerable.Range(0, random.Next(1, 3)).Select(_ => Term(random, terms[field])).Distinct().ToList())
                .ToList();
            // Sometimes a span over some of the words, with terms that may or may not stand for them.
            List<PhraseSpan> spans = [];
            if (random.Next(3) == 0)
            {
                var first = random.Next(words.Count);
                spans.Add(new PhraseSpan(first, random.Next(first, words.Count), [.. Enumerable.Range(0, random.Next(1, 3)).Select(_ => Term(random, terms[field])).Distinct()]));
            }

            return new PhraseQuery(field, words, random.Next(3) == 0 ? random.Next(1, 4) : 0, spans) { Boost = boost };
        }

        var clauses = Enumerable.Range(0, random.Next(1, 6)).Select(_ =>
        {
            var occur = random.Next(10) switch
            {
                < 4 => Occur.Should,
                < 7 => Occur.Must,
                < 9 => Occur.MustNot,
                _ => Occur.Filter,
            };
            return new BooleanClause(RandomQuery(random, terms, depth + 1), occur);
        });
        return new BooleanQuery(clauses) { Boost = boost };
    }

    private static string Term(Random random, string[] terms) =>
        random.Next(12) == 0 ? "absent" : terms[random.Next(terms.Length)];
}
