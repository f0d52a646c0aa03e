namespace SearchService.Core.Documents;

/// <summary>What kind of Party document a text is, from its heading.</summary>
public enum DocumentType
{
    /// <summary>Kết luận (of a conference).</summary>
    Conclusion,

    /// <summary>Thông báo kết luận (of a standing-committee meeting).</summary>
    Notice,

    /// <summary>Nghị quyết.</summary>
    Resolution,

    /// <summary>Chỉ thị.</summary>
    Directive,

    /// <summary>Anything else, or no heading at all.</summary>
    Other,
}
