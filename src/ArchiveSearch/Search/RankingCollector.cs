using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Search;

/// <summary>
/// The best hits in a search's order: by date when it sorts by date, then by score, then in the articles' order (their
/// ordinals, so equal hits come in the same order after every rebuild). Lucene's TopFieldCollector keeps its queue
/// through a comparer per field with virtual calls on slots: on a one-word query of the bundled corpus comparing and
/// popping hits was a sixth of the search. This one keeps the hits as values in a heap of its own, and reads the dates
/// and ordinals from <see cref="SegmentValues"/>' arrays (Lucene's date comparer read the doc values for every match
/// through memory-mapped packed readers: on a date-sorted query at 100k articles that was 60% of the time).
/// </summary>
internal sealed class RankingCollector(SearchSort sort, int size) : ICollector
{
    /// <summary>The hits kept, the worst at the root while the heap fills and after.</summary>
    private readonly Hit[] _heap = new Hit[size];
    private int _count;
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

    /// <summary>The date (yyyyMMdd) as a key ranking lower first: negated for newest first; none by relevance.</summary>
    private int Key(int doc) => sort switch
    {
        SearchSort.Date => -_dates[doc],
        SearchSort.DateAscending => _dates[doc],
        _ => 0,
    };

    public void Collect(int doc)
    {
        _total++;
        var hit = new Hit(Key(doc), _scorer!.GetScore(), _ordinals[doc], _docBase + doc);
        if (_count < _heap.Length)
        {
            _heap[_count] = hit;
            Up(_count++);
        }
        else if (_heap.Length > 0 && Before(hit, _heap[0]))
        {
            _heap[0] = hit;
            Down(0);
        }
    }

    /// <summary>The hits kept, best first, and how many were collected; no maximum score is tracked, as Lucene's does not here.</summary>
    public TopDocs GetTopDocs()
    {
        var ranked = _heap[.._count];
        Array.Sort(ranked, static (a, b) => Before(a, b) ? -1 : Before(b, a) ? 1 : 0);
        return new TopDocs(_total, [.. ranked.Select(h => new ScoreDoc(h.Doc, h.Score))], float.NaN);
    }

    /// <summary>Whether <paramref name="a"/> ranks before <paramref name="b"/>: a lower key, a higher score, an earlier article.</summary>
    private static bool Before(Hit a, Hit b) =>
        a.Key != b.Key ? a.Key < b.Key : a.Score != b.Score ? a.Score > b.Score : a.Ordinal < b.Ordinal;

    private void Up(int i)
    {
        var hit = _heap[i];
        while (i > 0 && Before(_heap[(i - 1) / 2], hit))
        {
            _heap[i] = _heap[(i - 1) / 2];
            i = (i - 1) / 2;
        }
        _heap[i] = hit;
    }

    private void Down(int i)
    {
        var hit = _heap[i];
        while (2 * i + 1 < _count)
        {
            var child = 2 * i + 1;
            if (child + 1 < _count && Before(_heap[child], _heap[child + 1])) child++;
            if (!Before(hit, _heap[child])) break;
            _heap[i] = _heap[child];
            i = child;
        }
        _heap[i] = hit;
    }
}
