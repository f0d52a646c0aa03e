using System.Globalization;
using SearchService.Core.Analysis;

namespace SearchService.Core.Search.Queries;

/// <summary>
/// Documents citing a document code whose parts include <see cref="Parts"/>, looked up in the
/// keyword field <c>code</c> (full codes as written: "18-NQ/TU") without regard to case and
/// accents: parts ["18", "nq", "tu"] (typed "18-nq/tu") or ["18", "nq"] (typed "NQ 18" or
/// "nghị quyết 18") both reach "18-NQ/TU". The first part, a number, must be the code's first
/// part; the dictionary is walked from it, so a lookup reads only codes with that number.
/// </summary>
public sealed class DocumentCodeQuery : Query
{
    /// <summary>Matches codes of <paramref name="field"/> whose first part is <paramref name="parts"/>[0] and which contain every other part.</summary>
    public DocumentCodeQuery(string field, IReadOnlyList<string> parts)
    {
        ArgumentException.ThrowIfNullOrEmpty(field);
        ArgumentNullException.ThrowIfNull(parts);
        if (parts.Count == 0)
        {
            throw new ArgumentException("a code needs at least one part", nameof(parts));
        }

        Field = field;
        Parts = parts;
    }

    /// <summary>The keyword field of full codes.</summary>
    public string Field { get; }

    /// <summary>The parts, the number first.</summary>
    public IReadOnlyList<string> Parts { get; }

    /// <inheritdoc />
    public override Query Rewrite(SearchContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var wanted = new string[Parts.Count];
        for (var i = 0; i < wanted.Length; i++)
        {
            wanted[i] = FoldedKey.Compact(Parts[i]);
        }

        var first = Parts[0];
        var seekable = first.Length > 0 && char.IsDigit(first[0]);
        var terms = new SortedDictionary<string, float>(StringComparer.Ordinal);
        foreach (var (term, _) in TermExpansion.Walk(context, Field, seekable ? first : null, t => !seekable || t.StartsWith(first, StringComparison.Ordinal)))
        {
            if (Matches(term, wanted))
            {
                terms[term] = 1f;
            }
        }

        return TermExpansion.Disjunction(Field, terms, Boost);
    }

    /// <inheritdoc />
    public override Scoring.Weight CreateWeight(SearchContext context, float boost) => Rewrite(context).CreateWeight(context, boost);

    /// <inheritdoc />
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{Field}:code({string.Join(' ', Parts)}){BoostSuffix()}");

    private static bool Matches(string code, string[] wanted)
    {
        var parts = code.Split(['-', '/', '.', ' '], StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length == 0 || FoldedKey.Compact(parts[0]) != wanted[0])
        {
            return false;
        }

        for (var i = 1; i < wanted.Length; i++)
        {
            var found = false;
            for (var j = 1; j < parts.Length && !found; j++)
            {
                found = FoldedKey.Compact(parts[j]) == wanted[i];
            }

            if (!found)
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Splits a typed code into its parts, as the analyzer does ("18-NQ/TU" gives 18, NQ, TU).</summary>
    internal static string[] SplitCode(string code) => code.Split(['-', '/'], StringSplitOptions.RemoveEmptyEntries);

    /// <summary>True for a part that names a kind of document (letters only, as "nq", "qđ", "ct").</summary>
    internal static bool IsKindPart(string part)
    {
        foreach (var c in part)
        {
            if (!char.IsLetter(c))
            {
                return false;
            }
        }

        return part.Length is > 0 and <= 6 && !VietnameseAlphabet.NeedsFolding(part.Replace("đ", "", StringComparison.Ordinal));
    }
}
