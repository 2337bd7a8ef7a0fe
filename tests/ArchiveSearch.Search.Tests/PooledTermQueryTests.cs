using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>
/// The pooled term query finds and scores what Lucene's TermQuery does, on the real index, and the thread's enums it
/// reads through are reused by the next search but never shared by two scorers of one.
/// </summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class PooledTermQueryTests(CorpusIndexFixture index)
{
    [Fact]
    public void It_matches_and_scores_as_a_term_query_does()
    {
        var reader = index.Reader;
        var searcher = new IndexSearcher(reader) { Similarity = new ArchiveSimilarity() };
        var thread = new ThreadEnums(searcher.TopReaderContext);
        var titles = index.Articles.Select(a => a.Title).ToList();
        var terms = new[] { ArticleFields.TitleBigrams, ArticleFields.BodyBigrams }
            .SelectMany(field => titles.SelectMany(t => ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, t)).Select(t => new Term(field, t.Term)))
            .Concat(titles.SelectMany(t => ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Words, t)).Select(t => new Term(ArticleFields.Body, t.Term)))
            .Append(new Term(ArticleFields.BodyBigrams, "量子"))   // in no article
            .Distinct()
            .ToList();

        var compared = 0;
        foreach (var term in terms)
        {
            // The term twice in one query: two scorers read it at once, each through its own postings enum, which the
            // search before reset.
            using var states = new TermStates(thread.Borrow());
            var expected = Hits(searcher, new BooleanQuery
            {
                { new TermQuery(term) { Boost = 3f }, Occur.SHOULD },
                { new TermQuery(term), Occur.SHOULD },
            });
            Hits(searcher, new BooleanQuery
            {
                { new PooledTermQuery(term, states) { Boost = 3f }, Occur.SHOULD },
                { new PooledTermQuery(term, states), Occur.SHOULD },
            }).Should().Equal(expected, term.ToString());
            compared += expected.Count;
        }
        terms.Should().HaveCountGreaterThan(500);
        compared.Should().BeGreaterThan(5000, "most title words are found in many articles");
    }

    [Fact]
    public void A_search_reuses_the_postings_enums_of_the_one_before_it_on_its_thread_and_no_two_scorers_share_one()
    {
        var reader = index.Reader;
        var leaf = reader.Leaves[0];
        var term = new Term(ArticleFields.BodyBigrams, "创新");
        var state = new TermStates(reader.Context).Of(term).Get(leaf.Ord)!;
        var thread = new ThreadEnums(reader.Context);

        var first = thread.Borrow();
        var one = first.Docs(leaf, term, state, null);
        var two = first.Docs(leaf, term, state, null);
        two.Should().NotBeSameAs(one, "two scorers of one search each read through their own");
        thread.Borrow().Should().NotBeSameAs(first, "a search that starts while the thread's enums are lent gets its own");
        first.GiveBack();

        var next = thread.Borrow();
        next.Should().BeSameAs(first);
        var reused = new[] { next.Docs(leaf, term, state, null), next.Docs(leaf, term, state, null) };
        reused.Should().OnlyContain(e => ReferenceEquals(e, one) || ReferenceEquals(e, two), "the next search on the thread resets them rather than allocating");
        reused[0].Should().NotBeSameAs(reused[1]);
        next.Docs(leaf, term, state, null).Should().NotBeSameAs(one).And.NotBeSameAs(two, "only as many as were given back are reused");
    }

    private static List<(int Doc, float Score)> Hits(IndexSearcher searcher, Query query) =>
        [.. searcher.Search(query, searcher.IndexReader.MaxDoc).ScoreDocs.Select(h => (h.Doc, h.Score))];
}
