using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Search;

/// <summary>
/// The best hits in a search's order: by date when it sorts by date, then by score, then in the articles' order (their
/// ordinals, so equal hits come in the same order after every rebuild). Lucene's TopFieldCollector keeps its queue
/// through a comparer per field with virtual calls on slots: on a one-word query of the bundled corpus comparing and
/// popping hits was a sixth of the search. This one keeps the hits as values in .NET's PriorityQueue, one comparer for the whole order, and reads the dates
/// and ordinals from <see cref="SegmentValues"/>' arrays (Lucene's date comparer read the doc values for every match
/// through memory-mapped packed readers: on a date-sorted query at 100k articles that was 60% of the time).
/// </summary>
internal sealed class RankingCollector(SearchSort sort, int size) : ICollector
{
    /// <summary>The hits kept, the one ranking last first out (<see cref="Later"/>).</summary>
    private readonly PriorityQueue<Hit, Hit> _kept = new(size, Later.Instance);
    /// <summary>What a date weighs in the key: newest first ranks the negated date lower; by relevance the date is no part.</summary>
    private readonly int _dateSign = sort switch { SearchSort.Date => -1, SearchSort.DateAscending => 1, _ => 0 };
    private int _total;
    private int _docBase;
    private int[] _ordinals = [];
    private int[] _dates = [];
    private Scorer? _scorer;

    /// <summary>A hit with what orders it: <paramref name="Key"/> first (lower first), then the score, then the ordinal.</summary>
    private readonly record struct Hit(int Key, float Score, int Ordinal, int Doc);

    public bool AcceptsDocsOutOfOrder => true;

    public void SetScorer(Scorer scorer) => _scorer = scorer;

    public void SetNextReader(AtomicReaderContext context)
    {
        _docBase = context.DocBase;
        var values = SegmentValues.For(context.AtomicReader);
        (_ordinals, _dates) = (values.Ordinal, values.Date);
    }

    public void Collect(int doc)
    {
        _total++;
        var hit = new Hit(_dateSign * _dates[doc], _scorer!.GetScore(), _ordinals[doc], _docBase + doc);
        if (_kept.Count < size) _kept.Enqueue(hit, hit);
        else if (size > 0 && Before(hit, _kept.Peek())) _kept.DequeueEnqueue(hit, hit);
    }

    /// <summary>The hits kept, best first, and how many were collected; no maximum score is tracked, as Lucene's does not here.</summary>
    public TopDocs GetTopDocs()
    {
        var ranked = _kept.UnorderedItems.Select(item => item.Element).ToArray();
        Array.Sort(ranked, static (a, b) => Later.Instance.Compare(b, a));
        return new TopDocs(_total, [.. ranked.Select(h => new ScoreDoc(h.Doc, h.Score))], float.NaN);
    }

    /// <summary>Whether <paramref name="a"/> ranks before <paramref name="b"/>: a lower key, a higher score, an earlier article.</summary>
    private static bool Before(Hit a, Hit b) =>
        a.Key != b.Key ? a.Key < b.Key : a.Score != b.Score ? a.Score > b.Score : a.Ordinal < b.Ordinal;

    /// <summary>Orders hits from the one ranking last: the queue's first out is the kept hit a better one replaces.</summary>
    private sealed class Later : IComparer<Hit>
    {
        public static readonly Later Instance = new();

        public int Compare(Hit a, Hit b) => Before(b, a) ? -1 : Before(a, b) ? 1 : 0;
    }
}
