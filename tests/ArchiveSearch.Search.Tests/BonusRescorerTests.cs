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
}
