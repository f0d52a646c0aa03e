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

        Lower(Attributes.TermBuffer.AsSpan(0, Attributes.TermLength));
        return true;
    }

    /// <summary>Lowercases <paramref name="term"/> in place, as this filter does a token's term.</summary>
    internal static void Lower(Span<char> term)
    {
        for (var i = 0; i < term.Length; i++)
        {
            var c = term[i];
            term[i] = c < 0x80 ? (c is >= 'A' and <= 'Z' ? (char)(c + 32) : c) : VietnameseAlphabet.ToLower(c);
        }
    }
}
