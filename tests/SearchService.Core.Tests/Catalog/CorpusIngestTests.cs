using System.Text.Json;
using SearchService.Core.Catalog;
using SearchService.Core.Index.Writer;

namespace SearchService.Core.Tests.Catalog;

public sealed class CorpusIngestTests : IDisposable
{
    private static readonly string[] Syllables =
        ["nông", "thôn", "mới", "giải", "phóng", "mặt", "bằng", "Thành", "uỷ", "ủy", "hoà", "hòa", "ban", "chấp", "hành", "đảng", "bộ", "huyện", "UBND", "18-NQ/TU", "05/7/2023", "kinh", "tế", "xã", "hội", ",", "."];

    private readonly string _root = Path.Combine(Path.GetTempPath(), "ss-ingest-" + Guid.NewGuid().ToString("N"));

    public CorpusIngestTests() => Directory.CreateDirectory(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Theory]
    [InlineData(1)]
    [InlineData(3)]
    public void Analysis_threads_give_the_same_outcomes_in_the_same_order_and_the_same_index_bytes_as_one_thread(int threads)
    {
        var corpus = WriteCorpus(seed: threads, repeatIds: true);
        var (single, singleFiles) = Ingest(corpus, "single", analysisThreads: 0);
        var (parallel, parallelFiles) = Ingest(corpus, "parallel", analysisThreads: threads);

        Assert.Equal(single, parallel);
        Assert.Contains(single, o => o.Status == IngestStatus.Updated); // ids repeated later in the file
        Assert.Contains(single, o => o.Status == IngestStatus.Failed); // the malformed line
        Assert.Equal(singleFiles.Keys.Order(), parallelFiles.Keys.Order());
        foreach (var (name, bytes) in singleFiles)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(parallelFiles[name]), $"{name} differs");
        }
    }

    [Fact]
    public void Re_ingesting_an_unchanged_corpus_with_analysis_threads_changes_nothing()
    {
        var corpus = WriteCorpus(seed: 7, repeatIds: false);
        var path = Path.Combine(_root, "index");
        using var writer = IndexWriter.Open(path, ConclusionFields.Schema);
        var first = new ConclusionIngestor(writer) { AnalysisThreads = 2 }.IngestCorpus(corpus).ToList();
        writer.Commit();
        var live = writer.LiveCount;

        var again = new ConclusionIngestor(writer) { AnalysisThreads = 2 }.IngestCorpus(corpus).ToList();

        Assert.All(again.Where(o => o.Status != IngestStatus.Failed), o => Assert.Equal(IngestStatus.Unchanged, o.Status));
        Assert.Equal(first.Count(o => o.Status == IngestStatus.Failed), again.Count(o => o.Status == IngestStatus.Failed));
        Assert.False(writer.HasUncommittedChanges);
        Assert.Equal(live, writer.LiveCount);
    }

    [Fact]
    public void Re_ingesting_a_corpus_with_one_line_changed_updates_that_document_only_also_after_reopening()
    {
        var corpus = WriteCorpus(seed: 11, repeatIds: false);
        var path = Path.Combine(_root, "index");
        using (var writer = IndexWriter.Open(path, ConclusionFields.Schema))
        {
            _ = new ConclusionIngestor(writer).IngestCorpus(corpus).ToList();
            writer.Commit();
        }

        var lines = File.ReadAllLines(corpus);
        var changed = Array.FindIndex(lines, l => l.StartsWith("{\"id\":42,", StringComparison.Ordinal));
        lines[changed] = lines[changed].Replace("\"body\":\"", "\"body\":\"chuyển đổi số ", StringComparison.Ordinal);
        File.WriteAllLines(corpus, lines);

        // A new writer learns the sources' digests from the committed index, not from this process.
        using var reopened = IndexWriter.Open(path, ConclusionFields.Schema);
        var again = new ConclusionIngestor(reopened).IngestCorpus(corpus).Where(o => o.Status != IngestStatus.Failed).ToList();

        var updated = Assert.Single(again, o => o.Status != IngestStatus.Unchanged);
        Assert.Equal((IngestStatus.Updated, "42"), (updated.Status, updated.Id));
        Assert.Equal(299, again.Count(o => o.Status == IngestStatus.Unchanged));
    }

    [Fact]
    public void A_corpus_line_stores_its_body_as_the_same_record_given_as_text_does_whatever_its_escapes()
    {
        // Ingestion keeps a body's UTF-8 from the line (its escapes undone) for the stored fields
        // instead of encoding the text again: the index must hold the same bytes either way.
        string[] bodies =
        [
            "Kết luận\\n\\nSố 18-NQ/TU", "tab\\there \\\"quoted\\\" back\\\\slash \\/ slash", "\\u00e0 \\u1EA1 \\u0110\\u1ea2NG", "emoji \\ud83d\\ude00 và 日本",
            "nul \\u0000 bell \\u0007 \\b\\f\\r", "plain Thành ủy", "", "\\u2028\\u2029 \\u00A0 \\u200B",
        ];
        var lines = bodies.Select((body, i) => $"{{\"id\":{i},\"title\":\"t\\u1ea1 {i}\",\"body\":\"{body}\"}}").ToList();
        var corpus = Path.Combine(_root, "escapes.jsonl");
        File.WriteAllLines(corpus, lines);

        var (outcomes, fromLines) = Ingest(corpus, "lines", analysisThreads: 1);
        Assert.All(outcomes, o => Assert.Equal(IngestStatus.Added, o.Status));

        var path = Path.Combine(_root, "records");
        using (var writer = IndexWriter.Open(path, ConclusionFields.Schema, new IndexWriterOptions { RamBufferBytes = 1L << 30, MergePolicy = null }))
        {
            var ingestor = new ConclusionIngestor(writer);
            foreach (var line in lines)
            {
                var utf8 = System.Text.Encoding.UTF8.GetBytes(line);
                Assert.Equal(IngestStatus.Added, ingestor.IngestRecord(CorpusRecord.Parse(line), ConclusionIngestor.Hash(utf8), "posted").Status);
            }

            writer.Commit();
        }

        foreach (var (name, bytes) in fromLines)
        {
            Assert.True(bytes.AsSpan().SequenceEqual(File.ReadAllBytes(Path.Combine(path, name))), $"{name} differs");
        }
    }

    [Fact]
    public void A_body_with_an_escaped_lone_surrogate_fails_alone_with_its_line_named()
    {
        var corpus = Path.Combine(_root, "surrogate.jsonl");
        File.WriteAllLines(corpus, ["{\"id\":1,\"body\":\"trước\"}", "{\"id\":2,\"body\":\"nửa \\ud800 cặp\"}", "{\"id\":3,\"body\":\"sau\"}"]);

        var (outcomes, _) = Ingest(corpus, "index", analysisThreads: 1);

        Assert.Equal([IngestStatus.Added, IngestStatus.Failed, IngestStatus.Added], outcomes.Select(o => o.Status));
        Assert.Equal("surrogate.jsonl:2", outcomes[1].Source);
        Assert.Contains("body", outcomes[1].Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("md5:0cc175b9c0f1b6a831c399e269772661")]
    [InlineData("sha256:zz00000000000000000000000000000000000000000000000000000000000000")]
    public void A_source_hash_in_no_form_the_ingestor_writes_never_counts_as_unchanged(string? hash)
    {
        var digest = SourceDigest.Of(hash);
        Assert.False(digest.Known);
        Assert.False(digest.SameSourceAs(SourceDigest.Of(hash)), "unknown equals nothing, not even itself: such a source is indexed again");
    }

    [Fact]
    public void Digests_of_the_ingestors_hashes_tell_sources_apart_by_every_byte()
    {
        var random = new Random(5);
        var bytes = new byte[200];
        random.NextBytes(bytes);
        var original = SourceDigest.Of(ConclusionIngestor.Hash(bytes));
        Assert.True(original.Known);
        Assert.True(original.SameSourceAs(SourceDigest.Of(ConclusionIngestor.Hash(bytes.ToArray()))));
        for (var i = 0; i < bytes.Length; i += 7)
        {
            var changed = bytes.ToArray();
            changed[i] ^= 1;
            Assert.False(original.SameSourceAs(SourceDigest.Of(ConclusionIngestor.Hash(changed))), $"byte {i} changed");
        }
    }

    private (List<IngestOutcome> Outcomes, Dictionary<string, byte[]> Files) Ingest(string corpus, string name, int analysisThreads)
    {
        var path = Path.Combine(_root, name);
        List<IngestOutcome> outcomes;

        // One flush, no merge: the segment's bytes depend only on what was added, in what order.
        using (var writer = IndexWriter.Open(path, ConclusionFields.Schema, new IndexWriterOptions { RamBufferBytes = 1L << 30, MergePolicy = null }))
        {
            outcomes = [.. new ConclusionIngestor(writer) { AnalysisThreads = analysisThreads }.IngestCorpus(corpus)
                .Select(o => o with { Source = Path.GetFileName(o.Source) })];
            writer.Commit();
        }

        var files = Directory.EnumerateFiles(path).Where(f => !f.EndsWith("write.lock", StringComparison.Ordinal))
            .ToDictionary(f => Path.GetFileName(f), File.ReadAllBytes, StringComparer.Ordinal);
        return (outcomes, files);
    }

    private string WriteCorpus(int seed, bool repeatIds)
    {
        var random = new Random(seed);
        var lines = new List<string>();
        for (var i = 0; i < 300; i++)
        {
            var id = repeatIds ? random.Next(220) : i; // ids that come back: later lines update earlier ones
            var body = string.Join(' ', Enumerable.Range(0, random.Next(1, 400)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            var title = string.Join(' ', Enumerable.Range(0, random.Next(0, 8)).Select(_ => Syllables[random.Next(Syllables.Length)]));
            lines.Add(JsonSerializer.Serialize(new { id, title, body, date = $"20{random.Next(10, 26)}-0{random.Next(1, 10)}-1{random.Next(0, 10)}" }));
            if (i % 97 == 5)
            {
                lines.Add("{ not json");
                lines.Add("");
            }
        }

        var path = Path.Combine(_root, $"corpus-{seed}.jsonl");
        File.WriteAllLines(path, lines);
        return path;
    }
}
