using SearchService.Core.Documents;
using SearchService.Core.Index.Reader;

namespace SearchService.Core.Catalog;

/// <summary>
/// Questions about the indexed conclusions that are answered from ids and columns rather than
/// by ranked search: a document by id, who cites a code, which localities have documents,
/// which documents are cited most. Reads one snapshot; the caller keeps it alive meanwhile.
/// </summary>
public sealed class ConclusionCatalog
{
    private readonly IndexSnapshot _snapshot;

    /// <summary>A catalog over <paramref name="snapshot"/>.</summary>
    public ConclusionCatalog(IndexSnapshot snapshot) => _snapshot = snapshot;

    /// <summary>The record with <paramref name="id"/>, or null.</summary>
    public ConclusionDocument? Find(string id)
    {
        foreach (var segment in _snapshot.Segments)
        {
            var postings = segment.Postings(ConclusionFields.Id, id);
            if (postings is null)
            {
                continue;
            }

            for (var doc = postings.NextDoc(); doc != PostingsEnum.NoMoreDocs; doc = postings.NextDoc())
            {
                if (!segment.IsDeleted(doc))
                {
                    return ConclusionIndexDocument.ToRecord(segment.Document(doc));
                }
            }
        }

        return null;
    }

    /// <summary>
    /// The documents citing <paramref name="code"/> (letter case ignored), newest first; with
    /// <paramref name="issuerBody"/>, only those whose resolved issuer matches it (case ignored).
    /// </summary>
    public IReadOnlyList<CitingDocument> Citing(string code, string? issuerBody = null)
    {
        var results = new List<CitingDocument>();
        foreach (var segment in _snapshot.Segments)
        {
            var codeField = segment.FieldNumber(ConclusionFields.Code);
            foreach (var (term, info) in segment.Terms.Enumerate(codeField))
            {
                if (!string.Equals(term, code, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                var postings = segment.Postings(info);
                for (var doc = postings.NextDoc(); doc != PostingsEnum.NoMoreDocs; doc = postings.NextDoc())
                {
                    if (segment.IsDeleted(doc))
                    {
                        continue;
                    }

                    var issuer = segment.KeywordValues(ConclusionFields.Citation, doc)
                        .Select(Citation.Parse)
                        .FirstOrDefault(c => c is not null && string.Equals(c.Code, term, StringComparison.Ordinal))?.IssuerBody;
                    if (issuerBody is not null && !string.Equals(issuer, issuerBody, StringComparison.OrdinalIgnoreCase))
                    {
                        continue;
                    }

                    var record = ConclusionIndexDocument.ToRecord(segment.Document(doc));
                    results.Add(new CitingDocument(record.Id, record.Title, record.Date, record.Locality, record.Province, issuer, SentenceNaming(record.Body, term)));
                }
            }
        }

        results.Sort((a, b) => b.Date != a.Date ? Nullable.Compare(b.Date, a.Date) : string.CompareOrdinal(a.Id, b.Id));
        return results;
    }

    /// <summary>Every locality with documents, most documents first, with today's province beside the one of its documents' dates.</summary>
    public IReadOnlyList<LocalityCount> Localities()
    {
        var counts = new Dictionary<(string, string?, string?, string?), int>();
        foreach (var segment in _snapshot.Segments)
        {
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (segment.IsDeleted(doc) || First(segment.KeywordValues(ConclusionFields.Locality, doc)) is not { } locality)
                {
                    continue;
                }

                var key = (locality, First(segment.KeywordValues(ConclusionFields.Province, doc)), First(segment.KeywordValues(ConclusionFields.Level, doc)),
                    First(segment.KeywordValues(ConclusionFields.CurrentProvince, doc)));
                counts[key] = counts.GetValueOrDefault(key) + 1;
            }
        }

        return counts
            .Select(c => new LocalityCount(c.Key.Item1, c.Key.Item2, c.Key.Item3, c.Value) { CurrentProvince = c.Key.Item4 })
            .OrderByDescending(c => c.Documents)
            .ThenBy(c => c.Locality, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The most-cited documents, optionally of one <paramref name="kind"/> and cited from one <paramref name="province"/> (case ignored).</summary>
    public IReadOnlyList<CitedDocumentCount> MostCited(ReferenceKind? kind = null, string? province = null, int limit = 20)
    {
        var counts = new Dictionary<Citation, int>();
        foreach (var segment in _snapshot.Segments)
        {
            for (var doc = 0; doc < segment.MaxDoc; doc++)
            {
                if (segment.IsDeleted(doc))
                {
                    continue;
                }

                if (province is not null && !string.Equals(First(segment.KeywordValues(ConclusionFields.Province, doc)), province, StringComparison.OrdinalIgnoreCase))
                {
                    continue;
                }

                foreach (var value in segment.KeywordValues(ConclusionFields.Citation, doc))
                {
                    if (Citation.Parse(value) is { } citation && (kind is null || citation.Kind == kind))
                    {
                        counts[citation] = counts.GetValueOrDefault(citation) + 1;
                    }
                }
            }
        }

        return counts
            .OrderByDescending(c => c.Value)
            .ThenBy(c => c.Key.Code, StringComparer.Ordinal)
            .ThenBy(c => c.Key.IssuerBody, StringComparer.Ordinal)
            .Take(limit)
            .Select(c => new CitedDocumentCount(c.Key.Code, ConclusionIndexDocument.EnumValue(c.Key.Kind), c.Key.IssuerBody, c.Value))
            .ToList();
    }

    private static string? First(IReadOnlyList<string> values) => values.Count > 0 ? values[0] : null;

    /// <summary>The sentence around the first mention of <paramref name="code"/>: from the previous full stop or line break to the next.</summary>
    private static string? SentenceNaming(string body, string code)
    {
        var at = body.IndexOf(code, StringComparison.OrdinalIgnoreCase);
        if (at < 0)
        {
            return null;
        }

        var start = at;
        while (start > 0 && body[start - 1] != '\n' && !(body[start - 1] == '.' && start < body.Length && char.IsWhiteSpace(body[start])))
        {
            start--;
        }

        var end = at + code.Length;
        while (end < body.Length && body[end] != '\n' && !(body[end] == '.' && (end + 1 == body.Length || char.IsWhiteSpace(body[end + 1]))))
        {
            end++;
        }

        if (end < body.Length && body[end] == '.')
        {
            end++;
        }

        return body[start..end].Trim();
    }
}
