using System.Numerics;
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

/// <summary>
/// The documents any of a few scorers match, in order. A document's score is the sum of its matching scorers' scores
/// times the coordination factor of how many matched, as Lucene's DisjunctionSumScorer has it.
/// </summary>
internal sealed class AnyOfScorer(Weight weight, Scorer[] scorers, float[] coord) : Scorer(weight)
{
    private int _doc = -1;

    public override int DocID => _doc;

    public override int NextDoc()
    {
        foreach (var scorer in scorers)
        {
            if (scorer.DocID == _doc) scorer.NextDoc();
        }
        return _doc = Lowest(scorers);
    }

    public override int Advance(int target)
    {
        foreach (var scorer in scorers)
        {
            if (scorer.DocID < target) scorer.Advance(target);
        }
        return _doc = Lowest(scorers);
    }

    public override float GetScore()
    {
        var (sum, matched) = (0d, 0);
        foreach (var scorer in scorers)
        {
            if (scorer.DocID != _doc) continue;
            sum += scorer.GetScore();
            matched++;
        }
        return (float)sum * coord[matched];
    }

    /// <summary>How many of the scorers match the document.</summary>
    public override int Freq
    {
        get
        {
            var matched = 0;
            foreach (var scorer in scorers)
                if (scorer.DocID == _doc) matched++;
            return matched;
        }
    }

    public override long GetCost() => scorers.Sum(s => s.GetCost());

    public override ICollection<ChildScorer> GetChildren() => [.. scorers.Select(s => new ChildScorer(s, "SHOULD"))];

    /// <summary>The lowest document any of <paramref name="scorers"/> is on.</summary>
    internal static int Lowest(Scorer[] scorers)
    {
        var first = NO_MORE_DOCS;
        foreach (var scorer in scorers) first = Math.Min(first, scorer.DocID);
        return first;
    }
}

/// <summary>
/// Out of doc id order, the documents any of a few scorers match, with <see cref="AnyOfScorer"/>'s scores: a window of
/// documents at a time, each scorer in turn adds its scores for the window into an array, then the window's documents
/// are collected. Lucene's BooleanScorer, which served here before, does the same through a linked list of 2,048 bucket
/// objects it makes for every query and segment: at 100,000 articles a query of the benchmarks' mix allocated 131 KiB on
/// average in process, 50 KiB with this one, and the one-word and date-sorted queries took 0.87 and 0.83 of the time
/// (benchmarks/compare; the same build against itself 0.96 and 0.95).
/// </summary>
internal sealed class AnyOfBulkScorer(Scorer[] scorers, float[] coord) : BulkScorer
{
    private const int WindowSize = 2048;

    /// <summary>
    /// The thread's window. Every call of <see cref="Score"/> leaves it empty, also when collecting throws, so the
    /// scorers of one thread share it, even clauses of one query that Lucene's BooleanScorer calls in turn.
    /// </summary>
    [ThreadStatic] private static Window? t_window;

    private readonly WindowScorer _current = new();
    private bool _started;

    public override bool Score(ICollector collector, int max)
    {
        if (!_started)
        {
            foreach (var scorer in scorers) scorer.NextDoc();
            _started = true;
        }
        collector.SetScorer(_current);
        var window = t_window ??= new Window();
        try
        {
            while (true)
            {
                var start = AnyOfScorer.Lowest(scorers);
                if (start >= max) return start != DocIdSetIterator.NO_MORE_DOCS;
                Add(window, start, (int)Math.Min((long)start + WindowSize, max));
                Collect(window, start, collector);
            }
        }
        catch
        {
            window.Clear();
            throw;
        }
    }

    /// <summary>Each scorer's scores of the documents from <paramref name="start"/> to before <paramref name="end"/>.</summary>
    private void Add(Window window, int start, int end)
    {
        foreach (var scorer in scorers)
        {
            for (var doc = scorer.DocID; doc < end; doc = scorer.NextDoc())
            {
                var i = doc - start;
                window.Sums[i] += scorer.GetScore();
                if (window.Matched[i]++ == 0) window.Found[i >> 6] |= 1UL << i;
            }
        }
    }

    /// <summary>The window's documents in order, each emptied from it as it is collected.</summary>
    private void Collect(Window window, int start, ICollector collector)
    {
        for (var word = 0; word < window.Found.Length; word++)
        {
            for (var bits = window.Found[word]; bits != 0; bits &= bits - 1)
            {
                var i = (word << 6) + BitOperations.TrailingZeroCount(bits);
                var matched = window.Matched[i];
                _current.Set(start + i, matched, (float)window.Sums[i] * coord[matched]);
                (window.Sums[i], window.Matched[i]) = (0d, 0);
                collector.Collect(start + i);
            }
            window.Found[word] = 0;
        }
    }

    /// <summary>Per document of a window: the sum of its scores, how many scorers matched it, and a bit if any did.</summary>
    private sealed class Window
    {
        public readonly double[] Sums = new double[WindowSize];
        public readonly int[] Matched = new int[WindowSize];
        public readonly ulong[] Found = new ulong[WindowSize / 64];

        public void Clear()
        {
            Array.Clear(Sums);
            Array.Clear(Matched);
            Array.Clear(Found);
        }
    }

    /// <summary>What the collector asks of the document it is given.</summary>
    private sealed class WindowScorer() : Scorer(null)
    {
        private int _doc = -1;
        private int _freq;
        private float _score;

        public void Set(int doc, int freq, float score) => (_doc, _freq, _score) = (doc, freq, score);

        public override int DocID => _doc;

        public override int Freq => _freq;

        public override float GetScore() => _score;

        public override int NextDoc() => throw new NotSupportedException();

        public override int Advance(int target) => throw new NotSupportedException();

        public override long GetCost() => 1;
    }
}
