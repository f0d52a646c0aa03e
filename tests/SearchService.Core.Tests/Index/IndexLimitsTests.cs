using System.Text;
using SearchService.Core.Index.Check;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;

namespace SearchService.Core.Tests.Index;

/// <summary>
/// What the writer accepts it must be able to read back: extreme values are either indexed into a
/// sound index or refused before anything is written, never written as a term the reader refuses.
/// </summary>
public sealed class IndexLimitsTests : IDisposable
{
    private static readonly IndexSchema Schema = new(
    [
        new FieldDefinition("id", FieldKind.Keyword),
        new FieldDefinition("body", FieldKind.Text),
        new FieldDefinition("locality", FieldKind.Keyword),
    ]);

    private readonly TempFolder _scratch = new("ss-limits");

    public void Dispose()
    {
        _scratch.Dispose();
    }

    [Theory]
    [InlineData(65_536)]
    [InlineData(65_537)]
    [InlineData(200_000)]
    public void A_text_with_one_enormous_word_is_indexed_and_the_index_stays_readable(int length)
    {
        using (var writer = IndexWriter.Open(_scratch.Path, Schema))
        {
            writer.AddDocument(new IndexDocument().Add("id", "x").Add("body", "KET LUAN nong thon " + new string('q', length)));
            writer.AddDocument(new IndexDocument().Add("id", "y").Add("body", "nông thôn mới"));
            writer.Commit();
        }

        var directory = new IndexDirectory(_scratch.Path);
        Assert.Empty(IndexChecker.Check(directory).Problems);
        using var snapshot = IndexSnapshot.Open(directory);
        var segment = Assert.Single(snapshot.Segments);
        Assert.Equal(2, segment.Postings("body", "thon")!.DocFreq);
        Assert.NotNull(segment.Postings("body", new string('q', 255)));
        Assert.Null(segment.Postings("body", new string('q', 256)));
    }

    [Fact]
    public void A_keyword_value_longer_than_a_term_may_be_is_refused_naming_the_field_and_the_old_version_stays()
    {
        using (var writer = IndexWriter.Open(_scratch.Path, Schema))
        {
            writer.AddDocument(new IndexDocument().Add("id", "a").Add("body", "kết luận").Add("locality", "Tân Yên"));
            writer.Commit();

            var tooLong = new string('x', IndexLimits.MaxTermLength + 1);
            var error = Assert.Throws<DocumentLimitException>(() =>
                writer.UpdateDocument("a", new IndexDocument().Add("id", "a").Add("body", "khác").Add("locality", tooLong)));
            Assert.Equal("locality", error.Field);
            Assert.Equal(IndexLimits.MaxTermLength, error.Limit);
            Assert.Contains("32,766", error.Message, StringComparison.Ordinal);

            writer.UpdateDocument("b", new IndexDocument().Add("id", "b").Add("body", "thông báo").Add("locality", new string('y', IndexLimits.MaxTermLength)));
            writer.Commit();
        }

        var directory = new IndexDirectory(_scratch.Path);
        Assert.Empty(IndexChecker.Check(directory).Problems);
        using var snapshot = IndexSnapshot.Open(directory);
        Assert.Equal(2, snapshot.LiveCount);
        Assert.NotNull(snapshot.Segments[0].Postings("body", "luận"));
        Assert.Null(snapshot.Segments.Select(s => s.Postings("body", "khác")).FirstOrDefault(p => p is not null));
    }

    /// <summary>
    /// Random extreme documents: long runs of letters and digits, control characters, lone and
    /// paired surrogates, stray combining marks, tone-mark soup, and keyword values around the
    /// term limit. Every accepted document must read back intact from a sound index.
    /// </summary>
    [Theory]
    [InlineData(11)]
    [InlineData(12)]
    [InlineData(13)]
    public void Extreme_documents_round_trip_or_are_refused_and_the_index_always_checks(int seed)
    {
        var random = new Random(seed);
        var accepted = new Dictionary<string, (string Body, string Locality)>();
        using (var writer = IndexWriter.Open(_scratch.Path, Schema, new IndexWriterOptions { RamBufferBytes = 2_000_000 }))
        {
            for (var i = 0; i < 40; i++)
            {
                var id = "d" + random.Next(25);
                var body = ExtremeText(random);
                var locality = random.Next(4) == 0 ? new string('k', IndexLimits.MaxTermLength - 1 + random.Next(3)) : Shorter(ExtremeText(random), 50);
                try
                {
                    writer.UpdateDocument(id, new IndexDocument().Add("id", id).Add("body", body).Add("locality", locality));
                    // Lone surrogates cannot be stored as UTF-8: the index keeps U+FFFD for each, everywhere.
                    accepted[id] = (AsUtf8(body), AsUtf8(locality));
                }
                catch (DocumentLimitException e)
                {
                    Assert.True(locality.Length > IndexLimits.MaxTermLength, e.Message);
                }

                if (random.Next(8) == 0)
                {
                    writer.Commit();
                }
            }

            writer.Commit();
        }

        var directory = new IndexDirectory(_scratch.Path);
        Assert.Empty(IndexChecker.Check(directory).Problems);
        using var snapshot = IndexSnapshot.Open(directory);
        Assert.Equal(accepted.Count, snapshot.LiveCount);
        foreach (var segment in snapshot.Segments)
        {
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (segment.IsDeleted(doc))
                {
                    continue;
                }

                var stored = segment.Document(doc);
                var id = (string)stored.Single(v => v.Field == "id").Value;
                Assert.Equal(accepted[id].Body, (string)stored.Single(v => v.Field == "body").Value);
                Assert.Equal(accepted[id].Locality, (string)stored.Single(v => v.Field == "locality").Value);
            }
        }
    }

    private static string AsUtf8(string text) => Encoding.UTF8.GetString(Encoding.UTF8.GetBytes(text));

    private static string Shorter(string text, int length) => text.Length <= length ? text : text[..length];

    private static string ExtremeText(Random random)
    {
        var text = new StringBuilder();
        var parts = random.Next(1, 12);
        for (var p = 0; p < parts; p++)
        {
            switch (random.Next(7))
            {
                case 0:
                    text.Append((char)('a' + random.Next(26)), random.Next(1, 70_000));
                    break;
                case 1:
                    text.Append('7', random.Next(1, 3_000));
                    break;
                case 2:
                    text.Append((char)random.Next(0, 32));
                    break;
                case 3:
                    text.Append(random.Next(2) == 0 ? "\uD83D\uDE00" : random.Next(2) == 0 ? "\uD800" : "\uDC00");
                    break;
                case 4:
                    text.Append('a').Append('\u0301', random.Next(1, 500));
                    break;
                case 5:
                    text.Append("Kết luận 18-NQ/TU ngày 05/7/2023 của UBND ");
                    break;
                default:
                    text.Append(' ', random.Next(1, 4));
                    break;
            }
        }

        return text.Length == 0 ? "x" : text.ToString();
    }
}
