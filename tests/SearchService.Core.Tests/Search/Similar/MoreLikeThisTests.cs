using SearchService.Core.Analysis;
using SearchService.Core.Catalog;
using SearchService.Core.Catalog.Search;
using SearchService.Core.Documents;
using SearchService.Core.Search.Similar;

namespace SearchService.Core.Tests.Search.Similar;

public sealed class MoreLikeThisTests(SampleIndexFixture fixture) : IClassFixture<SampleIndexFixture>
{
    private const string HoangHoa = "kl-hn21-huyen-uy-hoang-hoa-2024";
    private const string TanYen = "tb-kl-huyen-uy-tan-yen-phien-31-2024";
    private const string DongAnh = "kl-hn17-huyen-uy-dong-anh-2023";
    private const string NgoQuyen = "tb-kl-quan-uy-ngo-quyen-phien-52-2024";
    private const string HaiChau = "kl-hn19-quan-uy-hai-chau-2024";
    private const string TuSon = "kl-hn9-thanh-uy-tu-son-2023";

    private MoreLikeThis MoreLikeThis { get; } = new(fixture.Index.Snapshot, ConclusionQueries.MoreLikeThis);

    [Fact]
    public void The_rural_development_districts_are_most_like_each_other()
    {
        // Hoằng Hóa, Tân Yên and Đông Anh are the three samples on nông thôn mới (NTM).
        var similar = MoreLikeThis.FindSimilar(HoangHoa, 2).Select(s => s.Id);

        Assert.Equal(new[] { DongAnh, TanYen }.Order(), similar.Order());
    }

    [Fact]
    public void A_notice_on_fire_safety_in_a_quan_is_like_the_other_quan_and_the_fire_safety_conclusion()
    {
        var similar = MoreLikeThis.FindSimilar(NgoQuyen, 5).Select(s => s.Id).ToList();

        // Since the post-reform samples joined, other session notices (Cần Thơ's, Ninh Kiều's, which
        // also treats fire safety) share enough of the notice's wording to sit beside Từ Sơn.
        Assert.Equal(HaiChau, similar[0]);
        Assert.Contains(TuSon, similar);
    }

    [Fact]
    public void No_document_is_like_itself_and_a_deleted_copy_is_never_found()
    {
        foreach (var record in fixture.Index.Records)
        {
            var similar = MoreLikeThis.FindSimilar(record.Id, 20);

            Assert.NotEmpty(similar);
            Assert.DoesNotContain(similar, s => s.Id == record.Id || s.Id == TestIndex.DeletedId);
            Assert.Equal(similar.OrderByDescending(s => s.Score).Select(s => s.Score), similar.Select(s => s.Score));
        }
    }

    [Fact]
    public void Selected_terms_are_topical_shared_and_not_common_heaviest_first()
    {
        var terms = MoreLikeThis.SelectTerms(HoangHoa);
        var snapshot = fixture.Index.Snapshot;

        Assert.Equal(MoreLikeThis.Options.MaxTerms, terms.Count);
        Assert.Contains(terms, t => t.Term == "ntm");
        Assert.Equal(terms.OrderByDescending(t => t.Weight).Select(t => t.Weight), terms.Select(t => t.Weight));
        foreach (var term in terms)
        {
            Assert.DoesNotContain(term.Term, VietnameseStopWords.All);
            Assert.Equal(term.Term, term.Term.ToLowerInvariant());
            var docFreq = fixture.Index.Records.Count(r => Terms(r, term.Field).Contains(term.Term));
            Assert.InRange(docFreq, 2, snapshot.LiveCount / 2);
        }

        // Folded copies repeat the exact syllable and are left out: "nông" may be chosen, "nong" not.
        Assert.DoesNotContain(terms, t => t.Term is "nong" or "thon");
    }

    [Fact]
    public void Scores_equal_a_brute_force_sum_over_the_records()
    {
        var terms = MoreLikeThis.SelectTerms(TuSon);
        var k1 = MoreLikeThis.Options.K1;

        // More than the samples, so the comparison covers every matching document.
        var similar = MoreLikeThis.FindSimilar(terms, 100, excludeDoc: fixture.Index.DocOf(TuSon));

        var expected = fixture.Index.Records.Where(r => r.Id != TuSon)
            .Select(r => (r.Id, Score: terms.Sum(t => Saturate(Frequency(r, t), k1) * t.Weight)))
            .Where(x => x.Score > 0)
            .OrderByDescending(x => x.Score)
            .ToList();
        Assert.Equal(expected.Count, similar.Count);
        foreach (var hit in similar)
        {
            Assert.Equal(expected.Single(x => x.Id == hit.Id).Score, hit.Score, 9);
        }
    }

    [Fact]
    public void An_unknown_id_has_no_terms_and_no_similar_documents()
    {
        Assert.Null(MoreLikeThis.FindDoc("no-such-document"));
        Assert.Empty(MoreLikeThis.SelectTerms("no-such-document"));
        Assert.Empty(MoreLikeThis.FindSimilar("no-such-document"));
    }

    private static double Saturate(int tf, double k1) => tf == 0 ? 0 : tf * (k1 + 1) / (tf + k1);

    private static int Frequency(ConclusionDocument record, WeightedTerm term) => Terms(record, term.Field).Count(t => t == term.Term);

    private static List<string> Terms(ConclusionDocument record, string field)
    {
        var text = field == ConclusionFields.Title ? record.Title ?? "" : record.Body;
        return [.. VietnameseAnalyzer.Indexing.Analyze(text).Select(t => t.Term)];
    }
}
