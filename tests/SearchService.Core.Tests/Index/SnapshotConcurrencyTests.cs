using System.Collections.Concurrent;
using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;

namespace SearchService.Core.Tests.Index;

public sealed class SnapshotConcurrencyTests : IDisposable
{
    private static readonly IndexSchema Schema = new(
    [
        new FieldDefinition("id", FieldKind.Keyword),
        new FieldDefinition("body", FieldKind.Text),
        new FieldDefinition("version", FieldKind.Numeric),
    ]);

    private readonly TempFolder _scratch = new("ss-concurrency");

    public void Dispose()
    {
        _scratch.Dispose();
    }

    [Fact]
    public async Task Readers_on_several_threads_see_whole_commits_while_the_writer_adds_updates_and_merges()
    {
        var options = new IndexWriterOptions { RamBufferBytes = 30_000, MergePolicy = new TieredMergePolicy { SegmentsPerTier = 3, FloorDocs = 10 } };
        using var writer = IndexWriter.Open(_scratch.Path, Schema, options);
        writer.Commit();
        var directory = new IndexDirectory(_scratch.Path);
        var errors = new ConcurrentQueue<string>();
        var reopens = 0;
        using var done = new CancellationTokenSource();

        void Read()
        {
            var snapshot = IndexSnapshot.Open(directory);
            var previousCount = 0;
            try
            {
                while (!done.IsCancellationRequested)
                {
                    if (snapshot.Reopen() is { } newer)
                    {
                        snapshot.Dispose();
                        snapshot = newer;
                        Interlocked.Increment(ref reopens);
                    }

                    // Only adds and updates happen, so the live count of successive commits never drops.
                    if (snapshot.LiveCount < previousCount)
                    {
                        errors.Enqueue($"live count went down from {previousCount} to {snapshot.LiveCount}");
                    }

                    previousCount = snapshot.LiveCount;

                    // An update is delete + add in one commit: every id is live exactly once, at its committed version.
                    var seen = new HashSet<string>(StringComparer.Ordinal);
                    foreach (var segment in snapshot.Segments)
                    {
                        for (var doc = 0; doc < segment.MaxDoc; doc++)
                        {
                            if (segment.IsDeleted(doc))
                            {
                                continue;
                            }

                            var id = segment.KeywordValues("id", doc)[0];
                            if (!seen.Add(id))
                            {
                                errors.Enqueue($"{id} is live twice in commit {snapshot.Commit.Generation}");
                            }

                            var stored = segment.Document(doc);
                            var body = (string)stored.First(v => v.Field == "body").Value;
                            if (!body.StartsWith(id + " ", StringComparison.Ordinal) || !body.EndsWith($"phiên bản {segment.NumericValue("version", doc)}", StringComparison.Ordinal))
                            {
                                errors.Enqueue($"stored body '{body}' does not belong to {id}");
                            }
                        }
                    }

                    if (seen.Count != snapshot.LiveCount)
                    {
                        errors.Enqueue($"{seen.Count} live ids but LiveCount {snapshot.LiveCount}");
                    }
                }
            }
            catch (Exception e) when (e is IOException or ObjectDisposedException or CorruptIndexException or InvalidOperationException or KeyNotFoundException)
            {
                errors.Enqueue(e.ToString());
            }
            finally
            {
                snapshot.Dispose();
            }
        }

        var readers = Enumerable.Range(0, 3).Select(_ => Task.Run(Read)).ToArray();
        var random = new Random(11);
        var versions = new Dictionary<string, long>();
        for (var step = 0; step < 3_000; step++)
        {
            var id = random.Next(4) == 0 && versions.Count > 0 ? "d" + random.Next(versions.Count) : "d" + versions.Count;
            var version = versions.GetValueOrDefault(id) + 1;
            versions[id] = version;
            writer.UpdateDocument(id, new IndexDocument().Add("id", id).Add("body", $"{id} kết luận hội nghị nông thôn mới phiên bản {version}").Add("version", version));
            if (step % 150 == 149)
            {
                // Let the readers see this commit before the next: on a loaded machine the writer can
                // otherwise run through every commit before a reader thread is scheduled at all.
                var before = Volatile.Read(ref reopens);
                writer.Commit();
                SpinWait.SpinUntil(() => Volatile.Read(ref reopens) > before, TimeSpan.FromSeconds(5));
            }
        }

        writer.WaitForMerges();
        writer.Commit();
        await Task.Delay(200);
        await done.CancelAsync();
        await Task.WhenAll(readers);

        Assert.True(errors.IsEmpty, string.Join("\n", errors.Take(3)));
        Assert.True(reopens > 3, $"the readers should have picked up several commits, saw {reopens}");
        using var last = IndexSnapshot.Open(directory);
        Assert.Equal(versions.Count, last.LiveCount);
        Assert.True(last.Segments.Count < 10, $"merges should keep the segment count down, not {last.Segments.Count}");
    }

    [Fact]
    public void A_snapshot_stays_readable_after_its_segments_are_merged_away_and_deleted()
    {
        var options = new IndexWriterOptions { RamBufferBytes = 1 << 20, MergePolicy = null };
        using var writer = IndexWriter.Open(_scratch.Path, Schema, options);
        for (var i = 0; i < 40; i++)
        {
            writer.AddDocument(new IndexDocument().Add("id", "d" + i).Add("body", $"d{i} giải phóng mặt bằng").Add("version", 1L));
            if (i % 10 == 9)
            {
                writer.Commit();
            }
        }

        using var old = IndexSnapshot.Open(new IndexDirectory(_scratch.Path));
        Assert.Equal(4, old.Segments.Count);
        writer.ForceMerge(1);
        writer.Commit();

        // One commit more: the writer keeps the commit before the newest whole, so the pre-merge
        // segments go only when the merge's commit is itself the previous one.
        writer.AddDocument(new IndexDocument().Add("id", "d40").Add("body", "d40 thông báo").Add("version", 1L));
        writer.Commit();
        Assert.DoesNotContain(new IndexDirectory(_scratch.Path).ListAll(), f => IndexFileNames.SegmentOf(f) == old.Segments[0].Info.Name);

        // The old snapshot still reads its four segments, files deleted or not.
        Assert.Equal(40, old.LiveCount);
        Assert.Equal("d0 giải phóng mặt bằng", old.Segments[0].Document(0).First(v => v.Field == "body").Value);
        var newer = old.Reopen();
        Assert.NotNull(newer);
        using (newer)
        {
            Assert.Equal(2, newer.Segments.Count);
            Assert.Equal(41, newer.LiveCount);
            Assert.Null(newer.Reopen());
        }
    }
}
