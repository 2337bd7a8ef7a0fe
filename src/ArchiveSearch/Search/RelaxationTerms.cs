using Lucene.Net.Search;

namespace ArchiveSearch.Search;

/// <summary>
/// The terms a query relaxes over, read against the index: adjacent topic words the archive holds verbatim become
/// one group (<see cref="Relaxation.Compounds"/>), and each term is counted (a word no article has goes first) and
/// weighed by the idf of the index terms it is matched by, which decide the order they are given up in. Only a query that found too little comes here, so the counts cost nothing to the others.
/// </summary>
internal sealed record RelaxationTerms(
    IReadOnlyList<Query> Queries, IReadOnlyList<string> Texts, IReadOnlyList<int> Sizes, IReadOnlyList<TermStats> Stats)
{
    public static RelaxationTerms Of(IndexSearcher searcher, QueryBuilder builder, BuiltQuery built, Filter? filter)
    {
        var parts = built.Parts;
        var counts = new Dictionary<string, (Query? Query, int Count)>();
        (Query? Query, int Count) Verbatim(int first, int last)
        {
            var text = built.Chunks[parts[first].Chunk][parts[first].Start..parts[last].End];
            if (counts.TryGetValue(text, out var known)) return known;
            var query = builder.Verbatim(text);
            return counts[text] = (query, query is null ? 0 : Count(searcher, query, filter));
        }

        var groups = Relaxation.Compounds([.. parts.Select(p => p.Role)],
            i => parts[i].Chunk >= 0 && parts[i + 1].Chunk == parts[i].Chunk && parts[i].End == parts[i + 1].Start,
            (first, last) => Verbatim(first, last).Count > 0);

        var docCount = searcher.IndexReader.MaxDoc;
        double Weight(string text) =>
            builder.IndexTerms(text).Sum(term => Relaxation.Idf(searcher.IndexReader.DocFreq(term), docCount));

        var queries = new List<Query>();
        var texts = new List<string>();
        var sizes = new List<int>();
        var stats = new List<TermStats>();
        foreach (var (first, last) in groups)
        {
            var (query, count) = first == last
                ? (parts[first].Query, Count(searcher, parts[first].Query, filter))
                : Verbatim(first, last);
            var role = first == last ? parts[first].Role : TermRole.Word;
            var text = first == last ? parts[first].Text : built.Chunks[parts[first].Chunk][parts[first].Start..parts[last].End];
            queries.Add(query!);
            texts.Add(text);
            sizes.Add(last - first + 1);
            stats.Add(new TermStats(role, count, role == TermRole.Fixed ? Relaxation.Idf(count, docCount) : Weight(text)));
        }
        return new RelaxationTerms(queries, texts, sizes, stats);
    }

    private static int Count(IndexSearcher searcher, Query query, Filter? filter)
    {
        var counter = new Counter();
        searcher.Search(query, filter, counter);
        return counter.Total;
    }

    /// <summary>
    /// Counts matches in doc id order on small segments, as <see cref="FacetingCollector"/> does: Lucene's
    /// TotalHitCountCollector takes them out of order, and the BooleanScorer behind that allocates 2,048 buckets
    /// per count (on the bundled corpus, 1.8 MB for the counts of one relaxed query).
    /// </summary>
    private sealed class Counter : ICollector
    {
        private bool _segmentIsLarge;

        public int Total { get; private set; }
        public bool AcceptsDocsOutOfOrder => _segmentIsLarge;
        public void SetScorer(Scorer scorer) { }
        public void Collect(int doc) => Total++;
        public void SetNextReader(Lucene.Net.Index.AtomicReaderContext context) =>
            _segmentIsLarge = context.AtomicReader.MaxDoc >= FacetingCollector.OutOfOrderFromDocs;
    }
}
