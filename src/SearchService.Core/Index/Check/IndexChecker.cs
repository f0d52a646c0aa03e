using System.Globalization;
using SearchService.Core.Index.Codec;
using SearchService.Core.Index.Reader;
using SearchService.Core.Index.Schema;
using SearchService.Core.Index.Store;

namespace SearchService.Core.Index.Check;

/// <summary>
/// Verifies an index the way Lucene's CheckIndex does: the newest commit opens, every file of it
/// matches its CRC-32C footer, and within each segment the parts agree with each other — terms
/// in order, every posting list in doc order with as many documents as the dictionary says,
/// positions as many as the frequency, total frequencies as recorded, keyword and numeric
/// columns holding exactly the values the postings index, stored documents decoding, and deletes
/// counting what the commit says. It only reads; a damaged index is reported, never repaired.
/// </summary>
public static class IndexChecker
{
    /// <summary>Checks the index in <paramref name="directory"/>; <paramref name="progress"/> hears of each segment as it starts.</summary>
    public static IndexCheckReport Check(IndexDirectory directory, Action<string>? progress = null)
    {
        var report = new IndexCheckReport();
        CommitPoint? commit;
        try
        {
            commit = CommitPoint.ReadLatest(directory);
        }
        catch (IOException e)
        {
            report.Problems.Add(e.Message);
            return report;
        }

        if (commit is null)
        {
            return report;
        }

        report.Generation = commit.Generation;
        foreach (var entry in commit.Segments)
        {
            progress?.Invoke($"segment {entry.Name}: {entry.DocCount} documents, {entry.DeletedCount} deleted");
            report.Segments++;
            SegmentReader? reader = null;
            try
            {
                reader = new SegmentReader(directory, SegmentInfo.Read(directory, entry.Name), entry.DeletesGeneration);
                reader.VerifyChecksums();
                CheckSegment(reader, entry, report);
            }
            catch (IOException e)
            {
                report.Problems.Add($"segment {entry.Name}: {e.Message}");
            }
            catch (Exception e) when (e is InvalidOperationException or ArgumentException or IndexOutOfRangeException or FormatException)
            {
                report.Problems.Add($"segment {entry.Name}: unreadable ({e.GetType().Name}: {e.Message})");
            }
            finally
            {
                reader?.DecRef();
            }
        }

        return report;
    }

    private static void CheckSegment(SegmentReader reader, CommitPoint.Segment entry, IndexCheckReport report)
    {
        var name = entry.Name;
        void Problem(string what) => report.Problems.Add($"segment {name}: {what}");

        if (reader.MaxDoc != entry.DocCount)
        {
            Problem($"has {reader.MaxDoc} documents but the commit says {entry.DocCount}");
        }

        var deleted = reader.LiveDocs?.DeletedCount ?? 0;
        if (deleted != entry.DeletedCount)
        {
            Problem($"deletes file marks {deleted} documents but the commit says {entry.DeletedCount}");
        }

        report.Documents += reader.LiveCount;
        var fields = reader.Info.Fields;
        for (var f = 0; f < fields.Count; f++)
        {
            var field = fields[f];
            var seenInPostings = field.Kind is FieldKind.Keyword or FieldKind.Numeric ? new List<string>?[reader.MaxDoc] : null;
            string? previous = null;
            var termCount = 0;
            foreach (var (term, info) in reader.Terms.Enumerate(f))
            {
                termCount++;
                report.Terms++;
                if (previous is not null && string.CompareOrdinal(previous, term) >= 0)
                {
                    Problem($"field {field.Name}: term '{term}' is not after '{previous}'");
                }

                previous = term;
                var postings = reader.Postings(info);
                // A text term keeps positions or not as the analyzer marked it; keyword and numeric values never do.
                if (info.HasPositions && !PostingsFormat.IndexesPositions(field.Kind))
                {
                    Problem($"field {field.Name}, term '{term}': indexed with positions, which only text terms may be");
                }

                var docs = 0;
                long totalFreq = 0;
                var last = -1;
                for (var doc = postings.NextDoc(); doc != PostingsEnum.NoMoreDocs; doc = postings.NextDoc())
                {
                    report.Postings++;
                    if (doc <= last || doc >= reader.MaxDoc)
                    {
                        Problem($"field {field.Name}, term '{term}': document {doc} out of order or range (after {last}, {reader.MaxDoc} documents)");
                        break;
                    }

                    last = doc;
                    docs++;
                    totalFreq += postings.Freq;
                    var positions = postings.HasPositions ? 0 : postings.Freq;
                    var lastPosition = -1;
                    while (postings.HasPositions && postings.NextPosition())
                    {
                        positions++;
                        if (postings.Position < lastPosition)
                        {
                            Problem($"field {field.Name}, term '{term}', document {doc}: position {postings.Position} out of order (after {lastPosition})");
                        }

                        lastPosition = postings.Position;
                    }

                    if (positions != postings.Freq)
                    {
                        Problem($"field {field.Name}, term '{term}', document {doc}: {positions} positions for frequency {postings.Freq}");
                    }

                    if (seenInPostings is not null)
                    {
                        (seenInPostings[doc] ??= []).Add(term);
                    }
                }

                if (docs != info.DocFreq || totalFreq != info.TotalTermFreq)
                {
                    Problem($"field {field.Name}, term '{term}': the dictionary says {info.DocFreq} documents and {info.TotalTermFreq} occurrences, the postings hold {docs} and {totalFreq}");
                }
            }

            if (termCount != reader.Terms.TermCount(f))
            {
                Problem($"field {field.Name}: {termCount} terms listed, the dictionary says {reader.Terms.TermCount(f)}");
            }

            if (seenInPostings is not null)
            {
                CheckColumn(reader, field, seenInPostings, Problem);
            }
        }

        // Chunk by chunk, each decompressed whole once: every stored document must decode.
        var stored = 0;
        foreach (var bytes in reader.RawDocuments())
        {
            _ = Writer.StoredDocument.Deserialize(bytes);
            stored++;
        }

        if (stored != reader.MaxDoc)
        {
            Problem($"stored fields hold {stored} documents, the segment has {reader.MaxDoc}");
        }
    }

    /// <summary>A keyword column must hold exactly the terms the postings give the document; a numeric column its first value.</summary>
    private static void CheckColumn(SegmentReader reader, FieldDefinition field, List<string>?[] seenInPostings, Action<string> problem)
    {
        for (var doc = 0; doc < reader.MaxDoc; doc++)
        {
            var indexed = seenInPostings[doc] ?? [];
            if (field.Kind == FieldKind.Keyword)
            {
                var column = reader.KeywordValues(field.Name, doc);
                if (!column.SequenceEqual(indexed))
                {
                    problem($"field {field.Name}, document {doc}: column [{string.Join(", ", column)}] but postings [{string.Join(", ", indexed)}]");
                    return;
                }
            }
            else if (reader.NumericValue(field.Name, doc) is { } value && !indexed.Contains(value.ToString(CultureInfo.InvariantCulture)))
            {
                problem($"field {field.Name}, document {doc}: column value {value} is not among its indexed terms");
                return;
            }
        }
    }
}
