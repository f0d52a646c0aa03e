namespace SearchService.Core.Analysis;

/// <summary>
/// Text after character-level normalization, with a map from every normalized char back to the
/// chars of the original text it came from. Tokens are found in the normalized text but report
/// offsets into the original, which is what a highlighter cuts.
/// </summary>
/// <remarks>
/// Buffers grow and are reused between texts, so normalizing a document allocates nothing once
/// the buffers are big enough.
/// </remarks>
public sealed class NormalizedText
{
    private char[] _chars = new char[256];
    private int[] _originalStart = new int[256];
    private int[] _originalEnd = new int[256];

    /// <summary>Number of normalized chars.</summary>
    public int Length { get; private set; }

    /// <summary>Length of the original text.</summary>
    public int OriginalLength { get; private set; }

    /// <summary>The normalized chars.</summary>
    public ReadOnlySpan<char> Chars => _chars.AsSpan(0, Length);

    /// <summary>Where the original chars behind normalized char <paramref name="index"/> start (when <see cref="HasOffsets"/>).</summary>
    public int OriginalStart(int index) => _originalStart[index];

    /// <summary>Where the original chars behind normalized char <paramref name="index"/> end (exclusive; when <see cref="HasOffsets"/>).</summary>
    public int OriginalEnd(int index) => _originalEnd[index];

    /// <summary>Whether the map back to the original offsets is kept (<see cref="OriginalStart"/>, <see cref="OriginalEnd"/>); the index reads none.</summary>
    public bool HasOffsets { get; private set; } = true;

    /// <summary>Empties the text, ready for a source of <paramref name="originalLength"/> chars, keeping the offsets' map when <paramref name="offsets"/>.</summary>
    internal void Clear(int originalLength, bool offsets = true)
    {
        Length = 0;
        OriginalLength = originalLength;
        HasOffsets = offsets;
        if (_chars.Length < originalLength)
        {
            var size = Math.Max(originalLength, _chars.Length * 2);
            _chars = new char[size];
            _originalStart = new int[size];
            _originalEnd = new int[size];
        }
    }

    /// <summary>Appends <paramref name="run"/>, original chars from <paramref name="start"/> on, each its own normalized char.</summary>
    internal void AppendRun(ReadOnlySpan<char> run, int start)
    {
        EnsureCapacity(Length + run.Length);
        run.CopyTo(_chars.AsSpan(Length));
        if (HasOffsets)
        {
            var starts = _originalStart.AsSpan(Length, run.Length);
            var ends = _originalEnd.AsSpan(Length, run.Length);
            for (var k = 0; k < starts.Length; k++)
            {
                starts[k] = start + k;
                ends[k] = start + k + 1;
            }
        }

        Length += run.Length;
    }

    /// <summary>Appends <paramref name="c"/>, which came from original chars [start, end).</summary>
    internal void Append(char c, int start, int end)
    {
        EnsureCapacity(Length + 1);
        _chars[Length] = c;
        _originalStart[Length] = start;
        _originalEnd[Length] = end;
        Length++;
    }

    private void EnsureCapacity(int length)
    {
        if (length > _chars.Length)
        {
            var size = Math.Max(length, _chars.Length * 2);
            Array.Resize(ref _chars, size);
            Array.Resize(ref _originalStart, size);
            Array.Resize(ref _originalEnd, size);
        }
    }
}
