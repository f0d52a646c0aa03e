namespace SearchService.Core.Search.Queries;

/// <summary>How a clause of a <see cref="BooleanQuery"/> takes part.</summary>
public enum Occur
{
    /// <summary>Must match; adds to the score.</summary>
    Must,

    /// <summary>May match; adds to the score when it does (at least one should clause must match when there is no must or filter clause).</summary>
    Should,

    /// <summary>Must not match.</summary>
    MustNot,

    /// <summary>Must match; never changes the score.</summary>
    Filter,
}
