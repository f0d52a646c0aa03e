using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Reader;

/// <summary>
/// The deleted documents of a segment at one deletes generation. File <c>_a_g.del</c>:
/// header("Deletes", 1), doc count (VInt), deleted count (VInt), the bitset as int64 words (bit
/// set = deleted), footer. A new generation is written whole for every commit that deletes more,
/// so older commits keep their own file.
/// </summary>
public sealed class LiveDocs
{
    private readonly ulong[] _bits;

    /// <summary>A bitset for <paramref name="docCount"/> documents with none deleted.</summary>
    public LiveDocs(int docCount)
    {
        DocCount = docCount;
        _bits = new ulong[(docCount + 63) >> 6];
    }

    private LiveDocs(int docCount, ulong[] bits, int deleted)
    {
        DocCount = docCount;
        _bits = bits;
        DeletedCount = deleted;
    }

    /// <summary>Documents covered.</summary>
    public int DocCount { get; }

    /// <summary>Documents marked deleted.</summary>
    public int DeletedCount { get; private set; }

    /// <summary>True when <paramref name="doc"/> is deleted.</summary>
    public bool IsDeleted(int doc) => (_bits[doc >> 6] & (1UL << (doc & 63))) != 0;

    /// <summary>Marks <paramref name="doc"/> deleted; true when it was live.</summary>
    public bool Delete(int doc)
    {
        ref var word = ref _bits[doc >> 6];
        var mask = 1UL << (doc & 63);
        if ((word & mask) != 0)
        {
            return false;
        }

        word |= mask;
        DeletedCount++;
        return true;
    }

    /// <summary>A copy to change without touching this one (readers keep theirs).</summary>
    public LiveDocs Clone() => new(DocCount, (ulong[])_bits.Clone(), DeletedCount);

    /// <summary>Writes the deletes file of <paramref name="segment"/> at <paramref name="generation"/>.</summary>
    public void Write(IndexDirectory directory, string segment, long generation)
    {
        using var output = directory.CreateOutput(IndexFileNames.DeletesFile(segment, generation));
        CodecFile.WriteHeader(output, "Deletes", 1);
        output.WriteVInt(DocCount);
        output.WriteVInt(DeletedCount);
        foreach (var word in _bits)
        {
            output.WriteInt64((long)word);
        }

        CodecFile.WriteFooter(output);
    }

    /// <summary>Reads and verifies a deletes file.</summary>
    public static LiveDocs Read(IndexDirectory directory, string segment, long generation, int docCount)
    {
        using var owner = new InputOwner(directory.OpenInput(IndexFileNames.DeletesFile(segment, generation)));
        var input = owner.Input;
        CodecFile.VerifyChecksum(input);
        CodecFile.ReadHeader(input, "Deletes", 1, 1);
        var count = input.ReadVInt();
        if (count != docCount)
        {
            throw new CorruptIndexException(input.Name, $"covers {count} documents, the segment has {docCount}");
        }

        var deleted = input.ReadVInt();
        var bits = new ulong[(docCount + 63) >> 6];
        var actual = 0;
        for (var i = 0; i < bits.Length; i++)
        {
            bits[i] = (ulong)input.ReadInt64();
            actual += System.Numerics.BitOperations.PopCount(bits[i]);
        }

        if (actual != deleted)
        {
            throw new CorruptIndexException(input.Name, $"says {deleted} deleted documents but marks {actual}");
        }

        return new LiveDocs(docCount, bits, deleted);
    }
}
