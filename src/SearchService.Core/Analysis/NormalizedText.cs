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

    /// <summary>Where the original chars behind normalized char <paramref name="index"/> start.</summary>
    public int OriginalStart(int index) => _originalStart[index];

    /// <summary>Where the original chars behind normalized char <paramref name="index"/> end (exclusive).</summary>
    public int OriginalEnd(int index) => _originalEnd[index];

    /// <summary>Empties the text, ready for a source of <paramref name="originalLength"/> chars.</summary>
    internal void Clear(int originalLength)
    {
        Length = 0;
        OriginalLength = originalLength;
        if (_chars.Length < originalLength)
        {
            var size = Math.Max(originalLength, _chars.Length * 2);
            _chars = new char[size];
            _originalStart = new int[size];
            _originalEnd = new int[size];
        }
    }

    /// <summary>Appends <paramref name="c"/>, which came from original chars [start, end).</summary>
    internal void Append(char c, int start, int end)
    {
        if (Length == _chars.Length)
        {
            var size = _chars.Length * 2;
            Array.Resize(ref _chars, size);
            Array.Resize(ref _originalStart, size);
            Array.Resize(ref _originalEnd, size);
        }

        _chars[Length] = c;
        _originalStart[Length] = start;
        _originalEnd[Length] = end;
        Length++;
    }
}
