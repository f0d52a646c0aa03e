namespace SearchService.Core.Analysis;

/// <summary>Lowercases every term in place, Đ to đ included (culture-invariant, so Turkish rules never apply).</summary>
public sealed class LowerCaseFilter : TokenFilter
{
    /// <summary>Wraps <paramref name="input"/>.</summary>
    public LowerCaseFilter(TokenStream input)
        : base(input)
    {
    }

    /// <inheritdoc />
    public override bool IncrementToken()
    {
        if (!Input.IncrementToken())
        {
            return false;
        }

        var buffer = Attributes.TermBuffer.AsSpan(0, Attributes.TermLength);
        for (var i = 0; i < buffer.Length; i++)
        {
            var c = buffer[i];
            buffer[i] = c < 0x80 ? (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c) : VietnameseAlphabet.ToLower(c);
        }

        return true;
    }
}
