using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Search.Similarities;
using TestSupport;

namespace ArchiveSearch.Index.Tests;

/// <summary>The archive's similarity scores exactly as Lucene's BM25 does: only the idf's description is shorter.</summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class ArchiveSimilarityTests(CorpusIndexFixture index)
{
    [Fact]
    public void It_scores_terms_and_phrases_as_BM25_does()
    {
        var ours = new IndexSearcher(index.Reader) { Similarity = new ArchiveSimilarity() };
        var lucene = new IndexSearcher(index.Reader) { Similarity = new BM25Similarity() };
        var compared = 0;
        foreach (var text in new[] { "创新", "知识产权", "未来产业", "人工智能", "常州" })
        {
            var bigrams = ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, text);
            var phrase = new PhraseQuery();
            foreach (var token in bigrams) phrase.Add(new Term(ArticleFields.BodyBigrams, token.Term), token.Position);
            var any = new BooleanQuery { { new TermQuery(new Term(ArticleFields.TitleBigrams, bigrams[0].Term)), Occur.SHOULD }, { phrase, Occur.SHOULD } };
            foreach (var query in new Query[] { phrase, any })
            {
                var expected = lucene.Search(query, 100).ScoreDocs.Select(h => (h.Doc, h.Score)).ToList();
                ours.Search(query, 100).ScoreDocs.Select(h => (h.Doc, h.Score)).Should().Equal(expected, text);
                compared += expected.Count;
            }
        }
        compared.Should().BeGreaterThan(100);
    }
}
