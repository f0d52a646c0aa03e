namespace SearchService.Core.Documents;

/// <summary>The kind of a cited document, from its code's letters (NQ, KL, CT …) or the word before a bare number.</summary>
public enum ReferenceKind
{
    /// <summary>NQ, Nghị quyết.</summary>
    Resolution,

    /// <summary>KL, Kết luận.</summary>
    Conclusion,

    /// <summary>CT, Chỉ thị.</summary>
    Directive,

    /// <summary>QĐ written "Quyết định".</summary>
    Decision,

    /// <summary>QĐ written "Quy định".</summary>
    Regulation,

    /// <summary>KH, Kế hoạch.</summary>
    Plan,

    /// <summary>CTr, Chương trình.</summary>
    Programme,

    /// <summary>TB, Thông báo.</summary>
    Notice,

    /// <summary>NĐ, Nghị định.</summary>
    Decree,

    /// <summary>TT, Thông tư.</summary>
    Circular,

    /// <summary>Letters not in the list above.</summary>
    Other,
}
