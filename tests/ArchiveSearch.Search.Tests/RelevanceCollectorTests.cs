using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>The relevance collector ranks as Lucene's TopFieldCollector does on the score and then the articles' order.</summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class RelevanceCollectorTests(CorpusIndexFixture index)
{
    public static TheoryData<string, int> Queries => new()
    {
        { "创新", 100 },   // more matches than a page, fewer than the depth
        { "创新", 5 },     // more than the depth: the worst kept hit is replaced again and again
        { "科技", 1 },
        { "江苏", 20 },
        { "*", 30 },      // every article with the same score: the order is the articles' alone
        { "*", 0 },
    };

    [Theory]
    [MemberData(nameof(Queries))]
    public void It_keeps_and_orders_the_hits_Lucene_s_collector_keeps(string bigram, int depth)
    {
        var searcher = index.LuceneSearcher();
        Query query = bigram == "*" ? new MatchAllDocsQuery() : new TermQuery(new Term(ArticleFields.BodyBigrams, bigram));
        var lucene = TopFieldCollector.Create(new Sort(SortField.FIELD_SCORE, SegmentValueComparerSource.Ordinal), Math.Max(depth, 1),
            fillFields: false, trackDocScores: true, trackMaxScore: false, docsScoredInOrder: false);
        searcher.Search(query, lucene);
        var expected = lucene.GetTopDocs();
        var ours = new RelevanceCollector(depth);

        searcher.Search(query, ours);

        var actual = ours.GetTopDocs();
        actual.TotalHits.Should().Be(expected.TotalHits).And.BePositive();
        actual.ScoreDocs.Select(h => (h.Doc, h.Score)).Should().Equal(expected.ScoreDocs.Take(depth).Select(h => (h.Doc, h.Score)));
        if (bigram == "*")
            actual.ScoreDocs.Select(h => index.Reader.Document(h.Doc).Get(ArticleFields.Id))
                .Should().Equal(index.Articles.Take(depth).Select(a => a.Id), "equal scores come in the articles' order");
    }
}
