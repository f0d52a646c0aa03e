using System.Text;
using SearchService.Core.Analysis;
using SearchService.Core.Catalog.Search;

namespace SearchService.Core.Tests.Search;

/// <summary>
/// Phrases match what people type: random documents with punctuation between their words, and
/// random quoted phrases typed with or without that punctuation and with or without marks. The
/// documents a phrase finds must be exactly those where its words stand one after another, as a
/// scan of the plain words says (punctuation takes no place, marks are ignored as the folded
/// phrase ignores them) — whatever the syllable-pair terms, which stop at punctuation, hold.
/// </summary>
public sealed class PhrasePropertyTests
{
    private static readonly string[] Vocabulary =
        ["khiếu", "nại", "tố", "cáo", "giải", "phóng", "mặt", "bằng", "nông", "thôn", "mới", "phòng", "chống",
         "tham", "nhũng", "ma", "mà", "má", "mã", "túy", "đất", "đai", "xây", "dựng", "an", "ninh"];

    private static readonly string[] Breaks = [" ", " ", " ", " ", ", ", ". ", "; ", ": ", " (", ") ", "\n", "? "];

    [Theory]
    [InlineData(51)]
    [InlineData(52)]
    [InlineData(53)]
    public void A_phrase_finds_exactly_the_documents_whose_words_stand_together(int seed)
    {
        var random = new Random(seed);
        var documents = Enumerable.Range(0, 250).Select(i => new TinyDocument($"d{i}", Text(random, random.Next(3, 40)))).ToList();
        using var index = new TinyIndex(documents);
        var plain = documents.ToDictionary(d => d.Id, d => PlainWords(d.Body));
        var acrossPunctuation = 0;
        for (var q = 0; q < 120; q++)
        {
            // Half the phrases are taken from a document (so most have hits), half made up.
            string[] words;
            if (random.Next(2) == 0)
            {
                var source = plain[documents[random.Next(documents.Count)].Id];
                var length = Math.Min(source.Length, random.Next(2, 5));
                var start = random.Next(source.Length - length + 1);
                words = source[start..(start + length)];
                words = words.Select(w => Vocabulary.FirstOrDefault(v => Fold(v) == w && random.Next(3) > 0) ?? w).ToArray();
            }
            else
            {
                words = Enumerable.Range(0, random.Next(2, 4)).Select(_ => Vocabulary[random.Next(Vocabulary.Length)]).ToArray();
            }

            var typed = new StringBuilder(words[0]);
            for (var i = 1; i < words.Length; i++)
            {
                typed.Append(random.Next(4) == 0 ? ", " : " ").Append(words[i]);
            }

            var text = random.Next(3) == 0 ? Fold(typed.ToString()) : typed.ToString();
            var folded = words.Select(Fold).ToArray();
            var expected = plain.Where(p => Contains(p.Value, folded)).Select(p => p.Key).Order(StringComparer.Ordinal).ToList();
            var result = index.Searcher.Search(new SearchRequest { Query = "\"" + text + "\"", Size = 1000 });
            Assert.Equal(expected, result.Hits.Select(h => h.Id).Order(StringComparer.Ordinal).ToList());
            acrossPunctuation += expected.Count(id => !Contains(PlainWords(documents.Single(d => d.Id == id).Body, keepBreaks: true), folded));
        }

        Assert.True(acrossPunctuation > 20, $"only {acrossPunctuation} matches stood across punctuation; the test should exercise them");
    }

    [Fact]
    public void A_phrase_typed_without_its_comma_finds_the_text_with_it()
    {
        using var index = new TinyIndex([
            new("comma", "Giải quyết khiếu nại, tố cáo của công dân."),
            new("apart", "Khiếu nại được giải quyết; tố cáo chuyển cơ quan khác."),
        ]);

        Assert.Equal(["comma"], index.Ids("\"khieu nai to cao\""));
        Assert.Equal(["comma"], index.Ids("\"khiếu nại tố cáo\""));
        Assert.Equal(["comma"], index.Ids("\"khiếu nại, tố cáo\""));
    }

    private static string Text(Random random, int words)
    {
        var text = new StringBuilder();
        for (var i = 0; i < words; i++)
        {
            text.Append(i == 0 ? "" : Breaks[random.Next(Breaks.Length)]).Append(Vocabulary[random.Next(Vocabulary.Length)]);
        }

        return text.ToString();
    }

    /// <summary>The words of a text, lower-case and folded; with <paramref name="keepBreaks"/>, a "|" where punctuation stood.</summary>
    private static string[] PlainWords(string text, bool keepBreaks = false)
    {
        var words = new List<string>();
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(c);
                continue;
            }

            if (word.Length > 0)
            {
                words.Add(Fold(word.ToString()));
                word.Clear();
            }

            if (keepBreaks && !char.IsWhiteSpace(c))
            {
                words.Add("|");
            }
        }

        return [.. words];
    }

    private static string Fold(string text) => VietnameseAlphabet.FoldString(text.Normalize(NormalizationForm.FormC).ToLowerInvariant());

    private static bool Contains(string[] words, string[] phrase)
    {
        for (var start = 0; start + phrase.Length <= words.Length; start++)
        {
            if (words.AsSpan(start, phrase.Length).SequenceEqual(phrase))
            {
                return true;
            }
        }

        return false;
    }
}
