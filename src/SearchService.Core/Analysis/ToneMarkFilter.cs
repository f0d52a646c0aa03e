namespace SearchService.Core.Analysis;

/// <summary>
/// Rewrites each syllable with its tone mark in the canonical place (see
/// <see cref="ToneMarkNormalizer"/>), so "Thành uỷ" and "Thành ủy" index the same term.
/// Same length in and out, so offsets are untouched.
/// </summary>
public sealed class ToneMarkFilter : TokenFilter
{
    /// <summary>Wraps <paramref name="input"/>.</summary>
    public ToneMarkFilter(TokenStream input)
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

        if (Attributes.Type is TokenType.Syllable or TokenType.Word)
        {
            ToneMarkNormalizer.Canonicalize(Attributes.TermBuffer.AsSpan(0, Attributes.TermLength));
        }

        return true;
    }
}
