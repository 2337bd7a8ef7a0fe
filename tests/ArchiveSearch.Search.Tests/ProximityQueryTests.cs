using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>The proximity query finds and scores what Lucene's sloppy PhraseQuery does, on the real index.</summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class ProximityQueryTests(CorpusIndexFixture index)
{
    [Fact]
    public void It_matches_and_scores_as_a_sloppy_phrase_query_does()
    {
        var reader = index.Reader;
        var searcher = new IndexSearcher(reader) { Similarity = new ArchiveSimilarity() };
        var thread = new ThreadEnums(searcher.TopReaderContext);
        // Words of one title, and words of two articles' titles together (farther apart, or in articles of their own),
        // in the order written and reversed, as the query builder sends a query's words.
        var titles = index.Articles.Select(a => a.Title).ToList();
        var words = titles.Select(t => t[..Math.Min(4, t.Length)])
            .Concat(titles.Zip(titles.Skip(7), (a, b) => a[^Math.Min(3, a.Length)..] + b[..Math.Min(3, b.Length)]))
            .Append("科技创新发展").Append("知识产权保护").Append("量子引力");   // common words, and bigrams no article has
        var (compared, sloppy) = (0, 0);
        foreach (var text in words.Distinct())
        {
            var bigrams = ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, text).Select(t => t.Term).Distinct().ToList();
            if (bigrams.Count < 2) continue;
            foreach (var order in new[] { bigrams, Enumerable.Reverse(bigrams).ToList() })
            {
                foreach (var slop in new[] { 1, 3, 20 })
                {
                    var terms = order.Select((term, i) => (new Term(ArticleFields.BodyBigrams, term), i)).ToList();
                    var phrase = new PhraseQuery { Slop = slop, Boost = 0.5f };
                    foreach (var (term, position) in terms) phrase.Add(term, position);
                    using var states = new TermStates(thread.Borrow());
                    var proximity = new ProximityQuery(terms, slop, states) { Boost = 0.5f };

                    var expected = Hits(searcher, phrase);
                    Hits(searcher, proximity).Should().Equal(expected, $"{string.Join(' ', order)} ~{slop}");
                    compared += expected.Count;
                    var exact = new PhraseQuery();
                    foreach (var (term, position) in terms) exact.Add(term, position);
                    var together = Hits(searcher, exact).Select(h => h.Doc).ToHashSet();
                    sloppy += expected.Count(h => !together.Contains(h.Doc));
                }
            }
        }
        compared.Should().BeGreaterThan(500, "most words are found in their own article at least");
        sloppy.Should().BeGreaterThan(100, "many articles have the words only apart or in another order");
    }

    [Fact]
    public void Terms_that_repeat_are_left_to_Lucene()
    {
        using var states = new TermStates(index.Reader.Context);
        var act = () => new ProximityQuery([(new Term(ArticleFields.BodyBigrams, "发展"), 0), (new Term(ArticleFields.BodyBigrams, "发展"), 1)], 20, states);
        act.Should().Throw<ArgumentException>();
    }

    private static List<(int Doc, float Score)> Hits(IndexSearcher searcher, Query query) =>
        [.. searcher.Search(query, searcher.IndexReader.MaxDoc).ScoreDocs.Select(h => (h.Doc, h.Score))];
}
