using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>The relaxed query as composed for each step, searched on the bundled index.</summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class RelaxedQueryTests(CorpusIndexFixture index)
{
    [Theory]
    [InlineData("惠企 量子 政策")]
    [InlineData("常州 火星 创新")]
    [InlineData("知识产权 海洋 保护")]
    public void Left_without_a_strict_query_that_found_nothing_each_step_finds_and_scores_as_with_it(string text)
    {
        var searcher = index.LuceneSearcher();
        using var states = new TermStates(index.Reader.Context);
        var builder = new QueryBuilder(QueryVocabulary.Default, states);
        var built = builder.Build(UserQuery.Parse(text));
        searcher.Search(built.Compose(), 1).TotalHits.Should().Be(0, "no article has all of " + text);
        var terms = RelaxationTerms.Of(searcher, builder, built, query =>
        {
            var docs = new DocSetCollector(index.Reader.MaxDoc);
            searcher.Search(query, docs);
            return new Matches(docs.Docs.Cardinality, docs.Docs);
        });

        var levels = Relaxation.Levels(terms.Stats, [.. built.Parts.Select(p => p.Role)]);
        levels.Should().NotBeEmpty();
        foreach (var level in levels)
        {
            var without = searcher.Search(built.Compose(terms, level, strictFound: false), index.Reader.MaxDoc);
            var with = searcher.Search(built.Compose(terms, level, strictFound: true), index.Reader.MaxDoc);
            without.ScoreDocs.Select(h => (h.Doc, h.Score)).Should().Equal(with.ScoreDocs.Select(h => (h.Doc, h.Score)), text);
        }
        levels.Should().Contain(level => searcher.Search(built.Compose(terms, level, strictFound: false), 1).TotalHits > 0,
            "relaxing " + text + " finds articles");
    }
}
