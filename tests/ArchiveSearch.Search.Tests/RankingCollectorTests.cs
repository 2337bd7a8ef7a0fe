using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>
/// The ranking collector keeps and orders the hits Lucene's TopFieldCollector does when it sorts by the date (when
/// asked), the score and the articles' ordinals from their doc values.
/// </summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class RankingCollectorTests(CorpusIndexFixture index)
{
    public static TheoryData<string, SearchSort, int> Queries => new()
    {
        { "创新", SearchSort.Relevance, 100 },   // more matches than a page, fewer than the depth
        { "创新", SearchSort.Relevance, 5 },     // more than the depth: the worst kept hit is replaced again and again
        { "科技", SearchSort.Relevance, 1 },
        { "江苏", SearchSort.Date, 20 },
        { "江苏", SearchSort.DateAscending, 20 },
        { "*", SearchSort.Relevance, 30 },      // every article with the same score: the order is the articles' alone
        { "*", SearchSort.Date, 30 },           // articles of one date among them
        { "*", SearchSort.Relevance, 0 },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void It_keeps_and_orders_the_hits_Lucene_s_collector_keeps(string bigram, SearchSort sort, int depth)
    {
        var searcher = index.LuceneSearcher();
        Query query = bigram == "*" ? new MatchAllDocsQuery() : new TermQuery(new Term(ArticleFields.BodyBigrams, bigram));
        SortField[] byScore = [SortField.FIELD_SCORE, new SortField(ArticleFields.Ordinal, SortFieldType.INT64)];
        var lucene = TopFieldCollector.Create(
            new Sort(sort == SearchSort.Relevance ? byScore
                : [new SortField(ArticleFields.Date, SortFieldType.INT64, reverse: sort == SearchSort.Date), .. byScore]),
            Math.Max(depth, 1), fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        searcher.Search(query, lucene);
        var expected = lucene.GetTopDocs();
        var ours = new RankingCollector(sort, depth);

        searcher.Search(query, ours);

        var actual = ours.GetTopDocs();
        actual.TotalHits.Should().Be(expected.TotalHits).And.BePositive();
        actual.ScoreDocs.Select(h => (h.Doc, h.Score)).Should().Equal(expected.ScoreDocs.Take(depth).Select(h => (h.Doc, h.Score)));
        if (bigram == "*" && sort == SearchSort.Relevance)
            actual.ScoreDocs.Select(h => index.Reader.Document(h.Doc).Get(ArticleFields.Id))
                .Should().Equal(index.Articles.Take(depth).Select(a => a.Id), "equal scores come in the articles' order");
        var dates = actual.ScoreDocs.Select(h => ArticleDocument.FromDocument(index.Reader.Document(h.Doc)).Date).ToList();
        if (sort == SearchSort.Date) dates.Should().BeInDescendingOrder();
        if (sort == SearchSort.DateAscending) dates.Should().BeInAscendingOrder();
    }
}
