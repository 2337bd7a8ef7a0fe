using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>
/// The year and place bonuses, read from the segments' values, give what the articles' own dates and regions say, and
/// score as the range and term queries that used to carry them did.
/// </summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class BonusRescorerTests(CorpusIndexFixture index)
{
    [Theory]
    [InlineData(2022, "常州")]
    [InlineData(2024, "江苏")]
    public void An_article_gains_for_the_year_it_is_dated_in_and_for_the_place_it_is_tagged_with(int year, string place)
    {
        var searcher = index.LuceneSearcher();
        var all = searcher.Search(new MatchAllDocsQuery(), index.Reader.MaxDoc);
        var before = all.ScoreDocs.ToDictionary(h => h.Doc, h => h.Score);

        var rescored = BonusRescorer.Rescore(searcher, all, null, [year], [place]);

        var gained = rescored.ScoreDocs.ToDictionary(h => h.Doc, h => h.Score - before[h.Doc]);
        gained.Should().HaveCount(index.Articles.Count);
        foreach (var (doc, gain) in gained)
        {
            var article = ArticleDocument.FromDocument(searcher.Doc(doc));
            var expected = (article.Date.Year == year ? BonusRescorer.YearBoost : 0) + (article.Regions.Contains(place) ? BonusRescorer.PlaceBoost : 0);
            gain.Should().Be(expected, $"{article.Title} is dated {article.Date} and tagged {string.Join('、', article.Regions)}");
        }
        gained.Values.Should().Contain([0f, 6f, 12f], "some articles have neither, one or both");
        rescored.ScoreDocs.Select(h => h.Score).Should().BeInDescendingOrder();
    }

    [Fact]
    public void Its_scores_are_those_of_the_range_and_term_queries_the_bonuses_were()
    {
        var searcher = index.LuceneSearcher();
        var first = searcher.Search(new TermQuery(new Term(ArticleFields.BodyBigrams, "创新")), 100);
        first.ScoreDocs.Should().HaveCountGreaterThan(20);
        var asQueries = new BooleanQuery
        {
            { new ConstantScoreQuery(NumericRangeQuery.NewInt32Range(ArticleFields.Date, 20220101, 20221231, true, true)) { Boost = 6 }, Occur.SHOULD },
            { new ConstantScoreQuery(new TermQuery(new Term(ArticleFields.Regions, "常州"))) { Boost = 6 }, Occur.SHOULD },
        };

        var expected = BonusRescorer.Rescore(searcher, first, asQueries, [], []);
        var actual = BonusRescorer.Rescore(searcher, first, null, [2022], ["常州"]);

        actual.ScoreDocs.Select(h => (h.Doc, h.Score)).Should().Equal(expected.ScoreDocs.Select(h => (h.Doc, h.Score)));
    }

    [Fact]
    public void A_hit_gains_what_the_bonus_scores_it_when_articles_between_the_hits_match_the_bonus_too()
    {
        var searcher = index.LuceneSearcher();
        var matches = searcher.Search(new TermQuery(new Term(ArticleFields.BodyBigrams, "创新")), 100).ScoreDocs;
        // Every other match is a hit, so the bonus's scorer is asked about hits with matches it must pass over between.
        var hits = matches.Where((_, i) => i % 2 == 0).Select(h => new ScoreDoc(h.Doc, h.Score)).ToArray();
        var first = new TopDocs(hits.Length, hits, hits[0].Score);
        var before = hits.ToDictionary(h => h.Doc, h => h.Score);
        var bonus = new PhraseQuery { Slop = 20 };
        bonus.Add(new Term(ArticleFields.BodyBigrams, "科技"));
        bonus.Add(new Term(ArticleFields.BodyBigrams, "创新"));
        var scores = matches.ToDictionary(h => h.Doc, h => searcher.Explain(bonus, h.Doc).Value);
        scores.Where(s => !before.ContainsKey(s.Key)).Should().Contain(s => s.Value > 0, "articles that are not hits match the bonus");

        var rescored = BonusRescorer.Rescore(searcher, first, bonus, [], []);

        rescored.ScoreDocs.Should().HaveCount(hits.Length);
        foreach (var hit in rescored.ScoreDocs)
            hit.Score.Should().BeApproximately(before[hit.Doc] + scores[hit.Doc], 1e-5f, $"doc {hit.Doc} gains what the bonus scores it");
        rescored.ScoreDocs.Should().Contain(h => scores[h.Doc] > 0);
    }

    [Fact]
    public void Articles_that_score_the_same_keep_the_order_of_their_ordinals_as_the_first_pass_does()
    {
        var searcher = index.LuceneSearcher();
        // Every article scores 1, and the year's bonus lifts some: two groups of equal scores.
        var all = searcher.Search(new MatchAllDocsQuery(), index.Reader.MaxDoc);
        var ordinals = MultiDocValues.GetNumericValues(index.Reader, ArticleFields.Ordinal);
        var ordinal = all.ScoreDocs.ToDictionary(h => h.Doc, h => ordinals.Get(h.Doc));

        var rescored = BonusRescorer.Rescore(searcher, all, null, [2022], []);

        var groups = rescored.ScoreDocs.GroupBy(h => h.Score).ToList();
        groups.Should().HaveCount(2, "articles dated 2022 gain, the others do not");
        foreach (var group in groups)
            group.Select(h => ordinal[h.Doc]).Should().BeInAscendingOrder($"articles scoring {group.Key} tie");
    }
}
