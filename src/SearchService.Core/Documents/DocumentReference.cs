namespace SearchService.Core.Documents;

/// <summary>
/// A document cited by a conclusion, de-duplicated within the citing document.
/// </summary>
/// <remarks>
/// Party document numbers restart for every type and term, so "706-KL/TU" names a document only
/// together with the body that issued it; <see cref="IssuerBody"/> carries that body when the code
/// and the citing document settle it, so "Bắc Ninh's 706-KL/TU" is not mixed with another province's.
/// A bare mention ("Nghị quyết số 18") has a null <see cref="Code"/> unless the same document
/// gives the full code, in which case it counts as a mention of that code.
/// </remarks>
public sealed record DocumentReference
{
    /// <summary>The full code as written ("18-NQ/TU", "06/QĐ-TTg", "35/2021/QH15"), null for a bare mention.</summary>
    public string? Code { get; init; }

    public ReferenceKind Kind { get; init; }

    /// <summary>The number part ("18").</summary>
    public required string Number { get; init; }

    /// <summary>The issuer letters of the code ("TU", "TTg", "QH15").</summary>
    public string? Issuer { get; init; }

    /// <summary>The issuing body resolved from the code and the citing document ("Tỉnh ủy Bắc Ninh").</summary>
    public string? IssuerBody { get; init; }

    /// <summary>The cited document's date when written next to the code.</summary>
    public DateOnly? Date { get; init; }

    /// <summary>How many times the citing document mentions it, bare mentions included.</summary>
    public int Mentions { get; init; }
}
