namespace SearchService.Core.Analysis;

/// <summary>
/// A stream of tokens read one at a time: <see cref="IncrementToken"/> moves to the next token
/// and the token itself is read from <see cref="Attributes"/>. Tokenizers are the sources,
/// <see cref="TokenFilter"/>s change or add tokens on the way.
/// </summary>
public abstract class TokenStream
{
    /// <summary>Creates a stream that writes its tokens into <paramref name="attributes"/>.</summary>
    protected TokenStream(TokenAttributes attributes)
    {
        Attributes = attributes;
    }

    /// <summary>The current token, shared by the whole chain.</summary>
    public TokenAttributes Attributes { get; }

    /// <summary>Moves to the next token; false at the end of the stream.</summary>
    public abstract bool IncrementToken();

    /// <summary>Forgets any state from a previous text so the stream can be reused.</summary>
    public virtual void Reset()
    {
    }
}
