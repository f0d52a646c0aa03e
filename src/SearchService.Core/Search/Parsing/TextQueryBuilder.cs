using SearchService.Core.Analysis;
using SearchService.Core.Search.Queries;

namespace SearchService.Core.Search.Parsing;

/// <summary>
/// Turns typed words into clauses through the analyzer's token stream, so the query side and the
/// index side agree by construction. Each word becomes a required unit — its exact term or its
/// folded term (weighted lower) in each field (title weighted above body); a phrase the analyzer
/// knows an abbreviation for becomes "the abbreviation or all its words"; syllable pairs become
/// optional clauses that lift documents with the words adjacent; a document code typed whole or
/// as kind + number ("NQ 18", "nghị quyết 18") adds an optional, strongly boosted clause on the
/// keyword field of cited codes; a place the words name adds an optional clause on its keyword
/// fields. Every field comes from the <see cref="QueryParserOptions"/>.
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
    public Query? Words(string text, IReadOnlyList<KeyValuePair<string, float>> fields) => Words(text, fields, _options.QuestionFrames, out _);

    /// <summary>
    /// The words of <paramref name="text"/> the default operator applies to: its content words,
    /// without stop words, the question's frame and stop words typed without marks.
    /// </summary>
    public int ContentWords(string text)
    {
        Words(text, _options.DefaultFields, _options.QuestionFrames, out var count);
        return count;
    }

    private Query? Words(string text, IReadOnlyList<KeyValuePair<string, float>> fields, bool questionFrames, out int contentWords)
    {
        contentWords = 0;
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

        var frame = questionFrames ? QuestionFrame(text) : [];

        // Only a text typed without any mark reads "ma" as perhaps "mà": in "ma túy" it is the word itself.
        var unmarkedText = _options.UnmarkedStopWordsOptional && !VietnameseAlphabet.NeedsFolding(text);

        // A syllable typed without marks may be any of its accented words ("phong": phóng, phòng).
        // In a short title one such collision ("phòng cháy" for "giải phóng") would outweigh a body
        // that has the words side by side, so a lone unmarked syllable weighs in the title as a
        // folded match does; pairs keep their full weight and decide which word was meant.
        var syllableWeight = !VietnameseAlphabet.NeedsFolding(text) ? _options.FoldedWeight : 1f;
        var required = new List<Query>();
        var optional = new List<Query>();
        var minor = new List<Query>();
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
                        words.Add(new BooleanClause(Unit(slots[k], fields, syllableWeight), Occur.Must));
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

            if (InFrame(slot, frame))
            {
                continue;
            }

            if (unmarkedText && UnmarkedStopWords.Contains(slot.Term))
            {
                // "cua", "duoc", "cac" typed without marks: most likely the stop words "của",
                // "được", "các", which the accented query drops; they may score, never filter.
                minor.Add(Unit(slot, fields, syllableWeight));
            }
            else
            {
                required.Add(Unit(slot, fields, syllableWeight));
            }

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

        if (_options.PlaceBoost > 0 && _options.Places is not null && ReferenceEquals(fields, _options.DefaultFields))
        {
            AddPlaces(slots, optional, _options.Places);
        }

        if (required.Count == 0 && minor.Count > 0)
        {
            // Nothing but stop words typed without marks: they are the words.
            required.AddRange(minor);
            minor.Clear();
        }

        contentWords = required.Count;
        if (required.Count == 0)
        {
            // The question's frame alone ("bao gồm"): then those words are what is asked for.
            return frame.Count > 0 ? Words(text, fields, questionFrames: false, out contentWords) : null;
        }

        if (required.Count == 1 && optional.Count == 0 && minor.Count == 0)
        {
            return required[0];
        }

        if (_options.DefaultOperator == DefaultOperator.Or && _options.Coordination > 0)
        {
            return new CoordinationQuery(required, [.. minor, .. optional], _options.Coordination);
        }

        var clauses = new List<BooleanClause>();
        var occur = _options.DefaultOperator == DefaultOperator.And ? Occur.Must : Occur.Should;
        foreach (var query in required)
        {
            clauses.Add(new BooleanClause(query, occur));
        }

        foreach (var query in minor)
        {
            clauses.Add(new BooleanClause(query, Occur.Should));
        }

        foreach (var query in optional)
        {
            clauses.Add(new BooleanClause(query, Occur.Should));
        }

        return new BooleanQuery(clauses);
    }

    /// <summary>
    /// A place the text names ("duc pho", "Tân Yên nông thôn mới", "Bắc Ninh"): an optional clause
    /// on the keyword fields <paramref name="places"/> gives, so that place's own documents rank
    /// first. Names of two to four syllables only, longest first: one syllable names too many
    /// things besides a place.
    /// </summary>
    private void AddPlaces(List<QuerySlot> slots, List<Query> optional, Func<string, NamedPlace?> places)
    {
        var words = slots.Where(s => !s.IsOrphanPair && s.Type == TokenType.Syllable).ToList();
        for (var i = 0; i < words.Count; i++)
        {
            for (var length = Math.Min(4, words.Count - i); length >= 2; length--)
            {
                var name = string.Join(' ', words.GetRange(i, length).Select(w => w.Term));
                if (places(name) is not { Fields.Count: > 0 } place)
                {
                    continue;
                }

                var clauses = new List<BooleanClause>(place.Fields.Count);
                foreach (var field in place.Fields)
                {
                    clauses.Add(new BooleanClause(new KeywordQuery(field, place.Value) { Boost = _options.PlaceBoost }, Occur.Should));
                }

                optional.Add(clauses.Count == 1 ? clauses[0].Query : new BooleanQuery(clauses));
                i += length - 1;
                break;
            }
        }
    }

    private List<(int Start, int End)> QuestionFrame(string text)
    {
        var primary = new List<AnalyzedToken>();
        var position = -1;
        foreach (var token in _phrases.Analyze(text))
        {
            if (token.Position != position)
            {
                primary.Add(token);
                position = token.Position;
            }
        }

        return QuestionPhrases.Find(primary);
    }

    private static bool InFrame(QuerySlot slot, List<(int Start, int End)> frame)
    {
        foreach (var (start, end) in frame)
        {
            if (slot.StartOffset >= start && slot.EndOffset <= end)
            {
                return true;
            }
        }

        return false;
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

        // A phrase is matched on positions, as Lucene matches it: "khieu nai to cao" finds
        // "khiếu nại, tố cáo", because punctuation takes no position. The index keeps one position
        // stream a word, its folded form; accented forms and syllable pairs keep documents and
        // frequencies only. Two syllables side by side always leave a pair at the second one's
        // position: "giải_phóng", or across punctuation the broken pair "nại¦tố". So an exact
        // phrase's pairs (spans) give its candidates (far shorter postings than the syllables') and
        // bound its frequency, and the folded words' positions verify the adjacency: a phrase of
        // two syllables is its pair alone, no positions read. A word with no pair beside it (a
        // number, a code, or in a sloppy phrase every word) has its accented form as a span of its
        // own. The loose phrase is the same words with the folded pairs as spans.
        var words = slots.Where(s => !s.IsOrphanPair).ToList();
        var byPairs = slop == 0 && _options.Analysis.Pairs;
        var positioned = new List<IReadOnlyList<string>>(words.Count);
        var exact = new List<PhraseSpan>(words.Count);
        var loose = new List<PhraseSpan>(words.Count);
        var paired = new bool[words.Count];
        var anyFolded = false;
        for (var i = 0; i < words.Count; i++)
        {
            var slot = words[i];
            positioned.Add([slot.Folded ?? slot.Term]);
            anyFolded |= slot.Folded is not null;
            if (byPairs && i > 0 && Pairable(words[i - 1], slot))
            {
                var before = words[i - 1];
                exact.Add(new PhraseSpan(i - 1, i, Adjacent(before.Term, slot.Term)));
                loose.Add(new PhraseSpan(i - 1, i, Adjacent(before.Folded ?? before.Term, slot.Folded ?? slot.Term)));
                paired[i - 1] = paired[i] = true;
            }
        }

        for (var i = 0; i < words.Count; i++)
        {
            if (!paired[i] && words[i].Folded is not null)
            {
                exact.Add(new PhraseSpan(i, i, [words[i].Term]));
            }
        }

        var clauses = new List<BooleanClause>();
        foreach (var (field, boost) in fields)
        {
            // An accented phrase is its folded reading (weighed FoldedWeight) with the accented one
            // scored on top where it holds: the same as "exact OR loose", positions read once.
            var folded = _options.FoldedWeight;
            if (anyFolded && _options.Analysis.Fold && folded > 0)
            {
                var strict = new PhraseStrictReading(exact, 1f / folded);
                clauses.Add(new BooleanClause(new PhraseQuery(field, positioned, slop, loose, strict) { Boost = boost * folded }, Occur.Should));
                continue;
            }

            clauses.Add(new BooleanClause(new PhraseQuery(field, positioned, slop, exact) { Boost = boost }, Occur.Should));
            if (anyFolded && _options.Analysis.Fold)
            {
                clauses.Add(new BooleanClause(new PhraseQuery(field, positioned, slop, loose) { Boost = boost * folded }, Occur.Should));
            }
        }

        return clauses.Count == 1 ? clauses[0].Query : new BooleanQuery(clauses);
    }

    private static bool Pairable(QuerySlot first, QuerySlot second) => first.Type == TokenType.Syllable && second.Type == TokenType.Syllable;

    private static string[] Adjacent(string first, string second) =>
        [first + "_" + second, first + SyllablePairFilter.BrokenJoiner + second];

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

    private Query Unit(QuerySlot slot, IReadOnlyList<KeyValuePair<string, float>> fields, float unmarkedWeight)
    {
        var titleWeight = slot.Type is TokenType.Syllable or TokenType.Word ? unmarkedWeight : 1f;
        var unit = Alternatives(slot.Term, slot.Folded, fields, 1f, titleWeight);
        if (slot.Type != TokenType.Code || _options.CodeField is not { } codeField)
        {
            return unit;
        }

        // A code typed whole: the citing documents (keyword field) first, any mention in the text after.
        var code = new DocumentCodeQuery(codeField, DocumentCodeQuery.SplitCode(slot.Term)) { Boost = _options.CodeBoost };
        return Or([code, unit]);
    }

    private BooleanQuery Alternatives(string term, string? folded, IReadOnlyList<KeyValuePair<string, float>> fields, float weight, float titleWeight = 1f)
    {
        var clauses = new List<BooleanClause>(fields.Count * 2);
        foreach (var (field, fieldBoost) in fields)
        {
            var boost = field == _options.TitleField ? fieldBoost * titleWeight : fieldBoost;
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
        if (_options.CodeField is not { } codeField || numberAt < 0 || numberAt >= slots.Count || slots[numberAt].Type != TokenType.Number || !DocumentCodeQuery.IsKindPart(kind))
        {
            return;
        }

        optional.Add(new DocumentCodeQuery(codeField, [slots[numberAt].Term, kind]) { Boost = _options.CodeBoost });
    }
}
