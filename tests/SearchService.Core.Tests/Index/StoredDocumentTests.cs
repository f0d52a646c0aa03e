using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Writer;

namespace SearchService.Core.Tests.Index;

public sealed class StoredDocumentTests
{
    [Fact]
    public void Stored_values_read_back_as_written_in_order_and_unstored_ones_are_left_out()
    {
        var schema = new IndexSchema(
        [
            new FieldDefinition("id", FieldKind.Keyword),
            new FieldDefinition("body", FieldKind.Text),
            new FieldDefinition("hidden", FieldKind.Text, Stored: false),
            new FieldDefinition("year", FieldKind.Numeric),
        ]);

        // A body far past any first guess at the size (and with 2- and 3-byte UTF-8), lengths on
        // both sides of a VInt's 1/2/3-byte steps, numbers whose zig-zag form needs 1 to 10 bytes.
        var body = string.Concat(Enumerable.Repeat("Ủy ban nhân dân tỉnh ", 9000));
        var document = new IndexDocument().Add("id", "a-1").Add("body", body).Add("hidden", "không lưu").Add("year", 2024L)
            .Add("body", new string('x', 127)).Add("body", new string('y', 128)).Add("body", "").Add("body", new string('z', 16_384))
            .Add("year", 0L).Add("year", -1L).Add("year", 63L).Add("year", -64L).Add("year", long.MinValue).Add("year", long.MaxValue);

        var values = StoredDocument.Deserialize(StoredDocument.Serialize(schema, document));

        var expected = document.Values.Where(v => v.Field != "hidden").Select(v => (schema.NumberOf(v.Field), v.Value)).ToList();
        Assert.Equal(expected, values);
    }

    [Fact]
    public void A_document_with_more_values_than_fit_on_the_stack_reads_back_whole()
    {
        var schema = new IndexSchema([new FieldDefinition("id", FieldKind.Keyword), new FieldDefinition("tag", FieldKind.Keyword)]);
        var document = new IndexDocument().Add("id", "many");
        for (var i = 0; i < 300; i++)
        {
            document.Add("tag", $"nhãn {i}");
        }

        var values = StoredDocument.Deserialize(StoredDocument.Serialize(schema, document));

        Assert.Equal(301, values.Count);
        Assert.Equal(document.Values.Select(v => (object)v.Value), values.Select(v => v.Value));
    }
}
