using SearchService.Core.Analysis;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;
using SearchService.Core.Index.Writer;

namespace SearchService.Core.Tests.Index;

/// <summary>
/// A term's positions are kept or not as its first document in a segment asked. An analyzer
/// should mark a term alike everywhere, but one that does not must still give a readable segment
/// with every document's positions (the writer encodes positions late for a document marked
/// otherwise).
/// </summary>
public sealed class MixedPositionMarksTests
{
    [Fact]
    public void A_term_marked_for_positions_first_keeps_the_positions_of_documents_marked_otherwise()
    {
        using var scratch = new TempFolder("ss-mixedmarks");
        var schema = new IndexSchema([new FieldDefinition("id", FieldKind.Keyword), new FieldDefinition("body", FieldKind.Text)]);
        using (var writer = IndexWriter.Open(scratch.Path, schema, new IndexWriterOptions { Analyzer = new MarkingAnalyzer(), MergePolicy = null }))
        {
            // "+" marks every token of the text for positions, "-" none.
            writer.AddDocument(new IndexDocument().Add("id", "d0").Add("body", "+ a b a"));
            writer.AddDocument(new IndexDocument().Add("id", "d1").Add("body", "- c a d a a"));
            writer.AddDocument(new IndexDocument().Add("id", "d2").Add("body", "+ a"));
            writer.Commit();
        }

        using var snapshot = IndexSnapshot.Open(new IndexDirectory(scratch.Path));
        var postings = snapshot.Segments.Single().Postings("body", "a")!;
        Assert.True(postings.HasPositions);
        var positions = new List<string>();
        for (var doc = postings.NextDoc(); doc != PostingsEnum.NoMoreDocs; doc = postings.NextDoc())
        {
            var of = new List<int>();
            while (postings.NextPosition())
            {
                of.Add(postings.Position);
            }

            positions.Add($"{doc}:{string.Join(",", of)}");
        }

        Assert.Equal(["0:1,3", "1:2,4,5", "2:1"], positions);
    }

    /// <summary>Splits on spaces; every token marked for positions when the text starts with '+'.</summary>
    private sealed class MarkingAnalyzer : Analyzer
    {
        public override AnalysisPipeline CreateIndexPipeline(string field) => new MarkingPipeline();

        public override AnalysisPipeline CreateQueryPipeline(string field) => new MarkingPipeline();
    }

    private sealed class MarkingPipeline : AnalysisPipeline
    {
        private readonly SpaceStream _stream = new();

        public override TokenStream Reset(ReadOnlySpan<char> text)
        {
            _stream.Words = text.ToString().Split(' ');
            _stream.Next = 0;
            return _stream;
        }
    }

    private sealed class SpaceStream() : TokenStream(new TokenAttributes())
    {
        public string[] Words { get; set; } = [];

        public int Next { get; set; }

        public override bool IncrementToken()
        {
            if (Next >= Words.Length)
            {
                return false;
            }

            Attributes.SetTerm(Words[Next++]);
            Attributes.PositionIncrement = 1;
            Attributes.IndexPositions = Words[0] == "+";
            return true;
        }
    }
}
