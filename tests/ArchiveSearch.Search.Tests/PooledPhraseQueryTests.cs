using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>The pooled phrase query finds and scores what Lucene's PhraseQuery does, exact and sloppy, on the real index.</summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class PooledPhraseQueryTests(CorpusIndexFixture index)
{
    [Fact]
    public void Without_a_slop_it_matches_and_scores_as_an_exact_phrase_query_does()
    {
        var reader = index.Reader;
        var searcher = new IndexSearcher(reader);
        var states = new TermStates(searcher.TopReaderContext);
        // Pieces of every article's title and body, two to six characters long, as the query builder sends words.
        var texts = index.Articles
            .SelectMany(a => new[] { a.Title, a.Body[..Math.Min(400, a.Body.Length)] })
            .SelectMany(text => Enumerable.Range(0, text.Length / 23).Select(i => text.Substring(i * 23, Math.Min(2 + i % 5, text.Length - i * 23))))
            .Append("发展发展").Append("知识产权保护").Append("量子引力波")   // a repeated bigram, a common word, one no article has
            .Distinct()
            .ToList();

        var (compared, repeated) = (0, 0);
        foreach (var field in new[] { ArticleFields.TitleBigrams, ArticleFields.BodyBigrams })
        {
            foreach (var text in texts)
            {
                var tokens = ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, text);
                if (tokens.Count < 2) continue;
                var phrase = new PhraseQuery();
                foreach (var token in tokens) phrase.Add(new Term(field, token.Term), token.Position - tokens[0].Position);
                var exact = new PooledPhraseQuery([.. tokens.Select(t => (new Term(field, t.Term), t.Position - tokens[0].Position))], slop: 0, states);

                var expected = searcher.Search(phrase, reader.MaxDoc).ScoreDocs.Select(h => (h.Doc, h.Score)).ToList();
                searcher.Search(exact, reader.MaxDoc).ScoreDocs.Select(h => (h.Doc, h.Score)).Should().Equal(expected, text);
                compared += expected.Count;
                repeated += expected.Count(h => searcher.Explain(phrase, h.Doc).ToString().Contains("phraseFreq=2"));
            }
        }
        compared.Should().BeGreaterThan(500, "most pieces are found somewhere");
        repeated.Should().BeGreaterThan(0, "some are found twice in an article, which must score higher");
    }

    [Fact]
    public void With_a_slop_it_matches_and_scores_as_a_sloppy_phrase_query_does()
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
                    var pooled = new PooledPhraseQuery(terms, slop, states) { Boost = 0.5f };

                    var expected = Hits(searcher, phrase);
                    Hits(searcher, pooled).Should().Equal(expected, $"{string.Join(' ', order)} ~{slop}");
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
    public void With_a_slop_terms_that_repeat_are_left_to_Lucene()
    {
        using var states = new TermStates(index.Reader.Context);
        var act = () => new PooledPhraseQuery([(new Term(ArticleFields.BodyBigrams, "发展"), 0), (new Term(ArticleFields.BodyBigrams, "发展"), 1)], 20, states);
        act.Should().Throw<ArgumentException>();
    }

    private static List<(int Doc, float Score)> Hits(IndexSearcher searcher, Query query) =>
        [.. searcher.Search(query, searcher.IndexReader.MaxDoc).ScoreDocs.Select(h => (h.Doc, h.Score))];
}
