using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>The exact phrase query finds and scores what Lucene's PhraseQuery with no slop does, on the real index.</summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class ExactPhraseQueryTests(CorpusIndexFixture index)
{
    [Fact]
    public void It_matches_and_scores_as_a_phrase_query_does()
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
                var exact = new ExactPhraseQuery([.. tokens.Select(t => (new Term(field, t.Term), t.Position - tokens[0].Position))], states);

                var expected = searcher.Search(phrase, reader.MaxDoc).ScoreDocs.Select(h => (h.Doc, h.Score)).ToList();
                searcher.Search(exact, reader.MaxDoc).ScoreDocs.Select(h => (h.Doc, h.Score)).Should().Equal(expected, text);
                compared += expected.Count;
                repeated += expected.Count(h => searcher.Explain(phrase, h.Doc).ToString().Contains("phraseFreq=2"));
            }
        }
        compared.Should().BeGreaterThan(500, "most pieces are found somewhere");
        repeated.Should().BeGreaterThan(0, "some are found twice in an article, which must score higher");
    }
}
