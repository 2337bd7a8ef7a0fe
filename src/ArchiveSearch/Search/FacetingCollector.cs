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

    private SegmentValues? _segment;
    private bool[] _wantedSectionOrds = [];
    private bool[] _wantedRegionOrds = [];
    private int[] _segmentSectionCounts = [];
    private int[] _segmentRegionCounts = [];
    private int[] _segmentYearCounts = [];
    private readonly bool _filterSections = sections.Count > 0;
    private readonly bool _filterRegions = regions.Count > 0;

    public int Total { get; private set; }

    public bool AcceptsDocsOutOfOrder => hits?.AcceptsDocsOutOfOrder ?? true;

    public void SetScorer(Scorer scorer) => hits?.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegmentCounts();
        var segment = SegmentValues.For(context.AtomicReader);
        _segment = segment;
        _wantedSectionOrds = SegmentValues.Wanted(segment.SectionNames, sections);
        _wantedRegionOrds = SegmentValues.Wanted(segment.RegionNames, regions);
        _segmentSectionCounts = new int[segment.SectionNames.Length];
        _segmentRegionCounts = new int[segment.RegionNames.Length];
        _segmentYearCounts = new int[segment.Years.Length];
        hits?.SetNextReader(context);
    }

    public void Collect(int doc)
    {
        if (++_seen % CancellationStride == 0) cancellation.ThrowIfCancellationRequested();
        var segment = _segment!;
        var sectionOrd = segment.SectionOrd[doc];
        var sectionPasses = !_filterSections || (sectionOrd >= 0 && _wantedSectionOrds[sectionOrd]);

        var regionOrds = segment.RegionOrds;
        int first = segment.RegionStart[doc], end = segment.RegionStart[doc + 1];
        var regionPasses = !_filterRegions;
        for (var i = first; i < end && !regionPasses; i++)
            regionPasses = _wantedRegionOrds[regionOrds[i]];

        if (regionPasses && sectionOrd >= 0) _segmentSectionCounts[sectionOrd]++;
        if (sectionPasses)
            for (var i = first; i < end; i++) _segmentRegionCounts[regionOrds[i]]++;
        if (!sectionPasses || !regionPasses) return;

        Total++;
        _segmentYearCounts[segment.YearIndex[doc]]++;
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
        if (_segment is { } segment)
        {
            Flush(segment.SectionNames, _segmentSectionCounts, _sectionCounts);
            Flush(segment.RegionNames, _segmentRegionCounts, _regionCounts);
            for (var i = 0; i < _segmentYearCounts.Length; i++)
                if (_segmentYearCounts[i] > 0)
                    _yearCounts[segment.Years[i]] = _yearCounts.GetValueOrDefault(segment.Years[i]) + _segmentYearCounts[i];
        }
        _segment = null;
        _segmentSectionCounts = [];
        _segmentRegionCounts = [];
        _segmentYearCounts = [];

        static void Flush(string[] names, int[] segmentCounts, Dictionary<string, int> counts)
        {
            for (var ord = 0; ord < segmentCounts.Length; ord++)
                if (segmentCounts[ord] > 0)
                    counts[names[ord]] = counts.GetValueOrDefault(names[ord]) + segmentCounts[ord];
        }
    }
}
