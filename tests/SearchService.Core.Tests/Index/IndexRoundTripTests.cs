using SearchService.Core.Analysis;
using SearchService.Core.Index.Check;
using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;

namespace SearchService.Core.Tests.Index;

public sealed class IndexRoundTripTests : IDisposable
{
    private static readonly IndexSchema Schema = new(
    [
        new FieldDefinition("id", FieldKind.Keyword),
        new FieldDefinition("title", FieldKind.Text),
        new FieldDefinition("code", FieldKind.Keyword),
        new FieldDefinition("year", FieldKind.Numeric),
    ]);

    private static readonly string[] Syllables =
        ["nông", "thôn", "mới", "giải", "phóng", "mặt", "bằng", "thành", "uỷ", "ủy", "hoà", "hòa", "ban", "chấp", "hành", "đảng", "bộ", "huyện", "tân", "yên", "kết", "luận", "số", "và", "UBND", "GPMB", "18-NQ/TU", "05/7/2023", "11.225,4"];

    private readonly TempFolder _scratch = new("ss-index");

    public void Dispose()
    {
        _scratch.Dispose();
    }

    public enum Merging
    {
        None,
        Background,
        Forced,
    }

    [Theory]
    [InlineData(1, Merging.None)]
    [InlineData(2, Merging.None)]
    [InlineData(3, Merging.None)]
    [InlineData(4, Merging.Background)]
    [InlineData(5, Merging.Background)]
    [InlineData(6, Merging.Forced)]
    [InlineData(7, Merging.Forced)]
    public void Random_documents_read_back_exactly_as_a_brute_force_model_across_flushes_merges_updates_and_deletes(int seed, Merging merging)
    {
        var random = new Random(seed);
        var model = new Dictionary<string, (string Title, string[] Codes, long Year)>();
        var options = new IndexWriterOptions
        {
            RamBufferBytes = 40_000,
            MergePolicy = merging == Merging.None ? null : new TieredMergePolicy { SegmentsPerTier = 3, FloorDocs = 5 },
        };
        using (var writer = IndexWriter.Open(_scratch.Path, Schema, options))
        {
            for (var step = 0; step < 600; step++)
            {
                var id = "doc-" + random.Next(250);
                var roll = random.Next(10);
                if (roll < 7)
                {
                    var title = string.Join(' ', Enumerable.Range(0, random.Next(1, 30)).Select(_ => Syllables[random.Next(Syllables.Length)]));
                    var codes = Enumerable.Range(0, random.Next(0, 3)).Select(_ => $"{random.Next(1, 40)}-NQ/TU").ToArray();
                    var year = 2015L + random.Next(12);
                    var document = new IndexDocument().Add("id", id).Add("title", title).Add("year", year);
                    foreach (var code in codes)
                    {
                        document.Add("code", code);
                    }

                    writer.UpdateDocument(id, document);
                    model[id] = (title, codes, year);
                }
                else if (roll < 9)
                {
                    writer.DeleteDocument(id);
                    model.Remove(id);
                }
                else
                {
                    writer.Commit();
                    if (merging == Merging.Forced && random.Next(3) == 0)
                    {
                        writer.ForceMerge(random.Next(1, 3));
                        Assert.True(writer.SegmentCount <= 2);
                    }
                }
            }

            writer.Commit();
            if (merging == Merging.Background)
            {
                // The commit flushes the buffer into one more segment, which may start a merge:
                // wait for it and commit what it made, so the tiers are checked settled.
                writer.WaitForMerges();
                Assert.Null(writer.MergeError);
                writer.Commit();
            }

            Assert.Equal(model.Count, writer.LiveCount);
            if (merging == Merging.Forced)
            {
                writer.ForceMerge(1);
                writer.Commit();
            }
        }

        var snapshot = IndexSnapshot.Open(new IndexDirectory(_scratch.Path));
        switch (merging)
        {
            case Merging.None:
                Assert.True(snapshot.Segments.Count > 6, $"the small RAM buffer should have made many segments, not {snapshot.Segments.Count}");
                break;
            case Merging.Background:
                // Tiers of 3: never 3 segments of one tier left, so few segments for a few hundred docs.
                Assert.InRange(snapshot.Segments.Count, 1, 6);
                break;
            case Merging.Forced:
                Assert.Single(snapshot.Segments);
                Assert.Null(snapshot.Segments[0].LiveDocs);
                break;
        }

        Assert.Equal(model.Count, snapshot.LiveCount);

        // Stored fields and doc values of every live document equal the model.
        var idOf = new Dictionary<(SegmentReader, int), string>();
        foreach (var segment in snapshot.Segments)
        {
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (segment.IsDeleted(doc))
                {
                    continue;
                }

                var stored = segment.Document(doc);
                var id = (string)stored.First(v => v.Field == "id").Value;
                Assert.True(model.TryGetValue(id, out var expected), $"document {id} should have been deleted");
                Assert.Equal(expected.Title, (string)stored.First(v => v.Field == "title").Value);
                Assert.Equal(expected.Codes, stored.Where(v => v.Field == "code").Select(v => (string)v.Value));
                Assert.Equal(expected.Year, segment.NumericValue("year", doc));
                Assert.Equal(expected.Codes.Distinct().Order(StringComparer.Ordinal), segment.KeywordValues("code", doc));
                var length = VietnameseAnalyzer.Indexing.Analyze(expected.Title).Select(t => t.Position).Distinct().Count();
                Assert.Equal(NormEncoding.Encode(length), segment.Norm(segment.FieldNumber("title"), doc));
                idOf[(segment, doc)] = id;
            }
        }

        Assert.Equal(model.Count, idOf.Count);

        // A segment's keyword column lists exactly the values its documents hold: a merge drops
        // the values only documents deleted before it held (facets list a column's values).
        foreach (var segment in snapshot.Segments.Where(s => s.LiveDocs is null))
        {
            var held = Enumerable.Range(0, segment.MaxDoc).SelectMany(doc => segment.KeywordValues("code", doc)).Distinct().Order(StringComparer.Ordinal);
            Assert.Equal(held, segment.KeywordColumn("code")?.Values ?? []);
        }

        // Every term's postings (live docs) equal what analyzing the model's titles gives: freqs, and
        // positions for the terms the analyzer marks (folded forms), none for pairs and accented forms.
        var expectedPostings = new Dictionary<string, Dictionary<string, List<int>>>(StringComparer.Ordinal);
        var positioned = new Dictionary<string, bool>(StringComparer.Ordinal);
        foreach (var (id, doc) in model)
        {
            var position = -1;
            foreach (var token in VietnameseAnalyzer.Indexing.Analyze(doc.Title))
            {
                position = token.Position;
                positioned[token.Term] = token.IndexPositions;
                if (!expectedPostings.TryGetValue(token.Term, out var byDoc))
                {
                    expectedPostings[token.Term] = byDoc = [];
                }

                if (!byDoc.TryGetValue(id, out var occurrences))
                {
                    byDoc[id] = occurrences = [];
                }

                occurrences.Add(position);
            }
        }

        var actualPostings = new Dictionary<string, Dictionary<string, List<int>>>(StringComparer.Ordinal);
        foreach (var segment in snapshot.Segments)
        {
            var field = segment.FieldNumber("title");
            foreach (var (term, info) in segment.Terms.Enumerate(field))
            {
                var postings = segment.Postings(info);
                // (A term of deleted documents only is not in the model.)
                var marked = positioned.GetValueOrDefault(term, postings.HasPositions);
                Assert.True(postings.HasPositions == marked, $"text term '{term}': positions {postings.HasPositions}, the analyzer marked {marked}");
                for (var doc = postings.NextDoc(); doc != PostingsEnum.NoMoreDocs; doc = postings.NextDoc())
                {
                    if (segment.IsDeleted(doc))
                    {
                        continue;
                    }

                    // Without positions the model's occurrences are compared by count only.
                    var occurrences = new List<int>();
                    while (postings.HasPositions && postings.NextPosition())
                    {
                        occurrences.Add(postings.Position);
                    }

                    if (!postings.HasPositions)
                    {
                        occurrences.AddRange(Enumerable.Repeat(-1, postings.Freq));
                    }

                    Assert.Equal(postings.Freq, occurrences.Count);
                    if (!actualPostings.TryGetValue(term, out var byDoc))
                    {
                        actualPostings[term] = byDoc = [];
                    }

                    byDoc[idOf[(segment, doc)]] = occurrences;
                }
            }
        }

        Assert.Equal(expectedPostings.Keys.Order(StringComparer.Ordinal), actualPostings.Keys.Order(StringComparer.Ordinal));
        foreach (var (term, byDoc) in expectedPostings)
        {
            Assert.Equal(byDoc.Keys.Order(StringComparer.Ordinal), actualPostings[term].Keys.Order(StringComparer.Ordinal));
            foreach (var (id, occurrences) in byDoc)
            {
                Assert.Equal(positioned[term] ? occurrences.OrderBy(o => o) : occurrences.Select(_ => -1), actualPostings[term][id].OrderBy(o => o));
            }
        }

        // Keyword and numeric values are indexed without positions; asking for them is an error.
        foreach (var segment in snapshot.Segments)
        {
            foreach (var name in new[] { "code", "year" })
            {
                foreach (var (term, info) in segment.Terms.Enumerate(segment.FieldNumber(name)))
                {
                    var postings = segment.Postings(info);
                    Assert.False(postings.HasPositions, $"{name} value '{term}' has positions");
                    Assert.NotEqual(PostingsEnum.NoMoreDocs, postings.NextDoc());
                    Assert.Throws<InvalidOperationException>(() => postings.NextPosition());
                }
            }
        }
    }

    [Fact]
    public void Advance_over_many_blocks_finds_the_same_docs_as_walking()
    {
        using (var writer = IndexWriter.Open(_scratch.Path, Schema))
        {
            for (var i = 0; i < 1000; i++)
            {
                var title = i % 3 == 0 ? "nông thôn mới" : "giải phóng mặt bằng";
                writer.AddDocument(new IndexDocument().Add("id", $"d{i}").Add("title", title));
            }

            writer.Commit();
        }

        var segment = IndexSnapshot.Open(new IndexDirectory(_scratch.Path)).Segments.Single();
        var walked = new List<int>();
        var all = segment.Postings("title", "nông")!;
        for (var d = all.NextDoc(); d != PostingsEnum.NoMoreDocs; d = all.NextDoc())
        {
            walked.Add(d);
        }

        Assert.Equal(334, walked.Count);
        var random = new Random(7);
        for (var trial = 0; trial < 200; trial++)
        {
            var target = random.Next(1000);
            var postings = segment.Postings("title", "nông")!;
            var found = postings.Advance(target);
            var expected = walked.FirstOrDefault(d => d >= target, PostingsEnum.NoMoreDocs);
            Assert.Equal(expected, found);
            if (found != PostingsEnum.NoMoreDocs)
            {
                // The accented form keeps docs and freqs; its folded form the positions.
                var positions = segment.Postings("title", "nong")!;
                Assert.Equal(found, positions.Advance(target));
                Assert.True(positions.NextPosition());
                Assert.Equal(0, positions.Position);
                Assert.Equal(0, postings.Position);
            }
        }
    }

    [Fact]
    public void Positions_read_after_advancing_and_after_unread_documents_are_the_written_ones()
    {
        // "nông" 1 to 40 times a document: its positions fill many packed blocks of 128, and doc
        // blocks start inside them, so Advance lands mid-block and unread occurrences are skipped
        // by count across blocks.
        var random = new Random(11);
        var expected = new List<int[]>();
        using (var writer = IndexWriter.Open(_scratch.Path, Schema))
        {
            for (var i = 0; i < 700; i++)
            {
                var words = Enumerable.Range(0, random.Next(1, 90)).Select(_ => random.Next(4) == 0 ? "nông" : "xã").Append("nông");
                var title = string.Join(' ', words);
                expected.Add([.. VietnameseAnalyzer.Indexing.Analyze(title).Where(t => t.Term == "nong").Select(t => t.Position)]);
                writer.AddDocument(new IndexDocument().Add("id", $"d{i}").Add("title", title));
            }

            writer.Commit();
        }

        using var snapshot = IndexSnapshot.Open(new IndexDirectory(_scratch.Path));
        var segment = snapshot.Segments.Single();
        // "nông" keeps docs and freqs; its folded form "nong" carries the positions.
        Assert.True(segment.Terms.TryGet(segment.FieldNumber("title"), "nong", out var info));
        Assert.True(info.TotalTermFreq > 20 * PostingsFormat.BlockSize, $"only {info.TotalTermFreq} occurrences");
        for (var trial = 0; trial < 60; trial++)
        {
            var postings = segment.Postings(info);
            var doc = -1;
            while (true)
            {
                doc = random.Next(3) == 0 ? postings.NextDoc() : postings.Advance(doc + 1 + random.Next(200));
                if (doc == PostingsEnum.NoMoreDocs)
                {
                    break;
                }

                Assert.Equal(expected[doc].Length, postings.Freq);
                var read = random.Next(expected[doc].Length + 1);
                for (var k = 0; k < read; k++)
                {
                    Assert.True(postings.NextPosition());
                    Assert.Equal(expected[doc][k], postings.Position);
                }
            }
        }
    }

    [Fact]
    public void Large_stored_values_read_back_whole_and_a_read_of_some_fields_leaves_out_only_large_values_of_others()
    {
        // Titles of about 2 KiB on odd documents go to their chunk's tail (StoredFieldsLayout), small ones stay in the head.
        var random = new Random(5);
        var titles = new Dictionary<string, string>();
        using (var writer = IndexWriter.Open(_scratch.Path, Schema, new IndexWriterOptions { RamBufferBytes = 300_000 }))
        {
            for (var i = 0; i < 400; i++)
            {
                var words = i % 2 == 1 ? 300 : random.Next(1, 12);
                var title = string.Join(' ', Enumerable.Range(0, words).Select(_ => Syllables[random.Next(Syllables.Length)]));
                titles[$"d{i}"] = title;
                writer.AddDocument(new IndexDocument().Add("id", $"d{i}").Add("title", title).Add("code", $"{i}-NQ/TU").Add("year", 2000L + i));
            }

            writer.Commit();
            AssertStoredValues();
            writer.ForceMerge(1);
            writer.Commit();
        }

        AssertStoredValues();

        void AssertStoredValues()
        {
            using var snapshot = IndexSnapshot.Open(new IndexDirectory(_scratch.Path));
            Assert.True(IndexChecker.Check(new IndexDirectory(_scratch.Path)).Healthy);
            var seen = 0;
            foreach (var segment in snapshot.Segments)
            {
                for (var doc = 0; doc < segment.MaxDoc; doc++)
                {
                    var all = segment.Document(doc);
                    var id = (string)all.Single(v => v.Field == "id").Value;
                    var number = int.Parse(id[1..], System.Globalization.CultureInfo.InvariantCulture);
                    Assert.Equal(titles[id], (string)all.Single(v => v.Field == "title").Value);
                    Assert.Equal([("id", (object)id), ("title", titles[id]), ("code", $"{number}-NQ/TU"), ("year", 2000L + number)], all);

                    // Wanting the title reads it whatever its size; wanting only the id leaves out a large title.
                    Assert.Equal(all, segment.Document(doc, f => f == "title"));
                    var idOnly = segment.Document(doc, f => f == "id");
                    Assert.Equal(number % 2 == 1 ? all.Where(v => v.Field != "title") : all, idOnly);
                    seen++;
                }
            }

            Assert.Equal(400, seen);
        }
    }

    [Fact]
    public void A_second_writer_on_the_same_index_gets_a_clear_error()
    {
        using var first = IndexWriter.Open(_scratch.Path, Schema);

        var error = Assert.Throws<IndexLockedException>(() => IndexWriter.Open(_scratch.Path, Schema));
        Assert.Contains("locked by another writer", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Uncommitted_changes_are_not_seen_and_committed_ones_survive_reopen()
    {
        using (var writer = IndexWriter.Open(_scratch.Path, Schema))
        {
            writer.AddDocument(new IndexDocument().Add("id", "a").Add("title", "Thành uỷ Từ Sơn"));
            writer.Commit();
            writer.AddDocument(new IndexDocument().Add("id", "b").Add("title", "huyện Tân Yên"));
            writer.Flush();
            Assert.Equal(1, IndexSnapshot.Open(new IndexDirectory(_scratch.Path)).LiveCount);
        }

        var snapshot = IndexSnapshot.Open(new IndexDirectory(_scratch.Path));
        Assert.Equal(1, snapshot.LiveCount);
        Assert.NotNull(snapshot.Segments[0].Postings("title", "ủy"));
    }

    [Fact]
    public void A_flipped_bit_in_a_segment_file_is_reported_with_the_file_name()
    {
        using (var writer = IndexWriter.Open(_scratch.Path, Schema))
        {
            writer.AddDocument(new IndexDocument().Add("id", "a").Add("title", "giải phóng mặt bằng"));
            writer.Commit();
        }

        var file = Path.Combine(_scratch.Path, "_0.pos");
        var bytes = File.ReadAllBytes(file);
        bytes[bytes.Length / 2] ^= 0x10;
        File.WriteAllBytes(file, bytes);

        var segment = IndexSnapshot.Open(new IndexDirectory(_scratch.Path)).Segments[0];
        var error = Assert.Throws<CorruptIndexException>(segment.VerifyChecksums);
        Assert.Equal("_0.pos", error.FileName);
    }

    [Fact]
    public void A_damaged_newest_commit_is_refused_naming_it_and_rolled_back_only_when_asked()
    {
        using (var writer = IndexWriter.Open(_scratch.Path, Schema))
        {
            writer.AddDocument(new IndexDocument().Add("id", "a").Add("title", "kết luận"));
            writer.Commit();
            writer.AddDocument(new IndexDocument().Add("id", "b").Add("title", "thông báo"));
            writer.Commit();
        }

        var directory = new IndexDirectory(_scratch.Path);
        var newest = Path.Combine(_scratch.Path, IndexFileNames.CommitFile(2));
        var newSegmentFiles = Directory.EnumerateFiles(_scratch.Path, "_1.*").Select(Path.GetFileName).ToList();
        Assert.NotEmpty(newSegmentFiles);
        using (var stream = new FileStream(newest, FileMode.Open))
        {
            stream.SetLength(stream.Length - 5);
        }

        // No silent fallback: readers, the writer and check all name the damaged commit, and nothing is deleted.
        Assert.Equal(IndexFileNames.CommitFile(2), Assert.Throws<CorruptIndexException>(() => IndexSnapshot.Open(directory)).FileName);
        Assert.Equal(IndexFileNames.CommitFile(2), Assert.Throws<CorruptIndexException>(() => IndexWriter.Open(_scratch.Path, Schema)).FileName);
        Assert.Contains(IndexFileNames.CommitFile(2), Assert.Single(IndexChecker.Check(directory).Problems), StringComparison.Ordinal);
        Assert.True(File.Exists(newest));
        Assert.All(newSegmentFiles, f => Assert.True(File.Exists(Path.Combine(_scratch.Path, f!)), f));

        var result = IndexRecovery.RollbackToLastGood(directory);
        Assert.True(result.RolledBack);
        Assert.Equal(2, result.NewestGeneration);
        Assert.Equal(1, result.RestoredGeneration);
        Assert.Equal(
            newSegmentFiles.Append(IndexFileNames.CommitFile(2)).Order(StringComparer.Ordinal),
            result.MovedFiles.Order(StringComparer.Ordinal));
        Assert.All(result.MovedFiles, f => Assert.True(File.Exists(Path.Combine(result.DamagedFolder!, f)), f));

        Assert.Empty(IndexChecker.Check(directory).Problems);
        using var snapshot = IndexSnapshot.Open(directory);
        Assert.Equal(1, snapshot.Commit.Generation);
        Assert.Equal(1, snapshot.LiveCount);
        Assert.False(IndexRecovery.RollbackToLastGood(directory).RolledBack);
    }

    [Fact]
    public void After_a_force_merge_only_the_verified_merged_commit_stays_on_disk_and_after_other_commits_the_one_before_stays()
    {
        using var writer = IndexWriter.Open(_scratch.Path, Schema, new IndexWriterOptions { MergePolicy = null });
        for (var i = 0; i < 3; i++)
        {
            writer.AddDocument(new IndexDocument().Add("id", $"d{i}").Add("title", "kết luận số " + i));
            writer.Commit();
        }

        writer.DeleteDocument("d1");
        writer.Commit();
        var beforeMerge = IndexFileNames.CommitFile(4);
        Assert.True(File.Exists(Path.Combine(_scratch.Path, beforeMerge)));

        // A full merge rewrites every byte: keeping the commit before would double the folder.
        writer.ForceMerge(1);
        var merged = writer.Commit();
        Assert.Equal(
            merged.Files().Append(IndexWriteLock.FileName).Order(StringComparer.Ordinal),
            Directory.EnumerateFiles(_scratch.Path).Select(f => Path.GetFileName(f)!).Order(StringComparer.Ordinal));

        // An ordinary commit keeps the merged one whole, to go back to.
        writer.AddDocument(new IndexDocument().Add("id", "d9").Add("title", "thông báo"));
        var next = writer.Commit();
        Assert.All(merged.Files(), f => Assert.True(File.Exists(Path.Combine(_scratch.Path, f)), f));
        Assert.All(next.Files(), f => Assert.True(File.Exists(Path.Combine(_scratch.Path, f)), f));

        using var snapshot = IndexSnapshot.Open(new IndexDirectory(_scratch.Path));
        Assert.Equal(3, snapshot.LiveCount);
        Assert.Empty(IndexChecker.Check(new IndexDirectory(_scratch.Path)).Problems);
    }

    [Fact]
    public void A_document_with_an_unknown_field_is_refused_and_changes_nothing()
    {
        using var writer = IndexWriter.Open(_scratch.Path, Schema);
        writer.AddDocument(new IndexDocument().Add("id", "a").Add("title", "kết luận"));

        var error = Assert.Throws<ArgumentException>(() => writer.UpdateDocument("a", new IndexDocument().Add("id", "a").Add("tittle", "x")));
        Assert.Contains("tittle", error.Message, StringComparison.Ordinal);
        Assert.Equal(1, writer.LiveCount);
    }
}
