using System.Net;
using System.Text.RegularExpressions;
using SearchService.Core.Documents.Extraction;
using SearchService.Core.Search.Highlighting;

namespace SearchService.Core.Tests.Search.Highlighting;

public sealed class HighlighterTests
{
    private readonly Highlighter _highlighter = new(VietnameseHighlightAnalysis.Indexing);

    [Fact]
    public void Accented_terms_mark_every_occurrence_of_their_words_and_nothing_else()
    {
        var body = Body("tb-kl-huyen-uy-tan-yen-phien-31-2024.md");
        string[] terms = ["nông", "thôn", "mới"];

        var spans = _highlighter.FindMatches(body, terms);

        var expected = Regex.Matches(body, @"\p{L}+").Where(m => terms.Contains(m.Value.ToLowerInvariant())).Select(m => (m.Index, m.Index + m.Length));
        Assert.True(spans.Count >= 6, "the sample says nông thôn mới twice");
        Assert.Equal(expected, spans.Select(s => (s.Start, s.End)));
    }

    [Fact]
    public void Accentless_terms_mark_the_accented_phrase_and_the_accentless_one_at_their_exact_offsets()
    {
        var body = Body("kl-hn21-huyen-uy-hoang-hoa-2024.txt");

        var spans = _highlighter.FindMatches(body, ["nong", "thon", "moi"]).Select(s => (s.Start, s.End)).ToHashSet();

        var phrases = Regex.Matches(body, "nông thôn mới|nong thon moi", RegexOptions.IgnoreCase);
        Assert.Equal(3, phrases.Count);
        foreach (Match phrase in phrases)
        {
            var p = phrase.Index;
            Assert.Contains((p, p + 4), spans);
            Assert.Contains((p + 5, p + 9), spans);
            Assert.Contains((p + 10, p + 13), spans);
        }
    }

    [Fact]
    public void A_pair_term_marks_its_two_syllables_as_one_stretch()
    {
        var text = "Tiếp tục xây dựng nông thôn mới nâng cao.";

        var span = Assert.Single(_highlighter.FindMatches(text, ["nong_thon"]));

        Assert.Equal("nông thôn", text[span.Start..span.End]);
    }

    [Fact]
    public void A_tone_mark_variant_marks_the_old_style_spelling()
    {
        var body = Body("kl-hn9-thanh-uy-tu-son-2023.txt");
        var at = body.IndexOf("hoà giải", StringComparison.Ordinal);
        Assert.True(at >= 0);

        // "hoà" (old style) is indexed as "hòa"; the query's "hòa" is that term.
        var spans = _highlighter.FindMatches(body, ["hòa"]);

        Assert.Contains(new HighlightSpan(at, at + 3, 1), spans);
        Assert.All(spans, s => Assert.Equal("hoa", Fold(body[s.Start..s.End])));
    }

    [Fact]
    public void An_abbreviation_marks_the_spelled_out_phrase_and_the_abbreviation()
    {
        var body = Body("kl-hn14-thanh-uy-hai-phong-2023.md");

        var marked = _highlighter.FindMatches(body, ["ubnd"]).Select(s => body[s.Start..s.End]).ToList();

        Assert.Contains("Ủy ban nhân dân", marked);
        Assert.Contains("UBND", marked);
        Assert.All(marked, m => Assert.True(m is "UBND" || Fold(m) == "uy ban nhan dan", m));
    }

    [Fact]
    public void A_code_marks_the_whole_code_as_written()
    {
        var body = Body("kl-hn9-thanh-uy-tu-son-2023.txt");

        var marked = _highlighter.FindMatches(body, ["18-nq/tu"]).Select(s => body[s.Start..s.End]).ToList();

        Assert.NotEmpty(marked);
        Assert.All(marked, m => Assert.Equal("18-NQ/TU", m));
        Assert.Equal(Regex.Matches(body, "18-NQ/TU").Count, marked.Count);
    }

    [Fact]
    public void Text_around_marks_is_html_escaped_and_whitespace_collapsed()
    {
        var text = "Chi phí <5 tỷ> & tiến độ\n\nGPMB \"chậm\"";

        var html = _highlighter.MarkAll(text, ["gpmb"]);

        Assert.Equal("Chi phí &lt;5 tỷ&gt; &amp; tiến độ <mark>GPMB</mark> &quot;chậm&quot;", html);
    }

    [Fact]
    public void Fragments_prefer_the_window_with_most_distinct_terms_and_are_cut_at_word_boundaries()
    {
        var filler = string.Join(' ', Enumerable.Repeat("báo cáo kết quả thực hiện", 30));
        var text = "đất đai đất đai đất đai. " + filler + " Công tác giải phóng mặt bằng và đất đai cần đẩy nhanh. " + filler;
        var highlighter = new Highlighter(VietnameseHighlightAnalysis.Indexing, new HighlighterOptions { MaxFragments = 1 });

        var fragment = Assert.Single(highlighter.Fragments(text, ["đất", "đai", "giải", "phóng"]));

        Assert.Contains("<mark>giải</mark> <mark>phóng</mark>", fragment, StringComparison.Ordinal);
        Assert.StartsWith("…", fragment, StringComparison.Ordinal);
        Assert.EndsWith("…", fragment, StringComparison.Ordinal);
        var plain = WebUtility.HtmlDecode(fragment.Replace("<mark>", "", StringComparison.Ordinal).Replace("</mark>", "", StringComparison.Ordinal)).Trim('…');
        Assert.Contains(" " + plain + " ", " " + text + " ", StringComparison.Ordinal); // whole words only
        Assert.InRange(plain.Length, 100, 200);
    }

    [Fact]
    public void A_long_unbroken_word_before_a_match_does_not_push_the_match_out_of_its_fragment()
    {
        var text = "đầu " + new string('x', 300) + "(nông thôn cuối";

        var fragment = Assert.Single(_highlighter.Fragments(text, ["nông"]));

        Assert.Equal("…<mark>nông</mark> thôn cuối", fragment);
    }

    [Fact]
    public void At_most_three_fragments_come_back_in_text_order_without_overlap()
    {
        var body = Body("kl-hn15-tinh-uy-bac-ninh-2023.md");

        var fragments = _highlighter.Fragments(body, ["đất", "đai", "giáo", "dục", "y", "tế"]);

        Assert.InRange(fragments.Count, 2, 3);
        var plains = fragments.Select(f => WebUtility.HtmlDecode(Regex.Replace(f, "</?mark>", "")).Trim('…')).ToList();
        var collapsed = Regex.Replace(body, @"\s+", " ");
        var positions = plains.Select(p => collapsed.IndexOf(p, StringComparison.Ordinal)).ToList();
        Assert.All(positions, p => Assert.True(p >= 0));
        Assert.Equal(positions.Order(), positions);
        for (var i = 1; i < positions.Count; i++)
        {
            Assert.True(positions[i] >= positions[i - 1] + plains[i - 1].Length, "fragments overlap");
        }
    }

    [Fact]
    public void A_sentence_the_document_repeats_is_shown_once_and_the_next_best_window_takes_its_place()
    {
        var filler = string.Join(' ', Enumerable.Repeat("Các cấp ủy tiếp tục theo dõi, đôn đốc việc thực hiện các nhiệm vụ đã đề ra trong năm.", 6));
        var repeated = "Rà soát, sàng lọc đưa những đảng viên không đủ tư cách ra khỏi Đảng và kiểm điểm tổ chức đảng.";
        var other = "Kết nạp đảng viên mới đạt chỉ tiêu của năm.";
        var body = string.Join(' ', repeated, filler, repeated, filler, other, filler);

        var fragments = _highlighter.Fragments(body, ["đảng"]);

        var plains = fragments.Select(f => WebUtility.HtmlDecode(Regex.Replace(f, "</?mark>", "")).Trim('…').Trim()).ToList();
        Assert.Equal(plains.Count, plains.Distinct().Count());
        Assert.Contains(plains, p => p.Contains("Kết nạp đảng viên mới", StringComparison.Ordinal));
        Assert.Single(plains, p => p.Contains("sàng lọc", StringComparison.Ordinal));
    }

    [Fact]
    public void Without_a_match_the_leading_text_is_the_fragment()
    {
        var body = Body("kl-hn9-thanh-uy-tu-son-2023.txt");

        var fragment = Assert.Single(_highlighter.Fragments(body, ["không-có-từ-này"]));

        Assert.DoesNotContain("<mark>", fragment, StringComparison.Ordinal);
        Assert.EndsWith("…", fragment, StringComparison.Ordinal);
        Assert.StartsWith(WebUtility.HtmlDecode(fragment).TrimEnd('…')[..20], Regex.Replace(body, @"\s+", " ").TrimStart(), StringComparison.Ordinal);
    }

    [Fact]
    public void Text_the_folded_view_cannot_follow_is_analysed_whole()
    {
        // "nông thôn" typed with combining accents (NFD): the normalizer composes it, shifting offsets.
        var text = "Xây dựng " + "nông thôn".Normalize(System.Text.NormalizationForm.FormD) + " mới.";

        var marked = _highlighter.FindMatches(text, ["nông_thôn"]).Select(s => text[s.Start..s.End]).ToList();

        Assert.Equal(["nông thôn".Normalize(System.Text.NormalizationForm.FormD)], marked);
    }

    [Fact]
    public void Markdown_emphasis_and_invisible_characters_inside_words_do_not_hide_a_match()
    {
        var text = "Kết luận về **giải phóng** mặt bằng và Ủy\u00A0ban nhân dân; UB\u200BND huyện.";

        var cheap = _highlighter.FindMatches(text, ["gpmb", "ubnd", "giai"]);

        Assert.Equal(_highlighter.FindMatches(text, ["gpmb", "ubnd", "giai"], wholeText: true), cheap);
        Assert.Equal(3, cheap.Count);
    }

    private static string Body(string sample) => new ConclusionExtractor().ExtractFile(TestCorpus.Sample(sample)).Body;

    private static string Fold(string text) => SearchService.Core.Analysis.VietnameseAlphabet.FoldString(text);
}
