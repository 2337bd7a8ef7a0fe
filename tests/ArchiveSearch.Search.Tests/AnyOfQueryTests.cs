using ArchiveSearch.Index;
using Lucene.Net.Analysis.Core;
using Lucene.Net.Documents;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Store;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>
/// The disjunction finds and scores what Lucene's BooleanQuery of the same optional clauses does, on the real index:
/// alone, where its scorer is stepped document by document, inside a conjunction, where it is advanced, and out of
/// document order, where it is scored a window at a time (on an index of more than one window too).
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
    public void Alone_it_matches_and_scores_as_a_boolean_query_of_the_same_clauses_in_order_and_out_of_order()
    {
        var searcher = index.LuceneSearcher();
        var compared = 0;
        foreach (var (first, second) in Pairs())
        {
            var expected = Hits(searcher, Clauses(new BooleanQuery(), first, second));
            var inOrder = Hits(searcher, Clauses(new AnyOfQuery(), first, second));
            inOrder.Should().Equal(expected, $"{first} {second}");
            // A window at a time: as in order, and as Lucene's BooleanScorer out of order.
            Hits(searcher, Clauses(new AnyOfQuery(), first, second), inOrder: false).Should().Equal(inOrder, $"{first} {second}")
                .And.Equal(Hits(searcher, Clauses(new BooleanQuery(), first, second), inOrder: false));
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

    [Fact]
    public void Out_of_order_over_many_windows_alone_and_as_a_clause_it_scores_as_in_order()
    {
        using var letters = new LetterIndex(10_000);
        var searcher = letters.Searcher;

        var alone = Hits(searcher, Letters(new AnyOfQuery(), "a", "b", "c"), inOrder: false);
        alone.Should().Equal(Hits(searcher, Letters(new AnyOfQuery(), "a", "b", "c")));
        alone.Should().HaveCount(Enumerable.Range(0, 10_000).Count(i => i % 3 == 0 || i % 5 == 0 || i % 7 == 0));

        // Lucene's BooleanScorer asks a clause for a window of 2,048 documents at a time.
        var nested = new BooleanQuery { { Letters(new AnyOfQuery(), "a", "b"), Occur.SHOULD }, { Letters(new BooleanQuery(), "c"), Occur.SHOULD } };
        var luceneNested = new BooleanQuery { { Letters(new BooleanQuery(), "a", "b"), Occur.SHOULD }, { Letters(new BooleanQuery(), "c"), Occur.SHOULD } };
        Hits(searcher, nested, inOrder: false).Should().Equal(alone)
            .And.Equal(Hits(searcher, nested)).And.Equal(Hits(searcher, luceneNested, inOrder: false));
    }

    [Fact]
    public void Asked_for_the_documents_before_a_bound_it_scores_those_and_the_next_call_goes_on_from_there()
    {
        using var letters = new LetterIndex(10_000);
        var searcher = letters.Searcher;
        var bulk = searcher.CreateNormalizedWeight(Letters(new AnyOfQuery(), "a", "b", "c"))
            .GetBulkScorer(letters.Reader.Leaves[0], scoreDocsInOrder: false, acceptDocs: null);
        bulk.Should().BeOfType<AnyOfBulkScorer>();

        var collected = new List<(int Doc, float Score)>();
        var from = 0;
        foreach (var max in new[] { 1_000, 2_048, 2_049, 7_000, 10_000 })
        {
            var calls = new RecordingCollector();
            bulk.Score(calls, max).Should().Be(max < 10_000, $"documents are left after {max} (9,999 is the last)");
            calls.Hits.Where(h => h.Doc < from || h.Doc >= max).Should().BeEmpty($"the call went from {from} up to {max}");
            collected.AddRange(calls.Hits);
            from = max;
        }
        collected.Should().Equal(Hits(searcher, Letters(new AnyOfQuery(), "a", "b", "c")).OrderBy(h => h.Doc));
    }

    [Fact]
    public void A_search_stopped_while_collecting_out_of_order_leaves_nothing_to_the_next()
    {
        using var letters = new LetterIndex(3_000);
        var searcher = letters.Searcher;
        var expected = Hits(searcher, Letters(new AnyOfQuery(), "a", "b", "c"), inOrder: false);

        var stopping = () => searcher.Search(Letters(new AnyOfQuery(), "a", "b", "c"), new StoppingCollector(after: 100));
        stopping.Should().Throw<OperationCanceledException>();
        Hits(searcher, Letters(new AnyOfQuery(), "a", "b", "c"), inOrder: false).Should().Equal(expected);
    }

    /// <summary>
    /// An index in memory of documents 0… whose field holds a if its number divides by 3, b by 5, c by 7, and filler of
    /// varying length; one segment.
    /// </summary>
    private sealed class LetterIndex : IDisposable
    {
        private readonly RAMDirectory _directory = new();

        public LetterIndex(int count)
        {
            var config = new IndexWriterConfig(ArchiveAnalyzers.Version, new WhitespaceAnalyzer(ArchiveAnalyzers.Version))
            {
                Similarity = new ArchiveSimilarity(),
            };
            using (var writer = new IndexWriter(_directory, config))
            {
                for (var i = 0; i < count; i++)
                {
                    var words = new[] { (3, "a"), (5, "b"), (7, "c") }.Where(w => i % w.Item1 == 0).Select(w => w.Item2)
                        .Concat(Enumerable.Repeat("x", i % 11));
                    writer.AddDocument(new Document { new TextField("f", string.Join(' ', words), Field.Store.NO) });
                }
                writer.ForceMerge(1);
            }
            Reader = DirectoryReader.Open(_directory);
            Searcher = new IndexSearcher(Reader) { Similarity = new ArchiveSimilarity() };
        }

        public DirectoryReader Reader { get; }
        public IndexSearcher Searcher { get; }

        public void Dispose()
        {
            Reader.Dispose();
            _directory.Dispose();
        }
    }

    /// <summary>The letters as optional clauses, each boosted by its place in the alphabet (a 1, b 2, c 3).</summary>
    private static BooleanQuery Letters(BooleanQuery query, params string[] letters)
    {
        foreach (var letter in letters)
            query.Add(new TermQuery(new Term("f", letter)) { Boost = letter[0] - 'a' + 1 }, Occur.SHOULD);
        return query;
    }

    /// <summary>Every document collected, with its score, in the order given.</summary>
    private sealed class RecordingCollector : ICollector
    {
        private Scorer? _scorer;

        public List<(int Doc, float Score)> Hits { get; } = [];

        public void SetScorer(Scorer scorer) => _scorer = scorer;

        public void Collect(int doc) => Hits.Add((doc, _scorer!.GetScore()));

        public void SetNextReader(AtomicReaderContext context) { }

        public bool AcceptsDocsOutOfOrder => true;
    }

    /// <summary>Stops the search as a request's deadline does, after some documents.</summary>
    private sealed class StoppingCollector(int after) : ICollector
    {
        private int _seen;

        public void SetScorer(Scorer scorer) { }

        public void Collect(int doc)
        {
            if (++_seen > after) throw new OperationCanceledException();
        }

        public void SetNextReader(AtomicReaderContext context) { }

        public bool AcceptsDocsOutOfOrder => true;
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

    /// <summary>Every hit, collected in document order unless told otherwise (then scored a window at a time).</summary>
    private static List<(int Doc, float Score)> Hits(IndexSearcher searcher, Query query, bool inOrder = true)
    {
        var collector = TopScoreDocCollector.Create(searcher.IndexReader.MaxDoc, docsScoredInOrder: inOrder);
        searcher.Search(query, collector);
        return [.. collector.GetTopDocs().ScoreDocs.Select(h => (h.Doc, h.Score))];
    }
}
