namespace SearchService.Core.Search.Highlighting;

/// <summary>How snippets are cut and marked.</summary>
public sealed record HighlighterOptions
{
    /// <summary>The default options: up to 3 fragments of about 200 chars, <c>&lt;mark&gt;</c> tags.</summary>
    public static HighlighterOptions Default { get; } = new();

    /// <summary>About how many chars of original text a fragment holds (cut back to a word boundary).</summary>
    public int FragmentLength { get; init; } = 200;

    /// <summary>The most fragments returned.</summary>
    public int MaxFragments { get; init; } = 3;

    /// <summary>Put before each match (not escaped).</summary>
    public string PreTag { get; init; } = "<mark>";

    /// <summary>Put after each match (not escaped).</summary>
    public string PostTag { get; init; } = "</mark>";

    /// <summary>Put where a fragment was cut out of the text.</summary>
    public string Ellipsis { get; init; } = "…";

    /// <summary>When nothing matched, return the start of the text as the one fragment (so a hit still shows text) rather than none.</summary>
    public bool LeadingFragmentWhenNoMatch { get; init; } = true;
}
