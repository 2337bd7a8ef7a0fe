using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>
/// One pass over the documents the query matches (before the section and region filters) that applies those
/// filters from doc values and counts disjunctive facets: the section counts ignore the section filter but
/// honour the region filter, the region counts the reverse, the year counts honour both. Only documents that
/// pass both filters reach <paramref name="hits"/> and the total, so the section counts add up to the total
/// whenever no section filter is set.
/// </summary>
internal sealed class FacetingCollector(
    ICollector? hits, IReadOnlyCollection<string> sections, IReadOnlyCollection<string> regions,
    CancellationToken cancellation) : ICollector
{
    /// <summary>How many documents pass between checks of the request's deadline.</summary>
    private const int CancellationStride = 4096;
    private int _seen;

    private readonly Dictionary<string, int> _sectionCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _regionCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _yearCounts = [];

    private SortedSetDocValues _sectionValues = DocValues.EMPTY_SORTED_SET;
    private SortedSetDocValues _regionValues = DocValues.EMPTY_SORTED_SET;
    private NumericDocValues _dates = DocValues.EMPTY_NUMERIC;
    private HashSet<long> _wantedSectionOrds = [];
    private HashSet<long> _wantedRegionOrds = [];
    private int[] _segmentSectionCounts = [];
    private int[] _segmentRegionCounts = [];
    private readonly List<long> _docRegionOrds = [];

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => hits?.AcceptsDocsOutOfOrder ?? true;

    public void SetScorer(Scorer scorer) => hits?.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegmentCounts();
        var reader = context.AtomicReader;
        _sectionValues = reader.GetSortedSetDocValues(ArticleFields.Section) ?? DocValues.EMPTY_SORTED_SET;
        _regionValues = reader.GetSortedSetDocValues(ArticleFields.Regions) ?? DocValues.EMPTY_SORTED_SET;
        _dates = reader.GetNumericDocValues(ArticleFields.Date) ?? DocValues.EMPTY_NUMERIC;
        _wantedSectionOrds = Ords(_sectionValues, sections);
        _wantedRegionOrds = Ords(_regionValues, regions);
        _segmentSectionCounts = new int[_sectionValues.ValueCount];
        _segmentRegionCounts = new int[_regionValues.ValueCount];
        hits?.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (++_seen % CancellationStride == 0) cancellation.ThrowIfCancellationRequested();
        _sectionValues.SetDocument(doc);
        var sectionOrd = _sectionValues.NextOrd();
        var sectionPasses = sections.Count == 0 || _wantedSectionOrds.Contains(sectionOrd);

        _regionValues.SetDocument(doc);
        _docRegionOrds.Clear();
        var regionPasses = regions.Count == 0;
        for (var ord = _regionValues.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = _regionValues.NextOrd())
        {
            _docRegionOrds.Add(ord);
            regionPasses |= _wantedRegionOrds.Contains(ord);
        }

        if (regionPasses && sectionOrd >= 0) _segmentSectionCounts[sectionOrd]++;
        if (sectionPasses)
            foreach (var ord in _docRegionOrds) _segmentRegionCounts[ord]++;
        if (!sectionPasses || !regionPasses) return;

        Total++;
        var year = (int)(_dates.Get(doc) / 10000);
        _yearCounts[year] = _yearCounts.GetValueOrDefault(year) + 1;
        hits?.Collect(doc);
    }

    public FacetCounts Counts()
    {
        FlushSegmentCounts();
        return new FacetCounts(
            Ranked(_sectionCounts),
            Ranked(_regionCounts),
            [.. _yearCounts.OrderByDescending(y => y.Key).Select(y => new FacetValue(y.Key.ToString(), y.Value))]);
    }

    private static List<FacetValue> Ranked(Dictionary<string, int> counts) =>
        [.. counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key, StringComparer.Ordinal).Select(c => new FacetValue(c.Key, c.Value))];

    /// <summary>Ordinals are per segment, so counts become names when the collector leaves a segment.</summary>
    private void FlushSegmentCounts()
    {
        Flush(_sectionValues, _segmentSectionCounts, _sectionCounts);
        Flush(_regionValues, _segmentRegionCounts, _regionCounts);
        _segmentSectionCounts = [];
        _segmentRegionCounts = [];

        static void Flush(SortedSetDocValues values, int[] segmentCounts, Dictionary<string, int> counts)
        {
            var term = new BytesRef();
            for (var ord = 0; ord < segmentCounts.Length; ord++)
            {
                if (segmentCounts[ord] == 0) continue;
                values.LookupOrd(ord, term);
                var name = term.Utf8ToString();
                counts[name] = counts.GetValueOrDefault(name) + segmentCounts[ord];
            }
        }
    }

    private static HashSet<long> Ords(SortedSetDocValues values, IReadOnlyCollection<string> names) =>
        [.. names.Select(name => values.LookupTerm(new BytesRef(name))).Where(ord => ord >= 0)];
}
