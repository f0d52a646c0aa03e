namespace SearchService.Core.Documents;

/// <summary>
/// One Party-committee conclusion or notice as a structured record: the clean text plus the
/// metadata a researcher filters and facets on. This is the one JSON shape shared by the index,
/// the API and <c>extract --json</c> (see <see cref="ConclusionDocumentJson"/>).
/// </summary>
/// <remarks>
/// Every field the text does not state is null: a wrong locality or date silently misfiles a
/// document for every later search, while a null only leaves it out of one filter.
/// </remarks>
public sealed record ConclusionDocument
{
    /// <summary>Stable identifier, by default the file name without its extension.</summary>
    public required string Id { get; init; }

    /// <summary>The document's own heading lines joined, in sentence case.</summary>
    public string? Title { get; init; }

    public DocumentType Type { get; init; } = DocumentType.Other;

    /// <summary>The document's own number ("123-KL/TU"), null when the number line is blank.</summary>
    public string? Number { get; init; }

    /// <summary>The issuing body as written ("Ban Chấp hành Đảng bộ thị xã", "Ban Thường vụ Huyện ủy").</summary>
    public string? Committee { get; init; }

    public AdministrativeLevel? Level { get; init; }

    /// <summary>The issuing locality ("Từ Sơn"); for a province or centrally-run city, the province itself.</summary>
    public string? Locality { get; init; }

    /// <summary>The province or centrally-run city the locality belonged to on the document's date ("Bình Định").</summary>
    public string? Province { get; init; }

    /// <summary>
    /// The province or centrally-run city that holds the locality's ground today, since the 2025
    /// reorganisation ("Gia Lai" for a 2024 document of Bình Định's Quy Nhơn); the same as
    /// <see cref="Province"/> for a document written on today's map.
    /// </summary>
    public string? CurrentProvince { get; init; }

    /// <summary>The committee's term (khóa) as a Roman numeral, as written ("XVIII").</summary>
    public string? Term { get; init; }

    /// <summary>The term's years when the text gives them ("2020-2025").</summary>
    public string? TermYears { get; init; }

    /// <summary>The conference or meeting number (Hội nghị lần thứ n / lần thứ ba / lần thứ III, phiên họp thứ n).</summary>
    public int? Conference { get; init; }

    /// <summary>The date on the document, else the meeting date.</summary>
    public DateOnly? Date { get; init; }

    public ReportingPeriod? Period { get; init; }

    public IReadOnlyList<DocumentReference> References { get; init; } = [];

    public Signer? Signer { get; init; }

    /// <summary>The "Nơi nhận" lines, without their list dashes and trailing commas.</summary>
    public IReadOnlyList<string> Recipients { get; init; } = [];

    public IReadOnlyList<DocumentSection> Sections { get; init; } = [];

    /// <summary>The clean full text: markup removed, page-break artefacts joined.</summary>
    public string Body { get; init; } = "";
}
