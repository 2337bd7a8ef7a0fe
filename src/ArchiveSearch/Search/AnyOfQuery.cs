using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>
/// Optional clauses only (a word in the title or the body, a word or its synonyms): a <see cref="BooleanQuery"/> with
/// the same weight, explanation and scores, whose scorer steps through its few clauses side by side. In document order
/// (inside a conjunction, and on segments small enough to be scored in order) Lucene's DisjunctionSumScorer keeps its
/// clauses in a heap and sums the scores of every document it stops at, also those the conjunction then passes over;
/// this one scans its clauses and scores only the documents asked for. At 100,000 articles (benchmarks/compare, no
/// snippets) the two-word, natural and filtered queries took 0.92, 0.89 and 0.80 of the time, where the same build
/// against itself gave 1.00, 1.01 and 0.97; on the bundled corpus the change was within the control's spread. Out of
/// order (large segments, see FacetingCollector) it is scored a window at a time (<see cref="AnyOfBulkScorer"/>): at
/// 100,000 articles a one-word query stepped in order took a fifth longer.
/// </summary>
internal sealed class AnyOfQuery : BooleanQuery
{
    /// <summary>
    /// A scan visits every clause for each document, Lucene's heap only the matching ones, so past a few clauses the heap
    /// serves. Where the two cross was not measured: the archive's queries have a handful of words and synonyms.
    /// </summary>
    private const int MaxScanned = 8;

    public override Weight CreateWeight(IndexSearcher searcher) => new AnyOfWeight(this, searcher);

    private sealed class AnyOfWeight : BooleanWeight
    {
        /// <summary>Null where Lucene's scorers serve: a required or excluded clause, a minimum to match, many clauses.</summary>
        private readonly float[]? _coord;

        public AnyOfWeight(AnyOfQuery query, IndexSearcher searcher) : base(query, searcher, query.CoordDisabled)
        {
            if (query.MinimumNumberShouldMatch > 1 || query.Clauses.Count > MaxScanned || query.Clauses.Any(c => c.Occur != Occur.SHOULD))
                return;
            _coord = new float[m_weights.Count + 1];
            for (var i = 0; i < _coord.Length; i++) _coord[i] = query.CoordDisabled ? 1f : Coord(i, m_maxCoord);
        }

        public override Scorer? GetScorer(AtomicReaderContext context, IBits? acceptDocs)
        {
            if (_coord is null) return base.GetScorer(context, acceptDocs);
            return Scorers(context, acceptDocs) is { } scorers ? new AnyOfScorer(this, scorers, _coord) : null;
        }

        public override BulkScorer? GetBulkScorer(AtomicReaderContext context, bool scoreDocsInOrder, IBits? acceptDocs)
        {
            if (scoreDocsInOrder || _coord is null) return base.GetBulkScorer(context, scoreDocsInOrder, acceptDocs);
            return Scorers(context, acceptDocs) is { } scorers ? new AnyOfBulkScorer(scorers, _coord) : null;
        }

        /// <summary>The clauses' scorers in the segment, or null where none matches anything.</summary>
        private Scorer[]? Scorers(AtomicReaderContext context, IBits? acceptDocs)
        {
            // A loop, not LINQ: a query holds a disjunction for every word, and each gets a scorer per segment.
            var scorers = new Scorer[m_weights.Count];
            var count = 0;
            for (var i = 0; i < scorers.Length; i++)
            {
                if (m_weights[i].GetScorer(context, acceptDocs) is { } scorer) scorers[count++] = scorer;
            }
            if (count == 0) return null;
            if (count < scorers.Length) Array.Resize(ref scorers, count);
            return scorers;
        }
    }
}
