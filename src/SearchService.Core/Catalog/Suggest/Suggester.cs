using SearchService.Core.Analysis;
using System.Runtime.InteropServices;
using SearchService.Core.Index.Reader;

namespace SearchService.Core.Catalog.Suggest;

/// <summary>
/// Completes a typed prefix with localities, provinces, committees, cited codes and title phrases
/// of one snapshot, matching accent- and tone-style-insensitively ("tu s" gives "Từ Sơn", "dang uy
/// phuong quy" gives "Đảng ủy phường Quy Nhơn Nam", "18-nq" gives "18-NQ/TU", "giai ph" gives "giải pháp"), ranked by how many documents have each, without
/// duplicates.
/// </summary>
/// <remarks>
/// Built from what the segments already hold, never from stored text: the keyword doc-values
/// columns (values and per-document ordinals, counted over live documents) and the title field's
/// term dictionary (its syllable-pair terms "giải_pháp" with their document frequencies; in a
/// segment with deletes the live documents are counted through the postings). Title phrases of
/// three or more syllables are completed by chaining pairs: every adjacent pair of the phrase
/// must occur in titles. Build one per snapshot: each segment's share is cached with its reader
/// (<see cref="SegmentSuggestions"/>), so a rebuild after a reopen reads only new or changed
/// segments and merges small tables. The result is immutable and thread-safe.
/// </remarks>
public sealed class Suggester
{
    private readonly Entry[] _entries;
    private readonly string[] _keys;
    private readonly Dictionary<string, Entry> _pairs;

    private Suggester(Entry[] entries, Dictionary<string, Entry> pairs)
    {
        Array.Sort(entries, static (a, b) => string.CompareOrdinal(a.Key, b.Key));
        _entries = entries;
        _keys = Array.ConvertAll(entries, e => e.Key);
        _pairs = pairs;
    }

    /// <summary>Number of distinct completions known.</summary>
    public int Count => _entries.Length;

    /// <summary>Builds the completions of <paramref name="snapshot"/>; segments seen by an earlier build are not read again.</summary>
    public static Suggester Build(IndexSnapshot snapshot)
    {
        ArgumentNullException.ThrowIfNull(snapshot);
        var localities = new Dictionary<string, int>(StringComparer.Ordinal);
        var provinces = new Dictionary<string, int>(StringComparer.Ordinal);
        var codes = new Dictionary<string, int>(StringComparer.Ordinal);
        var committees = new Dictionary<string, int>(StringComparer.Ordinal);
        var spellings = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var segment in snapshot.Segments)
        {
            var part = SegmentSuggestions.Of(segment);
            AddCounts(localities, part.Localities);
            AddCounts(provinces, part.Provinces);
            AddCounts(codes, part.Codes);
            AddCounts(committees, part.Committees);
            AddCounts(spellings, part.TitlePairs);
        }

        var byKey = new Dictionary<string, Entry>(StringComparer.Ordinal);
        AddValues(localities, SuggestionSource.Locality, byKey);
        AddValues(provinces, SuggestionSource.Province, byKey);
        AddValues(committees, SuggestionSource.Committee, byKey);
        AddValues(codes, SuggestionSource.Code, byKey);
        var pairs = TitlePairs(spellings);
        foreach (var pair in pairs.Values)
        {
            Keep(byKey, pair);
        }

        return new Suggester([.. byKey.Values], pairs);
    }

    /// <summary>
    /// Up to <paramref name="limit"/> completions of <paramref name="prefix"/>, most frequent first (ties:
    /// localities, provinces, committees, codes, titles; then alphabetically). A prefix ending in a space completes
    /// only the words after it.
    /// </summary>
    public IReadOnlyList<Suggestion> Suggest(string prefix, int limit = 10)
    {
        ArgumentNullException.ThrowIfNull(prefix);
        var key = FoldedKey.Words(prefix);
        if (key.Length == 0 || limit <= 0)
        {
            return [];
        }

        if (prefix.Length > 0 && char.IsWhiteSpace(prefix[^1]))
        {
            key += " ";
        }

        var found = new Dictionary<string, Entry>(StringComparer.Ordinal);
        for (var i = LowerBound(key); i < _keys.Length && _keys[i].StartsWith(key, StringComparison.Ordinal); i++)
        {
            found[_entries[i].Key] = _entries[i];
        }

        foreach (var chained in ChainedTitlePhrases(key))
        {
            found.TryAdd(chained.Key, chained);
        }

        var ranked = new List<Entry>(found.Values);
        ranked.Sort(static (a, b) =>
            a.DocFreq != b.DocFreq ? b.DocFreq.CompareTo(a.DocFreq)
            : a.Source != b.Source ? a.Source.CompareTo(b.Source)
            : string.CompareOrdinal(a.Key, b.Key));
        var result = new List<Suggestion>(Math.Min(limit, ranked.Count));
        for (var i = 0; i < ranked.Count && result.Count < limit; i++)
        {
            result.Add(new Suggestion(ranked[i].Text, ranked[i].Source, ranked[i].DocFreq));
        }

        return result;
    }

    /// <summary>
    /// For a prefix of three or more words, title phrases whose adjacent pairs all occur in titles: the
    /// last two words complete through the pair table, the earlier words must each pair with the next.
    /// </summary>
    private List<Entry> ChainedTitlePhrases(string key)
    {
        var result = new List<Entry>();
        var words = key.Split(' ');
        if (words.Length < 3)
        {
            return result;
        }

        var lastPair = words[^2] + " " + words[^1];
        var head = new List<string>();
        var docFreq = int.MaxValue;
        for (var i = 0; i < words.Length - 2; i++)
        {
            if (!_pairs.TryGetValue(words[i] + " " + words[i + 1], out var pair))
            {
                return result;
            }

            head.Add(pair.Text[..pair.Text.IndexOf(' ', StringComparison.Ordinal)]);
            docFreq = Math.Min(docFreq, pair.DocFreq);
        }

        var prefixText = string.Join(' ', head);
        var prefixKey = string.Join(' ', words[..^2]);
        for (var i = LowerBound(lastPair); i < _keys.Length && _keys[i].StartsWith(lastPair, StringComparison.Ordinal); i++)
        {
            var entry = _entries[i];
            if (entry.Source == SuggestionSource.Title && _pairs.ContainsKey(entry.Key))
            {
                result.Add(new Entry(prefixKey + " " + entry.Key, prefixText + " " + entry.Text, SuggestionSource.Title, Math.Min(docFreq, entry.DocFreq)));
            }
        }

        return result;
    }

    private int LowerBound(string key)
    {
        var index = Array.BinarySearch(_keys, key, StringComparer.Ordinal);
        return index >= 0 ? index : ~index;
    }

    private static void AddCounts(Dictionary<string, int> totals, Dictionary<string, int> counts)
    {
        foreach (var (value, count) in counts)
        {
            CollectionsMarshal.GetValueRefOrAddDefault(totals, value, out _) += count;
        }
    }

    /// <summary>Adds a keyword field's values with the number of live documents having each.</summary>
    private static void AddValues(Dictionary<string, int> totals, SuggestionSource source, Dictionary<string, Entry> byKey)
    {
        foreach (var (value, count) in totals)
        {
            var key = FoldedKey.Words(value);
            if (key.Length > 0)
            {
                Keep(byKey, new Entry(key, value, source, count));
            }
        }
    }

    /// <summary>
    /// The title's two-syllable phrases by key ("giai phap"), each shown in its most frequent accented
    /// spelling and counted by the most documents any spelling has (the folded term's, which covers all).
    /// </summary>
    private static Dictionary<string, Entry> TitlePairs(Dictionary<string, int> spellings)
    {
        var pairs = new Dictionary<string, Entry>(StringComparer.Ordinal);
        foreach (var (term, docFreq) in spellings)
        {
            var key = FoldedKey.Words(term);
            var accented = !string.Equals(term.Replace('_', ' '), key, StringComparison.Ordinal);
            if (!pairs.TryGetValue(key, out var best))
            {
                pairs[key] = new Entry(key, term.Replace('_', ' '), SuggestionSource.Title, docFreq);
                continue;
            }

            var bestAccented = !string.Equals(best.Text, key, StringComparison.Ordinal);
            var text = (accented && (!bestAccented || docFreq > best.DocFreq)) ? term.Replace('_', ' ') : best.Text;
            pairs[key] = new Entry(key, text, SuggestionSource.Title, Math.Max(docFreq, best.DocFreq));
        }

        return pairs;
    }

    /// <summary>One entry a key: the more frequent wins, then the earlier source.</summary>
    private static void Keep(Dictionary<string, Entry> byKey, Entry entry)
    {
        if (!byKey.TryGetValue(entry.Key, out var existing) || entry.DocFreq > existing.DocFreq || (entry.DocFreq == existing.DocFreq && entry.Source < existing.Source))
        {
            byKey[entry.Key] = entry;
        }
    }

    private sealed record Entry(string Key, string Text, SuggestionSource Source, int DocFreq);
}
