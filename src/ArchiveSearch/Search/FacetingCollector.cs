using System.Globalization;
using Lucene.Net.Index;
using Lucene.Net.Search;

namespace ArchiveSearch.Search;

/// <summary>
/// One pass over the documents the query matches (before the section and region filters) that applies those
/// filters and counts disjunctive facets: the section counts ignore the section filter but honour the region
/// filter, the region counts the reverse, the year counts honour both. Only documents that pass both filters
/// reach <paramref name="hits"/> (whose total is the search's), so the section counts add up to that total
/// whenever no section filter is set.
/// </summary>
/// <remarks>
/// Per match it counts the document's facet key (section, regions and year together, see
/// <see cref="SegmentValues"/>); which keys pass the filters is worked out once per segment, and the key counts
/// become section, region and year counts when the collector leaves the segment.
/// </remarks>
internal sealed class FacetingCollector(
    ICollector? hits, IReadOnlyCollection<string> sections, IReadOnlyCollection<string> regions,
    CancellationToken cancellation) : ICollector
{
    /// <summary>How many documents pass between checks of the request's deadline (a power of two).</summary>
    private const int CancellationStride = 4096;
    /// <summary>Every document collected: the deadline is checked on it, and it is <see cref="Matched"/>.</summary>
    private int _seen;

    /// <summary>
    /// Segments from this size on may be scored out of doc id order. Lucene's out-of-order BooleanScorer allocates a
    /// table of 2,048 buckets for each query and segment: it pays off over many matches, while on a small archive it
    /// was most of a query's allocations (on the bundled corpus in-order scoring halves them and is 25% faster).
    /// Measured again once a word's disjunction had a windowed scorer of its own (<see cref="AnyOfBulkScorer"/>): the
    /// bundled corpus scored out of order ran the mix's words no faster and the relaxed natural query 1.20 times slower
    /// (benchmarks/compare), its outer disjunction being Lucene's.
    /// </summary>
    private const int OutOfOrderFromDocs = 8192;
    private bool _segmentIsLarge;

    private readonly Dictionary<string, int> _sectionCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<string, int> _regionCounts = new(StringComparer.Ordinal);
    private readonly Dictionary<int, int> _yearCounts = [];

    private SegmentValues? _segment;
    private int[] _facetKey = [];
    private int[] _keyCounts = [];
    private bool[] _keySectionPasses = [];
    private bool[] _keyRegionPasses = [];
    private bool[] _keyPasses = [];

    /// <summary>Lucene asks after <see cref="SetNextReader"/>, so the answer can be per segment.</summary>
    public bool AcceptsDocsOutOfOrder => _segmentIsLarge && (hits?.AcceptsDocsOutOfOrder ?? true);

    public void SetScorer(Scorer scorer) => hits?.SetScorer(scorer);

    public void SetNextReader(AtomicReaderContext context)
    {
        FlushSegmentCounts();
        var segment = SegmentValues.For(context.AtomicReader);
        _segment = segment;
        _segmentIsLarge = context.AtomicReader.MaxDoc >= OutOfOrderFromDocs;
        _facetKey = segment.FacetKey;
        _keyCounts = new int[segment.KeyCount];
        // Nothing filtered, every key passes, and the segment's shared flags say so. Most searches filter by neither, and a
        // relaxed one counts once per word: this method, working out flags of its own key by key, was 1.6% of the API's
        // CPU on the bundled mix (perf).
        (_keySectionPasses, _keyRegionPasses, _keyPasses) = sections.Count == 0 && regions.Count == 0
            ? (segment.EveryKey, segment.EveryKey, segment.EveryKey)
            : Passes(segment, sections, regions);
        hits?.SetNextReader(context);
    }

    /// <summary>Which of the segment's keys pass the section filter, the region filter and both.</summary>
    private static (bool[] Section, bool[] Region, bool[] Both) Passes(
        SegmentValues segment, IReadOnlyCollection<string> sections, IReadOnlyCollection<string> regions)
    {
        var wantedSections = SegmentValues.Wanted(segment.SectionNames, sections);
        var wantedRegions = SegmentValues.Wanted(segment.RegionNames, regions);
        var (section, region, both) = (new bool[segment.KeyCount], new bool[segment.KeyCount], new bool[segment.KeyCount]);
        for (var key = 0; key < segment.KeyCount; key++)
        {
            var ord = segment.KeySection[key];
            section[key] = sections.Count == 0 || (ord >= 0 && wantedSections[ord]);
            region[key] = regions.Count == 0;
            for (var i = segment.KeyRegionStart[key]; i < segment.KeyRegionStart[key + 1]; i++)
                region[key] |= wantedRegions[segment.KeyRegionOrds[i]];
            both[key] = section[key] && region[key];
        }
        return (section, region, both);
    }

    public void Collect(int doc)
    {
        if ((++_seen & (CancellationStride - 1)) == 0) cancellation.ThrowIfCancellationRequested();
        var key = _facetKey[doc];
        _keyCounts[key]++;
        if (!_keyPasses[key]) return;
        Total++;
        hits?.Collect(doc);
    }

    /// <summary>Every match, whatever the section and region filters.</summary>
    public int Matched => _seen;

    /// <summary>The matches that pass the section and region filters: what the hits collector was given.</summary>
    public int Total { get; private set; }

    public FacetCounts Counts()
    {
        FlushSegmentCounts();
        return new FacetCounts(Ranked(_sectionCounts), Ranked(_regionCounts), Newest(_yearCounts));
    }

    /// <summary>Most articles first, equal counts by name.</summary>
    private static List<FacetValue> Ranked(Dictionary<string, int> counts)
    {
        var ranked = new List<FacetValue>(counts.Count);
        foreach (var (name, count) in counts) ranked.Add(new FacetValue(name, count));
        ranked.Sort(static (a, b) => a.Count != b.Count ? b.Count.CompareTo(a.Count) : string.CompareOrdinal(a.Value, b.Value));
        return ranked;
    }

    private static List<FacetValue> Newest(Dictionary<int, int> counts)
    {
        var years = new List<int>(counts.Keys);
        years.Sort(static (a, b) => b.CompareTo(a));
        return years.ConvertAll(year => new FacetValue(year.ToString(CultureInfo.InvariantCulture), counts[year]));
    }

    /// <summary>
    /// Keys and ordinals are per segment, so counts become names when the collector leaves a segment: the keys' counts
    /// are summed per section, region and year ordinal first, and each name met once.
    /// </summary>
    private void FlushSegmentCounts()
    {
        if (_segment is not { } segment) return;
        var sections = new int[segment.SectionNames.Length];
        var regions = new int[segment.RegionNames.Length];
        var years = new int[segment.Years.Length];
        for (var key = 0; key < _keyCounts.Length; key++)
        {
            var count = _keyCounts[key];
            if (count == 0) continue;
            var section = segment.KeySection[key];
            if (_keyRegionPasses[key] && section >= 0) sections[section] += count;
            if (_keySectionPasses[key])
                for (var i = segment.KeyRegionStart[key]; i < segment.KeyRegionStart[key + 1]; i++)
                    regions[segment.KeyRegionOrds[i]] += count;
            if (_keyPasses[key]) years[segment.KeyYear[key]] += count;
        }
        Add(_sectionCounts, segment.SectionNames, sections);
        Add(_regionCounts, segment.RegionNames, regions);
        Add(_yearCounts, segment.Years, years);
        _segment = null;
        _keyCounts = [];

        // Sized for every name at once: growing one name at a time was 3 KiB of the 46 a one-word search allocated.
        static void Add<T>(Dictionary<T, int> counts, T[] names, int[] segmentCounts) where T : notnull
        {
            counts.EnsureCapacity(names.Length);
            for (var ord = 0; ord < segmentCounts.Length; ord++)
                if (segmentCounts[ord] > 0) counts[names[ord]] = counts.GetValueOrDefault(names[ord]) + segmentCounts[ord];
        }
    }
}
