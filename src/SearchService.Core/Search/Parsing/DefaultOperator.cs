namespace SearchService.Core.Search.Parsing;

/// <summary>How words typed side by side without an operator combine.</summary>
public enum DefaultOperator
{
    /// <summary>Every word must match (what people typing a few words expect).</summary>
    And,

    /// <summary>Any word may match; more matching words rank higher.</summary>
    Or,
}
