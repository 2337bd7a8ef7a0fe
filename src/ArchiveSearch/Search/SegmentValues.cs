using System.Runtime.CompilerServices;
using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Util;

namespace ArchiveSearch.Search;

/// <summary>
/// One segment's section, regions, date and ordinal per document, read once from its doc values into plain arrays.
/// Faceting and sorting visit every document a query matches; reading doc values through Lucene's memory-mapped packed
/// readers costs several indirect reads per document, an array lookup costs one. Segments never change, so the arrays
/// are kept per segment core for as long as the segment is open (about 15 bytes a document plus 4 a region).
/// </summary>
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
        SectionOrd = new int[maxDoc];
        RegionStart = new int[maxDoc + 1];
        YearIndex = new short[maxDoc];
        Date = new int[maxDoc];
        Ordinal = new int[maxDoc];
        var regionOrds = new List<int>(maxDoc * 2);
        var years = new List<int>();
        var yearIndexes = new Dictionary<int, short>();
        for (var doc = 0; doc < maxDoc; doc++)
        {
            sections.SetDocument(doc);
            SectionOrd[doc] = (int)sections.NextOrd();
            RegionStart[doc] = regionOrds.Count;
            regions.SetDocument(doc);
            for (var ord = regions.NextOrd(); ord != SortedSetDocValues.NO_MORE_ORDS; ord = regions.NextOrd())
                regionOrds.Add((int)ord);
            Date[doc] = (int)dates.Get(doc);
            Ordinal[doc] = (int)ordinals.Get(doc);
            var year = Date[doc] / 10000;
            if (!yearIndexes.TryGetValue(year, out var index))
            {
                index = (short)years.Count;
                yearIndexes[year] = index;
                years.Add(year);
            }
            YearIndex[doc] = index;
        }
        RegionStart[maxDoc] = regionOrds.Count;
        RegionOrds = [.. regionOrds];
        Years = [.. years];
    }

    /// <summary>Section ordinal per document, -1 when it has none.</summary>
    public int[] SectionOrd { get; }
    /// <summary>The region ordinals of document d are <c>RegionOrds[RegionStart[d]..RegionStart[d + 1]]</c>.</summary>
    public int[] RegionStart { get; }
    public int[] RegionOrds { get; }
    /// <summary>Index into <see cref="Years"/> per document.</summary>
    public short[] YearIndex { get; }
    public int[] Years { get; }
    /// <summary>yyyyMMdd per document.</summary>
    public int[] Date { get; }
    /// <summary>The article's place in the corpus per document: the last word on order.</summary>
    public int[] Ordinal { get; }
    public string[] SectionNames { get; }
    public string[] RegionNames { get; }

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
