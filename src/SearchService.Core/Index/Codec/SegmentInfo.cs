using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Codec;

/// <summary>
/// What a segment is: its name, document count and the fields it was written with. File
/// <c>_a.si</c>: header("SegmentInfo", 1), name (string), doc count (VInt), field count (VInt),
/// per field name (string), kind (byte), stored (byte); footer.
/// </summary>
public sealed record SegmentInfo(string Name, int DocCount, IReadOnlyList<FieldDefinition> Fields)
{
    private const string Codec = "SegmentInfo";

    /// <summary>Writes <c>.si</c>.</summary>
    public void Write(IndexDirectory directory)
    {
        using var output = directory.CreateOutput(IndexFileNames.SegmentFile(Name, "si"));
        CodecFile.WriteHeader(output, Codec, 1);
        output.WriteString(Name);
        output.WriteVInt(DocCount);
        output.WriteVInt(Fields.Count);
        foreach (var field in Fields)
        {
            output.WriteString(field.Name);
            output.WriteByte((byte)field.Kind);
            output.WriteByte(field.Stored ? (byte)1 : (byte)0);
        }

        CodecFile.WriteFooter(output);
    }

    /// <summary>Reads and fully verifies <c>.si</c>.</summary>
    public static SegmentInfo Read(IndexDirectory directory, string name)
    {
        using var owner = new InputOwner(directory.OpenInput(IndexFileNames.SegmentFile(name, "si")));
        var input = owner.Input;
        CodecFile.VerifyChecksum(input);
        CodecFile.ReadHeader(input, Codec, 1, 1);
        var actual = input.ReadString();
        if (actual != name)
        {
            throw new CorruptIndexException(input.Name, $"names segment '{actual}'");
        }

        var docCount = input.ReadVInt();
        var count = input.ReadVInt();
        var fields = new List<FieldDefinition>(count);
        for (var i = 0; i < count; i++)
        {
            var fieldName = input.ReadString();
            var kind = input.ReadByte();
            if (kind > (byte)FieldKind.StoredOnly)
            {
                throw new CorruptIndexException(input.Name, $"unknown field kind {kind}");
            }

            fields.Add(new FieldDefinition(fieldName, (FieldKind)kind, input.ReadByte() != 0));
        }

        return new SegmentInfo(name, docCount, fields);
    }
}
