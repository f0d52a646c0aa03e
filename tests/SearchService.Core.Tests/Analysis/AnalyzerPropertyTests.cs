using System.Globalization;
using System.Text;
using SearchService.Core.Analysis;
using static SearchService.Core.Tests.Analysis.AnalyzedText;

namespace SearchService.Core.Tests.Analysis;

/// <summary>
/// Random Vietnamese-like texts from a fixed seed, run through every chain: no exception, every
/// token inside the text with a non-empty term, primary tokens in text order, positions never
/// going back; decomposed text gives the same tokens as composed text; and a pipeline reused
/// across texts (some abandoned half-read) gives the same tokens as a fresh one.
/// </summary>
public sealed class AnalyzerPropertyTests
{
    private const int Seed = 20_231_004;
    private const int TextCount = 2_400;

    private static readonly string[] Initials =
        ["", "", "b", "c", "ch", "d", "đ", "g", "gh", "gi", "h", "k", "kh", "l", "m", "n", "ng", "ngh", "nh", "p", "ph", "qu", "r", "s", "t", "th", "tr", "v", "x"];

    private static readonly string[] Nuclei =
    [
        "a", "ă", "â", "e", "ê", "i", "o", "ô", "ơ", "u", "ư", "y", "ai", "ao", "au", "ay", "âu", "ây", "eo", "êu", "ia", "iê",
        "iu", "oa", "oă", "oe", "oi", "ôi", "ơi", "ua", "uâ", "uê", "ui", "uô", "uơ", "uy", "ưa", "ưi", "ươ", "ưu", "yê",
        "oai", "oay", "uây", "uôi", "uya", "uyê", "ươi", "ươu", "yêu",
    ];

    private static readonly string[] Finals = ["", "", "", "c", "ch", "m", "n", "ng", "nh", "p", "t"];

    private static readonly char[] ToneMarks = ['\u0300', '\u0301', '\u0303', '\u0309', '\u0323'];

    private static readonly string[] Codes =
        ["18-NQ/TU", "706-KL/TU", "06/QĐ-TTg", "35/2021/QH15", "01-CTr/BTVTUHP-BTVĐUCSSB", "158-QĐ/TW", "1/2000", "2020-2025", "Số -KL/TU"];

    private static readonly string[] Punctuation =
        [".", ",", ";", ":", "-", "–", "(", ")", "“", "”", "!", "?", "/", "%", "#", "...", "\"", "'", "[", "]", "+", "=", "&"];

    private static readonly string[] Spaces = ["\n", "\n\n", "\r\n", "\r\n\r\n", "\t", "\u00A0", "\u202F", "  "];

    private static readonly string[] Invisible = ["\u200B", "\u00AD", "\u200C", "\u200D", "\u2060", "\uFEFF"];

    private static readonly string[] StopWords = ["và", "của", "số", "các", "những", "được", "trong", "ngày"];

    private static readonly (string Text, bool Clean)[] Texts = Generate();

    /// <summary>The chains every property runs through.</summary>
    public static TheoryData<string> Chains => ["indexing", "query", "no folding, pairs or synonyms", "nothing stacked, stop words removed"];

    [Theory]
    [MemberData(nameof(Chains))]
    public void Every_token_lies_inside_the_text_in_order_with_a_term(string chain)
    {
        var analyzer = Analyzer(chain);
        foreach (var (text, clean) in Texts)
        {
            List<StreamToken> tokens;
            IReadOnlyList<AnalyzedToken> analyzed;
            try
            {
                tokens = ReadAll(analyzer.CreatePipeline().Reset(text));
                analyzed = analyzer.Analyze(text);
            }
            catch (Exception e)
            {
                Assert.Fail($"{chain}: {Describe(text)} threw {e}");
                return;
            }

            CheckTokens(chain, text, clean, tokens);
            for (var i = 1; i < analyzed.Count; i++)
            {
                if (analyzed[i].Position < analyzed[i - 1].Position)
                {
                    Assert.Fail($"{chain}: position went back at token {i} of {Describe(text)}");
                }
            }
        }
    }

    [Fact]
    public void Random_decomposed_text_gives_the_same_tokens_as_composed_text()
    {
        var compared = 0;
        foreach (var (text, clean) in Texts)
        {
            if (!clean)
            {
                continue;
            }

            var composed = text.Normalize(NormalizationForm.FormC);
            var decomposed = text.Normalize(NormalizationForm.FormD);
            var expected = VietnameseAnalyzer.Indexing.Analyze(composed).Select(t => (t.Term, t.Type, t.Position)).ToList();
            var actual = VietnameseAnalyzer.Indexing.Analyze(decomposed).Select(t => (t.Term, t.Type, t.Position)).ToList();
            if (!expected.SequenceEqual(actual))
            {
                Assert.Fail($"NFD and NFC differ for {Describe(composed)}:\n  NFC {string.Join(" ", expected)}\n  NFD {string.Join(" ", actual)}");
            }

            compared++;
        }

        Assert.True(compared >= 1_000, $"only {compared} texts compared");
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public void Reused_pipeline_gives_the_same_tokens_as_a_fresh_one(string chain)
    {
        var analyzer = Analyzer(chain);
        var pipeline = analyzer.CreatePipeline();
        var random = new Random(Seed + 1);
        for (var i = 0; i < Texts.Length; i++)
        {
            var text = Texts[i].Text;
            if (i % 3 == 0)
            {
                // Start another text and abandon it part-way: nothing of it may leak into the next.
                var abandoned = Texts[random.Next(Texts.Length)].Text;
                ReadAll(pipeline.Reset(abandoned), limit: random.Next(0, 8));
            }

            var reused = ReadAll(pipeline.Reset(text));
            var fresh = ReadAll(analyzer.CreatePipeline().Reset(text));
            if (!reused.SequenceEqual(fresh))
            {
                Assert.Fail($"{chain}: reused pipeline differs on text {i} {Describe(text)}:\n  fresh  {string.Join(" ", fresh)}\n  reused {string.Join(" ", reused)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Chains))]
    public void Indexing_a_text_gives_the_sink_the_tokens_of_the_stream(string chain)
    {
        // Index may take a shorter road than the stream (the indexing chain stacks folded forms and
        // pairs on interned numbers): the sink must still get every term, position and positions
        // mark of the stream, in order, with its hash, over documents of several values, on a
        // pipeline reused from document to document, and over the real documents in samples/.
        var analyzer = Analyzer(chain);
        var pipeline = analyzer.CreateIndexPipeline("body");
        var random = new Random(Seed + 2);
        var texts = Texts.Select(t => t.Text).Concat(TestCorpus.SampleFiles().Select(File.ReadAllText)).ToList();
        var actual = new RecordingSink();
        var expected = new RecordingSink();
        for (var i = 0; i < texts.Count;)
        {
            actual.Clear();
            expected.Clear();
            var values = random.Next(1, 4);
            var actualBase = 0;
            var expectedBase = 0;
            for (var v = 0; v < values && i < texts.Count; v++, i++)
            {
                actualBase = pipeline.Index(texts[i], actualBase, actual, out var actualLength) + 1 + 100;
                expectedBase = expected.Record(analyzer.CreateIndexPipeline("body").Reset(texts[i]), expectedBase, out var expectedLength) + 1 + 100;
                Assert.Equal(expectedLength, actualLength);
            }

            if (!actual.Occurrences.SequenceEqual(expected.Occurrences) || !actual.Marks.SequenceEqual(expected.Marks))
            {
                var at = actual.Occurrences.Zip(expected.Occurrences).TakeWhile(p => p.First == p.Second).Count();
                Assert.Fail($"{chain}: the sink got other tokens than the stream for the document ending at text {i - 1} {Describe(texts[i - 1])}, from occurrence {at}:\n"
                    + $"  stream {string.Join(" ", expected.Occurrences.Skip(at).Take(12))}\n  sink   {string.Join(" ", actual.Occurrences.Skip(at).Take(12))}");
            }

            Assert.Equal(expected.Generation, actual.Generation);
        }
    }

    [Fact]
    public void Random_texts_cover_the_interesting_cases()
    {
        // Guards the generator: the properties above mean little if it stopped producing these.
        var tokens = Texts.Take(500).SelectMany(t => VietnameseAnalyzer.Indexing.Analyze(t.Text)).ToList();
        var types = tokens.Select(t => t.Type).ToHashSet();

        Assert.True(Texts.Length >= 2_000);
        Assert.Superset(Enum.GetValues<TokenType>().ToHashSet(), types);
        Assert.Contains(Texts, t => t.Text.Any(char.IsSurrogate));
        Assert.Contains(Texts, t => t.Text.Contains('\u0301', StringComparison.Ordinal));
    }

    private static VietnameseAnalyzer Analyzer(string chain) => chain switch
    {
        "indexing" => VietnameseAnalyzer.Indexing,
        "query" => VietnameseAnalyzer.Query,
        "no folding, pairs or synonyms" => new VietnameseAnalyzer(new VietnameseAnalyzerOptions { Fold = false, Pairs = false, Synonyms = false }),
        "nothing stacked, stop words removed" => new VietnameseAnalyzer(
            new VietnameseAnalyzerOptions { Fold = false, Pairs = false, Synonyms = false, CodeParts = false, RemoveStopWords = true }),
        _ => throw new ArgumentOutOfRangeException(nameof(chain), chain, "unknown chain"),
    };

    private static void CheckTokens(string chain, string text, bool clean, List<StreamToken> tokens)
    {
        var previousPrimaryStart = -1;
        for (var i = 0; i < tokens.Count; i++)
        {
            var token = tokens[i];
            string? problem = null;
            if (token.Term.Length == 0 || token.Term.Any(char.IsWhiteSpace))
            {
                problem = "empty term or whitespace in the term";
            }
            else if (token.StartOffset < 0 || token.StartOffset >= token.EndOffset || token.EndOffset > text.Length)
            {
                problem = "offsets outside the text or empty";
            }
            else if (token.PositionIncrement < 0 || (i == 0 && token.PositionIncrement == 0))
            {
                problem = "position goes back, or the first token is stacked on nothing";
            }
            else if (token.PositionIncrement > 0 && token.StartOffset < previousPrimaryStart)
            {
                problem = "primary token starts before the previous primary token";
            }
            else if (clean && token.PositionIncrement > 0 && token.Type is not (TokenType.Pair or TokenType.BrokenPair or TokenType.Synonym or TokenType.Folded or TokenType.CodePart)
                     && ExpectedTerm(text[token.StartOffset..token.EndOffset], token.Type) != token.Term)
            {
                problem = $"term is not the text it covers ('{Describe(text[token.StartOffset..token.EndOffset])}')";
            }

            if (problem is not null)
            {
                Assert.Fail($"{chain}: token {i} {token}: {problem}\n  text {Describe(text)}\n  tokens {string.Join(" ", tokens)}");
            }

            if (token.PositionIncrement > 0)
            {
                previousPrimaryStart = token.StartOffset;
            }
        }
    }

    private static List<StreamToken> ReadAll(TokenStream stream, int limit = int.MaxValue)
    {
        var tokens = new List<StreamToken>();
        var attributes = stream.Attributes;
        while (tokens.Count < limit && stream.IncrementToken())
        {
            tokens.Add(new StreamToken(attributes.Term.ToString(), attributes.Type, attributes.PositionIncrement, attributes.StartOffset, attributes.EndOffset));
        }

        return tokens;
    }

    private static (string Text, bool Clean)[] Generate()
    {
        var random = new Random(Seed);
        var texts = new (string, bool)[TextCount];
        for (var i = 0; i < texts.Length; i++)
        {
            var roll = random.Next(10);
            var clean = roll < 8;
            var decomposed = roll is >= 5 and < 8 || (!clean && random.Next(2) == 0);
            texts[i] = (RandomText(random, clean, decomposed), clean);
        }

        return texts;
    }

    /// <summary>
    /// A text of random pieces. Clean texts hold only what the analyzer is meant to read
    /// (syllables, phrases, abbreviations, numbers, codes, punctuation, markdown, spaces,
    /// invisible characters); the others add arbitrary chars, lone surrogates and combining marks.
    /// </summary>
    private static string RandomText(Random random, bool clean, bool decomposed)
    {
        var builder = new StringBuilder();
        var pieces = random.Next(20) == 0 ? random.Next(0, 3) : random.Next(1, 40);
        for (var p = 0; p < pieces; p++)
        {
            if (!clean && random.Next(6) == 0)
            {
                builder.Append(ArbitraryPiece(random));
            }
            else
            {
                var piece = CleanPiece(random);
                builder.Append(decomposed ? piece.Normalize(NormalizationForm.FormD) : piece);
            }

            var joiner = random.Next(20);
            builder.Append(joiner switch
            {
                < 15 => " ",
                < 17 => "",
                < 18 => "\u00A0",
                < 19 => "\n",
                _ => Pick(random, Invisible),
            });
        }

        return builder.ToString();
    }

    private static string CleanPiece(Random random)
    {
        var roll = random.Next(100);
        return roll switch
        {
            < 45 => InCase(random, Syllable(random)),
            < 52 => InCase(random, AdministrativeAbbreviations.Entries[random.Next(AdministrativeAbbreviations.Entries.Count)].Phrase),
            < 56 => AdministrativeAbbreviations.Entries[random.Next(AdministrativeAbbreviations.Entries.Count)].Abbreviation.ToUpperInvariant(),
            < 61 => NumberPiece(random),
            < 64 => $"{random.Next(1, 32):00}/{random.Next(1, 13)}/{random.Next(1990, 2030)}",
            < 68 => random.Next(2) == 0
                ? Pick(random, Codes)
                : $"{random.Next(1, 3000)}-{Pick(random, ["NQ", "KL", "CT", "QĐ", "KH", "TB"])}/{Pick(random, ["TU", "TW", "HU", "ĐU", "BTVTU"])}",
            < 70 => Pick(random, ["I", "II.", "IV", "XVIII", "XXIII", "VI.", "XI"]),
            < 78 => Pick(random, Punctuation),
            < 83 => Pick(random, ["*", "**", "_", "__", "***"]),
            < 88 => Pick(random, Spaces),
            < 91 => Pick(random, Invisible),
            < 94 => Pick(random, ["\u00D0ẢNG", "\u00F0ất", "\u00D0Ồng", "ð"]),
            _ => InCase(random, Pick(random, StopWords)),
        };
    }

    private static string ArbitraryPiece(Random random)
    {
        switch (random.Next(7))
        {
            case 0:
                return ((char)random.Next(0, 0x10000)).ToString(); // any UTF-16 unit, lone surrogates included
            case 1:
                return char.ConvertFromUtf32(random.Next(0x10000, 0x110000)); // a valid surrogate pair
            case 2:
                var marks = new StringBuilder();
                for (var k = random.Next(1, 4); k > 0; k--)
                {
                    marks.Append((char)random.Next(0x0300, 0x0370));
                }

                return marks.ToString();
            case 3:
                return "🎉" + (char)random.Next(0x0300, 0x0370);
            case 4:
                return ((char)random.Next(0xD800, 0xE000)).ToString() + (char)random.Next(0x0300, 0x0370);
            case 5:
                return ((char)random.Next(0, 0x20)).ToString();
            default:
                return ((char)random.Next(0x0370, 0x3000)).ToString();
        }
    }

    private static string Syllable(Random random)
    {
        var initial = Pick(random, Initials);
        var nucleus = Pick(random, Nuclei);
        var syllable = initial + nucleus + Pick(random, Finals);
        var tone = random.Next(ToneMarks.Length + 1);
        if (tone == 0)
        {
            return syllable;
        }

        // Any vowel of the nucleus may carry the mark, so both tone styles (and slips) come up.
        var at = initial.Length + random.Next(nucleus.Length) + 1;
        return syllable.Insert(at, ToneMarks[tone - 1].ToString()).Normalize(NormalizationForm.FormC);
    }

    private static string NumberPiece(Random random) => random.Next(5) switch
    {
        0 => random.Next(0, 100_000).ToString(CultureInfo.InvariantCulture),
        1 => $"{random.Next(1, 999)}.{random.Next(100, 1000)},{random.Next(0, 10)}",
        2 => $"{random.Next(0, 100)},{random.Next(0, 10)}%",
        3 => $"{random.Next(1, 99)}.{random.Next(100, 1000)}.{random.Next(100, 1000)}",
        _ => $"{random.Next(1, 100)}%",
    };

    private static string InCase(Random random, string text) => random.Next(10) switch
    {
        < 7 => text,
        < 9 => string.Concat(char.ToUpperInvariant(text[0]).ToString(), text.AsSpan(1)),
        _ => text.ToUpperInvariant(),
    };

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];

    private static string Describe(string text)
    {
        var builder = new StringBuilder("\"");
        foreach (var c in text.Length > 400 ? text[..400] : text)
        {
            if (c is >= ' ' and < '\u007F' || (c >= '\u00C0' && char.IsLetter(c) && !char.IsSurrogate(c)))
            {
                builder.Append(c);
            }
            else
            {
                builder.Append(CultureInfo.InvariantCulture, $"\\u{(int)c:X4}");
            }
        }

        return builder.Append('"').ToString();
    }

    private sealed record StreamToken(string Term, TokenType Type, int PositionIncrement, int StartOffset, int EndOffset);
}
