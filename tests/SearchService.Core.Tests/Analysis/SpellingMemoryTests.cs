using System.Globalization;
using System.Text;
using SearchService.Core.Analysis;

namespace SearchService.Core.Tests.Analysis;

/// <summary>
/// The index road remembers each word's spelling with its term and type (<see cref="InternedTokenizer"/>),
/// so a spelling met again is not scanned again. Whatever it remembers, the sink must get the
/// tokens of the stream, which scans every word: spellings met first in one context and again in
/// another (a capital word before a hyphen that may join it, after a digit, inside a run too long
/// to remember or to keep whole), in every case and tone-mark placement, in other scripts, and
/// after the memory or the vocabulary behind it has filled up and started again.
/// </summary>
public sealed class SpellingMemoryTests
{
    private const int Seed = 20_261_126;

    // Words whose spelling decides their token alone, and words whose neighbours can change it.
    private static readonly string[] Words =
    [
        "thường", "Thường", "THƯỜNG", "tHƯỜNG", "thuờng", "hoà", "hòa", "HOÀ", "Hoà", "HÒA", "uỷ", "ủy", "Uỷ", "ỦY", "thuỷ", "khoẻ", "KHỎE",
        "quý", "QUÝ", "già", "GIÀ", "gì", "nghiêng", "NGHIÊNG", "đảng", "ĐẢNG", "Đảng", "\u00D0ảng", "KT", "XH", "QP", "AN", "CNH", "HĐH",
        "UBND", "Ubnd", "ubnd", "GPMB", "gpmb", "hđnd", "HĐND", "XVIII", "xviii", "Xviii", "IV", "iv", "MIX", "LUẬN", "KẾT", "QH15", "Q15",
        "a1b2", "TTg", "NQ", "TU", "ủy", "ban", "nhân", "dân", "giải", "phóng", "mặt", "bằng", "kinh", "tế", "xã", "hội", "Thành", "phố",
        "Thаnh", "ΑΒΓ", "Москва", "日本", "ǅem", "ﬁnal", "İstanbul", "ß", "ŉ", "Ω",
    ];

    private static readonly string[] After = ["", " ", "-", "-XH", "-xh", "-AN", "-1", "/TU", "15", ".", ",", "\n\n", "\u0301", "\u00AD", "-KT-XH", "—"];

    [Fact]
    public void Remembered_spellings_give_the_stream_s_tokens_in_every_context()
    {
        var random = new Random(Seed);
        var texts = new List<string>();
        for (var t = 0; t < 1_500; t++)
        {
            var builder = new StringBuilder();
            for (var p = random.Next(1, 30); p > 0; p--)
            {
                builder.Append(Piece(random)).Append(random.Next(4) == 0 ? Pick(random, After) : " ");
            }

            texts.Add(builder.ToString());
        }

        // One indexer over all of them: later texts meet spellings remembered from other contexts.
        var indexer = new StackedFormsIndexer();
        foreach (var text in texts)
        {
            AssertSameAsStream(indexer, text);
        }

        Assert.InRange(indexer.RememberedSpellings, 50, InternedTokenizer.MaxSpellings);
    }

    [Fact]
    public void A_full_spelling_memory_starts_again_and_gives_the_same_tokens()
    {
        // More distinct words than the memory holds, then texts of words remembered before it started again.
        var random = new Random(Seed + 1);
        var indexer = new StackedFormsIndexer();
        var known = Enumerable.Range(0, 200).Select(_ => Piece(random)).ToList();
        AssertSameAsStream(indexer, string.Join(' ', known));
        AssertSameAsStream(indexer, TextOf(InternedTokenizer.MaxSpellings + 1, w => RandomWord(random, w)));
        Assert.True(indexer.RememberedSpellings > InternedTokenizer.MaxSpellings, "the memory was not filled");
        AssertSameAsStream(indexer, string.Join(' ', known));
        Assert.True(indexer.RememberedSpellings < 1_000, $"the memory did not start again ({indexer.RememberedSpellings} spellings)");
        AssertSameAsStream(indexer, string.Join(' ', known.AsEnumerable().Reverse()));
    }

    [Fact]
    public void A_vocabulary_that_starts_again_forgets_the_spellings_that_named_its_terms()
    {
        // Remembered spellings name terms by their number in the vocabulary; once it starts again
        // those numbers name other terms, so the memory must start again with it.
        var random = new Random(Seed + 2);
        var indexer = new StackedFormsIndexer();
        var known = Enumerable.Range(0, 300).Select(_ => Piece(random)).ToList();
        AssertSameAsStream(indexer, string.Join(' ', known));
        AssertSameAsStream(indexer, TextOf(StackedFormsIndexer.MaxVocabulary + 1, n => n.ToString(CultureInfo.InvariantCulture)));
        Assert.True(indexer.VocabularySize > StackedFormsIndexer.MaxVocabulary, "the vocabulary was not filled");

        // Words first, so their new numbers differ from the ones remembered with their spellings.
        var shuffled = known.OrderBy(_ => random.Next()).ToList();
        AssertSameAsStream(indexer, "số " + string.Join(' ', shuffled));
        Assert.True(indexer.VocabularySize < 10_000, $"the vocabulary did not start again ({indexer.VocabularySize} terms)");
        AssertSameAsStream(indexer, string.Join(' ', known));
    }

    [Fact]
    public void Words_too_long_to_remember_or_to_keep_whole_give_the_same_tokens()
    {
        var indexer = new StackedFormsIndexer();
        foreach (var length in new[] { 31, 32, 33, 64, 254, 255, 256, 300, 600 })
        {
            var word = string.Concat(Enumerable.Repeat("Nghiêng", (length / 7) + 1))[..length];
            AssertSameAsStream(indexer, $"{word} {word.ToUpperInvariant()} {word}-XH {word} {word.ToLowerInvariant()}");
            AssertSameAsStream(indexer, $"{word}{word} {word}");
        }
    }

    /// <summary>Indexes <paramref name="text"/> with <paramref name="indexer"/> and through the stream, and asserts the sinks got the same.</summary>
    private static void AssertSameAsStream(StackedFormsIndexer indexer, string text)
    {
        var actual = new RecordingSink();
        var expected = new RecordingSink();
        var normalized = new NormalizedText();
        VietnameseTextNormalizer.Normalize(text, normalized, offsets: false);
        var last = indexer.Index(normalized, codeParts: true, synonyms: true, positionBase: 0, actual, out var length);
        var expectedLast = expected.Record(VietnameseAnalyzer.Indexing.CreatePipeline().Reset(text), 0, out var expectedLength);
        if (!actual.Occurrences.SequenceEqual(expected.Occurrences) || !actual.Marks.SequenceEqual(expected.Marks))
        {
            var at = actual.Occurrences.Zip(expected.Occurrences).TakeWhile(p => p.First == p.Second).Count();
            Assert.Fail($"remembered spellings gave other tokens than the stream from occurrence {at} of \"{(text.Length > 300 ? text[..300] : text)}\":\n"
                + $"  stream {string.Join(" ", expected.Occurrences.Skip(at).Take(10))}\n  sink   {string.Join(" ", actual.Occurrences.Skip(at).Take(10))}");
        }

        Assert.Equal(expectedLast, last);
        Assert.Equal(expectedLength, length);
    }

    private static string Piece(Random random) => random.Next(6) switch
    {
        0 => Pick(random, Words) + Pick(random, Words), // two words run together
        1 => Pick(random, Words).Normalize(NormalizationForm.FormD),
        _ => Pick(random, Words),
    };

    /// <summary><paramref name="count"/> words, word number i being <paramref name="word"/>(i), each followed by a space.</summary>
    private static string TextOf(int count, Func<int, string> word)
    {
        var text = new StringBuilder();
        for (var i = 0; i < count; i++)
        {
            text.Append(word(i)).Append(' ');
        }

        return text.ToString();
    }

    /// <summary>A distinct made-up word (number <paramref name="n"/> in letters), in a random case.</summary>
    private static string RandomWord(Random random, int n)
    {
        var builder = new StringBuilder("x");
        for (; n > 0; n /= 20)
        {
            builder.Append("aăâbcdđeêghiklmnoôơp"[n % 20]);
        }

        var word = builder.ToString();
        return random.Next(3) == 0 ? word.ToUpperInvariant() : word;
    }

    private static string Pick(Random random, string[] choices) => choices[random.Next(choices.Length)];
}
