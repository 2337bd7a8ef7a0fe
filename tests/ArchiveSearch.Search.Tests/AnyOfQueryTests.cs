using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>
/// The disjunction finds and scores what Lucene's BooleanQuery of the same optional clauses does, on the real index:
/// alone, where its scorer is stepped document by document, and inside a conjunction, where it is advanced.
/// </summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class AnyOfQueryTests(CorpusIndexFixture index)
{
    /// <summary>The bigrams of every title's words, two to a query, in the title (boosted), the body or both.</summary>
    private List<(string First, string Second)> Pairs()
    {
        var bigrams = index.Articles
            .SelectMany(a => ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, a.Title))
            .Select(t => t.Term)
            .Distinct()
            .ToList();
        return [.. bigrams.Zip(bigrams.Skip(1)), ("创新", "量子")];   // 量子 is in no article
    }

    [Fact]
    public void Alone_it_matches_and_scores_as_a_boolean_query_of_the_same_clauses()
    {
        var searcher = index.LuceneSearcher();
        var compared = 0;
        foreach (var (first, second) in Pairs())
        {
            var expected = Hits(searcher, Clauses(new BooleanQuery(), first, second));
            Hits(searcher, Clauses(new AnyOfQuery(), first, second)).Should().Equal(expected, $"{first} {second}");
            compared += expected.Count;
        }
        compared.Should().BeGreaterThan(10_000, "most title bigrams are in many articles");
    }

    [Fact]
    public void In_a_conjunction_it_matches_and_scores_as_a_boolean_query_of_the_same_clauses()
    {
        var searcher = index.LuceneSearcher();
        var pairs = Pairs();
        var compared = 0;
        foreach (var ((a, b), (c, d)) in pairs.Zip(pairs.Skip(7)))
        {
            var expected = Hits(searcher, Both(Clauses(new BooleanQuery(), a, b), Clauses(new BooleanQuery(), c, d)));
            Hits(searcher, Both(Clauses(new AnyOfQuery(), a, b), Clauses(new AnyOfQuery(), c, d)))
                .Should().Equal(expected, $"({a} {b}) ({c} {d})");
            compared += expected.Count;
        }
        compared.Should().BeGreaterThan(2_000, "articles with words of two titles are found");
    }

    /// <summary>Three optional clauses: the first bigram in the title (boosted 3) and in the body, the second in the body.</summary>
    private static BooleanQuery Clauses(BooleanQuery query, string first, string second)
    {
        query.Add(new TermQuery(new Term(ArticleFields.TitleBigrams, first)) { Boost = 3f }, Occur.SHOULD);
        query.Add(new TermQuery(new Term(ArticleFields.BodyBigrams, first)), Occur.SHOULD);
        query.Add(new TermQuery(new Term(ArticleFields.BodyBigrams, second)), Occur.SHOULD);
        return query;
    }

    private static BooleanQuery Both(Query one, Query other) => new() { { one, Occur.MUST }, { other, Occur.MUST } };

    /// <summary>Every hit, collected in document order: out of order, Lucene scores a disjunction its own way.</summary>
    private static List<(int Doc, float Score)> Hits(IndexSearcher searcher, Query query)
    {
        var collector = TopScoreDocCollector.Create(searcher.IndexReader.MaxDoc, docsScoredInOrder: true);
        searcher.Search(query, collector);
        return [.. collector.GetTopDocs().ScoreDocs.Select(h => (h.Doc, h.Score))];
    }
}
