using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using TestSupport;

namespace ArchiveSearch.Index.Tests;

/// <summary>The archive's similarity writes the norms and gives the scores Lucene's BM25 does, bit for bit.</summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class ArchiveSimilarityTests(CorpusIndexFixture index)
{
    [Fact]
    public void It_scores_terms_and_phrases_as_BM25_does()
    {
        var ours = index.LuceneSearcher();
        var lucene = new IndexSearcher(index.Reader) { Similarity = new BM25Similarity() };
        var compared = 0;
        foreach (var text in new[] { "创新", "知识产权", "未来产业", "人工智能", "常州", "新能源汽车" })
        {
            var bigrams = ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, text);
            var phrase = new PhraseQuery();
            var near = new PhraseQuery { Slop = 20, Boost = 0.5f };
            foreach (var token in bigrams)
            {
                phrase.Add(new Term(ArticleFields.BodyBigrams, token.Term), token.Position);
                near.Add(new Term(ArticleFields.BodyBigrams, token.Term), bigrams.Count - 1 - token.Position);   // reversed
            }
            var any = new BooleanQuery
            {
                { new TermQuery(new Term(ArticleFields.TitleBigrams, bigrams[0].Term)) { Boost = 3f }, Occur.SHOULD },
                { phrase, Occur.SHOULD },
                { near, Occur.SHOULD },
                { new TermQuery(new Term(ArticleFields.Body, ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Words, text)[0].Term)), Occur.SHOULD },
            };
            foreach (var query in new Query[] { phrase, any })
            {
                var expected = lucene.Search(query, 100).ScoreDocs.Select(h => (h.Doc, h.Score)).ToList();
                ours.Search(query, 100).ScoreDocs.Select(h => (h.Doc, h.Score)).Should().Equal(expected, text);
                compared += expected.Count;
            }
        }
        compared.Should().BeGreaterThan(150);
    }

    [Fact]
    public void It_writes_the_norms_BM25_writes()
    {
        var ours = new ArchiveSimilarity();
        var lucene = new BM25Similarity();
        foreach (var boost in new[] { 1f, 0.5f, 3f })
        {
            foreach (var length in Enumerable.Range(0, 5000).Where(n => n < 200 || n % 37 == 0))
            {
                var state = new FieldInvertState(ArticleFields.Body, length, length, length / 10, 0, boost);
                ours.ComputeNorm(state).Should().Be(lucene.ComputeNorm(state), $"length {length}, boost {boost}");
            }
        }
    }
}
