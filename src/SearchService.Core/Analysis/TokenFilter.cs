namespace SearchService.Core.Analysis;

/// <summary>A token stream that reads another one and changes, drops or adds tokens.</summary>
public abstract class TokenFilter : TokenStream
{
    /// <summary>Wraps <paramref name="input"/>, sharing its current-token attributes.</summary>
    protected TokenFilter(TokenStream input)
        : base(input.Attributes)
    {
        Input = input;
    }

    /// <summary>The stream this filter reads.</summary>
    protected TokenStream Input { get; }

    /// <inheritdoc />
    public override void Reset() => Input.Reset();
}
