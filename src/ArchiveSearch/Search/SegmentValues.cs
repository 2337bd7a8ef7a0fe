using System.Runtime.CompilerServices;
using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>
/// One segment's facet values, date and ordinal per document, read once from its doc values into plain arrays.
/// Faceting and sorting visit every document a query matches; reading doc values through Lucene's memory-mapped
/// packed readers costs several indirect reads per document, an array lookup costs one. Segments never change, so
/// the arrays are kept per segment core for as long as the segment is open (about 12 bytes a document).
/// </summary>
/// <remarks>
/// A document's section, regions and year together are its <em>facet key</em>. Articles share few combinations
/// (a section, 江苏|常州, a year), so faceting counts one key per match and turns the counts into sections,
/// regions and years once per query, instead of walking every match's regions.
/// </remarks>
internal sealed class SegmentValues
{
    private static readonly ConditionalWeakTable<object, SegmentValues> Cache = new();

    private SegmentValues(AtomicReader reader)
    {
        var maxDoc = reader.MaxDoc;
        var sections = reader.GetSortedSetDocValues(ArticleFields.Section) ?? DocValues.EMPTY_SORTED_SET;
        var regions = reader.GetSortedSetDocValues(ArticleFields.Regions) ?? DocValues.EMPTY_SORTED_SET;
        var dates = reader.GetNumericDocValues(ArticleFields.Date) ?? DocValues.EMPTY_NUMERIC;
        var ordinals = reader.GetNumericDocValues(ArticleFields.Ordinal) ?? DocValues.EMPTY_NUMERIC;
        SectionNames = Names(sections);
        RegionNames = Names(regions);
        Date = new int[maxDoc];
        Ordinal = new int[maxDoc];
        FacetKey = new int[maxDoc];

        var keys = new Dictionary<string, int>(StringComparer.Ordinal);
        var keySections = new List<int>();
        var keyYears = new List<int>();
        var keyRegionStart = new List<int>();
        var keyRegionOrds = new List<int>();
        var years = new List<int>();
        var yearIndexes = new Dictionary<int, int>();
        var docRegions = new List<int>();
        for (var doc = 0; doc < maxDoc; doc++)
        {
            Date[doc] = (int)dates.Get(doc);
            Ordinal[doc] = (int)ordinals.Get(doc);
            var year = Date[doc] / 10000;
            if (!yearIndexes.TryGetValue(year, out var yearIndex))
            {
                yearIndexes[year] = yearIndex = years.Count;
                years.Add(year);
            }
            sections.SetDocument(doc);
            var section = (int)sections.NextOrd();
            docRegions.Clear();
            regions.SetDocument(doc);
            for (var ord = regions.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = regions.NextOrd())
                docRegions.Add((int)ord);

            var name = $"{section}/{yearIndex}/{string.Join(',', docRegions)}";
            if (!keys.TryGetValue(name, out var key))
            {
                keys[name] = key = keySections.Count;
                keySections.Add(section);
                keyYears.Add(yearIndex);
                keyRegionStart.Add(keyRegionOrds.Count);
                keyRegionOrds.AddRange(docRegions);
            }
            FacetKey[doc] = key;
        }
        keyRegionStart.Add(keyRegionOrds.Count);
        KeySection = [.. keySections];
        KeyYear = [.. keyYears];
        KeyRegionStart = [.. keyRegionStart];
        KeyRegionOrds = [.. keyRegionOrds];
        Years = [.. years];
        EveryKey = new bool[KeySection.Length];
        Array.Fill(EveryKey, true);
    }

    /// <summary>The facet key of each document: an index into the Key… arrays.</summary>
    public int[] FacetKey { get; }
    /// <summary>Section ordinal per key, -1 when it has none.</summary>
    public int[] KeySection { get; }
    /// <summary>Index into <see cref="Years"/> per key.</summary>
    public int[] KeyYear { get; }
    /// <summary>The region ordinals of key k are <c>KeyRegionOrds[KeyRegionStart[k]..KeyRegionStart[k + 1]]</c>.</summary>
    public int[] KeyRegionStart { get; }
    public int[] KeyRegionOrds { get; }
    public int KeyCount => KeySection.Length;
    /// <summary>A flag per key, all set: which keys pass when a search filters by neither section nor region. Read only.</summary>
    public bool[] EveryKey { get; }
    public int[] Years { get; }
    public string[] SectionNames { get; }
    public string[] RegionNames { get; }
    /// <summary>yyyyMMdd per document.</summary>
    public int[] Date { get; }
    /// <summary>The article's place in the corpus per document: the last word on order.</summary>
    public int[] Ordinal { get; }

    public static SegmentValues For(AtomicReader reader) => Cache.GetValue(reader.CoreCacheKey, _ => new SegmentValues(reader));

    /// <summary>A flag per ordinal: whether its name is one of <paramref name="wanted"/>.</summary>
    public static bool[] Wanted(string[] names, IReadOnlyCollection<string> wanted)
    {
        var flags = new bool[names.Length];
        for (var ord = 0; ord < names.Length; ord++)
            flags[ord] = wanted.Contains(names[ord]);
        return flags;
    }

    private static string[] Names(SortedSetDocValues values)
    {
        var names = new string[values.ValueCount];
        var term = new BytesRef();
        for (var ord = 0; ord < names.Length; ord++)
        {
            values.LookupOrd(ord, term);
            names[ord] = term.Utf8ToString();
        }
        return names;
    }
}
