using SearchService.Core.Analysis;
using SearchService.Core.Catalog;
using SearchService.Core.Search.Queries;

namespace SearchService.Core.Search.Parsing;

/// <summary>
/// Turns typed words into clauses through the analyzer's token stream, so the query side and the
/// index side agree by construction. Each word becomes a required unit — its exact term or its
/// folded term (weighted lower) in each field (title weighted above body); a phrase the analyzer
/// knows an abbreviation for becomes "the abbreviation or all its words"; syllable pairs become
/// optional clauses that lift documents with the words adjacent; a document code typed whole or
/// as kind + number ("NQ 18", "nghị quyết 18") adds an optional, strongly boosted clause on the
/// keyword field of cited codes.
/// </summary>
internal sealed class TextQueryBuilder
{
    private static readonly VietnameseAnalyzer Literal = new(VietnameseAnalyzerOptions.Indexing with { Pairs = false, Synonyms = false, CodeParts = false, Fold = false });

    private readonly QueryParserOptions _options;
    private readonly VietnameseAnalyzer _words;
    private readonly VietnameseAnalyzer _phrases;

    public TextQueryBuilder(QueryParserOptions options)
    {
        _options = options;
        var analysis = options.Analysis;
        _phrases = analysis == VietnameseAnalyzerOptions.Indexing ? VietnameseAnalyzer.Indexing : new VietnameseAnalyzer(analysis);
        _words = analysis == VietnameseAnalyzerOptions.Indexing ? VietnameseAnalyzer.Query : new VietnameseAnalyzer(analysis with { RemoveStopWords = true });
    }

    /// <summary>The query for loose words in <paramref name="fields"/>; null when the text has no words.</summary>
    public Query? Words(string text, IReadOnlyList<KeyValuePair<string, float>> fields)
    {
        var tokens = _words.Analyze(text);
        if (tokens.Count == 0)
        {
            // Only stop words: search them rather than nothing.
            tokens = _phrases.Analyze(text);
        }

        var slots = QuerySlot.From(tokens);
        if (slots.Count == 0)
        {
            return null;
        }

        var required = new List<Query>();
        var optional = new List<Query>();
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            var synonym = slot.Synonyms.Count > 0 ? slot.Synonyms[0] : default;
            var end = i;
            if (slot.Synonyms.Count > 0)
            {
                while (end + 1 < slots.Count && slots[end + 1].EndOffset <= synonym.EndOffset)
                {
                    end++;
                }
            }

            if (end > i)
            {
                // "ủy ban nhân dân" = "ubnd": either the abbreviation or every word of the phrase.
                var words = new List<BooleanClause>();
                for (var k = i; k <= end; k++)
                {
                    if (!slots[k].IsOrphanPair)
                    {
                        words.Add(new BooleanClause(Unit(slots[k], fields), Occur.Must));
                    }
                }

                var abbreviation = Alternatives(synonym.Term, synonym.Folded, fields, _options.SynonymWeight);
                required.Add(Or([abbreviation, new BooleanQuery(words)]));
                for (var k = i + 1; k <= end; k++)
                {
                    AddPair(slots[k], fields, optional);
                }

                AddCodeOfKind(synonym.Term, slots, end + 1, optional);
                i = end;
                continue;
            }

            if (slot.IsOrphanPair)
            {
                AddPair(slot, fields, optional);
                continue;
            }

            required.Add(Unit(slot, fields));
            if (i > 0)
            {
                AddPair(slot, fields, optional);
            }

            if (slot.Type == TokenType.Abbreviation)
            {
                AddCodeOfKind(slot.Term, slots, i + 1, optional);
                AddCodeOfKind(slot.Term, slots, i - 1, optional);
            }
        }

        if (required.Count == 0)
        {
            return null;
        }

        if (required.Count == 1 && optional.Count == 0)
        {
            return required[0];
        }

        var clauses = new List<BooleanClause>();
        var occur = _options.DefaultOperator == DefaultOperator.And ? Occur.Must : Occur.Should;
        foreach (var query in required)
        {
            clauses.Add(new BooleanClause(query, occur));
        }

        foreach (var query in optional)
        {
            clauses.Add(new BooleanClause(query, Occur.Should));
        }

        return new BooleanQuery(clauses);
    }

    /// <summary>The phrase query for quoted text in <paramref name="fields"/>; null when it has no words.</summary>
    public Query? Phrase(string text, int slop, IReadOnlyList<KeyValuePair<string, float>> fields)
    {
        // Stop words stay in a phrase: "giải phóng mặt bằng" must match "bằng" where it stands.
        var slots = QuerySlot.From(_phrases.Analyze(text));
        if (slots.Count == 0)
        {
            return null;
        }

        // An exact phrase is read through the syllable-pair terms where it has them: "a_b" at b's
        // position holds exactly when a and b stand side by side, and pair postings are far shorter
        // than syllable postings. Where there is no pair (a number, a code, punctuation between
        // two words) the word itself stands in; the positions stay consecutive either way. A sloppy
        // phrase needs the words themselves.
        var byPairs = slop == 0 && slots.Count > 1;
        var exact = new List<IReadOnlyList<string>>(slots.Count);
        var loose = new List<IReadOnlyList<string>>(slots.Count);
        var anyFolded = false;
        for (var i = 0; i < slots.Count; i++)
        {
            var slot = slots[i];
            if (byPairs && i == 0 && slots[1].Pair is not null)
            {
                continue; // the first pair covers the first word
            }

            // The index stacks a folded copy on every accented word and pair, so the folded term's
            // positions include the exact term's: the loose phrase needs the folded terms only.
            var pair = byPairs && i > 0 ? slot.Pair : null;
            var term = pair ?? slot.Term;
            var folded = pair is not null ? slot.FoldedPair : slot.Folded;
            exact.Add([term]);
            loose.Add([folded ?? term]);
            anyFolded |= folded is not null;
        }

        var clauses = new List<BooleanClause>();
        foreach (var (field, boost) in fields)
        {
            clauses.Add(new BooleanClause(new PhraseQuery(field, exact, slop) { Boost = boost }, Occur.Should));
            if (anyFolded)
            {
                clauses.Add(new BooleanClause(new PhraseQuery(field, loose, slop) { Boost = boost * _options.FoldedWeight }, Occur.Should));
            }
        }

        return clauses.Count == 1 ? clauses[0].Query : new BooleanQuery(clauses);
    }

    /// <summary>One word normalized as the index writes it (lower-case, canonical tone marks), for prefixes and fuzzy words.</summary>
    public static string Normalize(string word)
    {
        var tokens = Literal.Analyze(word);
        return tokens.Count == 1 ? tokens[0].Term : word.ToLowerInvariant();
    }

    private static Query Or(IReadOnlyList<Query> queries)
    {
        var clauses = new List<BooleanClause>(queries.Count);
        foreach (var query in queries)
        {
            clauses.Add(new BooleanClause(query, Occur.Should));
        }

        return new BooleanQuery(clauses);
    }

    private Query Unit(QuerySlot slot, IReadOnlyList<KeyValuePair<string, float>> fields)
    {
        var unit = Alternatives(slot.Term, slot.Folded, fields, 1f);
        if (slot.Type != TokenType.Code)
        {
            return unit;
        }

        // A code typed whole: the citing documents (keyword field) first, any mention in the text after.
        var code = new DocumentCodeQuery(ConclusionFields.Code, DocumentCodeQuery.SplitCode(slot.Term)) { Boost = _options.CodeBoost };
        return Or([code, unit]);
    }

    private BooleanQuery Alternatives(string term, string? folded, IReadOnlyList<KeyValuePair<string, float>> fields, float weight)
    {
        var clauses = new List<BooleanClause>(fields.Count * 2);
        foreach (var (field, boost) in fields)
        {
            clauses.Add(new BooleanClause(new TermQuery(field, term) { Boost = boost * weight }, Occur.Should));
            if (folded is not null && folded != term)
            {
                clauses.Add(new BooleanClause(new TermQuery(field, folded) { Boost = boost * weight * _options.FoldedWeight }, Occur.Should));
            }
        }

        return new BooleanQuery(clauses);
    }

    private void AddPair(QuerySlot slot, IReadOnlyList<KeyValuePair<string, float>> fields, List<Query> optional)
    {
        if (slot.IsOrphanPair)
        {
            optional.Add(Alternatives(slot.Term, slot.FoldedPair, fields, _options.PairWeight));
        }
        else if (slot.Pair is { } pair)
        {
            optional.Add(Alternatives(pair, slot.FoldedPair, fields, _options.PairWeight));
        }
    }

    /// <summary>"NQ 18" or "nghị quyết 18": a kind next to a number names a code; boost the documents citing it.</summary>
    private void AddCodeOfKind(string kind, List<QuerySlot> slots, int numberAt, List<Query> optional)
    {
        if (numberAt < 0 || numberAt >= slots.Count || slots[numberAt].Type != TokenType.Number || !DocumentCodeQuery.IsKindPart(kind))
        {
            return;
        }

        optional.Add(new DocumentCodeQuery(ConclusionFields.Code, [slots[numberAt].Term, kind]) { Boost = _options.CodeBoost });
    }
}
