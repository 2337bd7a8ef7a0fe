using BitFaster.Caching.Lfu;
using Lucene.Net.Search;

namespace ArchiveSearch.Search;

/// <summary>How much the search caches may hold; <see cref="Enabled"/> false turns every cache off.</summary>
public sealed record SearchCacheSettings
{
    public bool Enabled { get; init; } = true;
    public int MaxMegabytes { get; init; } = 64;
}

/// <summary>The caches' counters since start (or the last clear), and what they hold now.</summary>
public sealed record SearchCacheStats(
    bool Enabled, long Hits, long Misses, long Evictions, int Entries, int Filters, long Bytes, long MaxBytes);

/// <summary>What a query's first pass found, ranked, before a page is cut from it: what the result cache keeps.</summary>
internal sealed record FirstPass(TopDocs Top, FacetCounts Facets, string Match, int? MinimumMatch, string? Note,
    IReadOnlyList<string> Dropped)
{
    /// <summary>
    /// The bytes it takes on the heap, estimated from its parts: a ranked hit (a FieldDoc and its slot) 48, a facet value
    /// 40 and its string, and the records around them.
    /// </summary>
    public long Bytes { get; } = 512 + Top.ScoreDocs.Length * 48L
        + new[] { Facets.Section, Facets.Region, Facets.Year }.Sum(f => f.Sum(v => 40L + 24 + 2L * v.Value.Length))
        + (Note?.Length ?? 0) * 2L + Dropped.Sum(d => 32L + 2L * d.Length);
}

/// <summary>
/// The normalised request a first pass answers: the generation, the query text as folded (parsing is a function of it),
/// the folded filters, the order and how deep the ranking goes (every page within it shares the entry).
/// </summary>
internal readonly record struct ResultKey(string Generation, string? Query, string Sections, string Regions,
    DateOnly? From, DateOnly? To, SearchSort Sort, int Depth)
{
    public long Bytes => 96 + 2L * (Generation.Length + (Query?.Length ?? 0) + Sections.Length + Regions.Length);
}

/// <summary>
/// The result cache and the filter cache, as Solr's queryResultCache and filterCache. Generations never change once
/// published, so every key carries the generation it was computed on: an entry of an old generation can never answer
/// for a new one (and <see cref="Serving"/> drops them all once a new generation serves, to free the memory).
/// Both use BitFaster's ConcurrentLfu (W-TinyLFU): a query asked once is admitted only over a colder one, so a
/// stream of one-off queries does not flush the popular ones.
/// </summary>
internal sealed class SearchCache
{
    /// <summary>
    /// The most one result entry may take. The cache is bounded by count (ConcurrentLfu has no weigher), so the count is
    /// the byte budget over this, and a larger entry (a deep page's ranking, thousands of facet values) is not kept:
    /// count × largest entry is the bound. 100 ranked hits and 3 × 50 facet values come to about 15 KB; on the bundled corpus the mean is 1.6 KB.
    /// </summary>
    public const int EntryBudget = 16 * 1024;

    /// <summary>
    /// Date filters kept, each a compressed doc set per segment (at most maxDoc/8 bytes; 12.5 KB at 100k articles).
    /// They take an eighth of the budget; results the rest.
    /// </summary>
    private const int FilterShare = 8;

    private readonly ConcurrentLfu<ResultKey, FirstPass>? _results;
    private readonly ConcurrentLfu<(string Generation, DateOnly? From, DateOnly? To), Filter>? _filters;
    private readonly long _maxBytes;
    private readonly Lock _switch = new();
    private string? _serving;
    private long _hits, _misses;

    public SearchCache(SearchCacheSettings settings)
    {
        _maxBytes = settings.MaxMegabytes * 1024L * 1024;
        if (!settings.Enabled || settings.MaxMegabytes <= 0) return;
        var filterBytes = _maxBytes / FilterShare;
        _results = new ConcurrentLfu<ResultKey, FirstPass>(Math.Max(1, (int)((_maxBytes - filterBytes) / EntryBudget)));
        _filters = new ConcurrentLfu<(string, DateOnly?, DateOnly?), Filter>(Math.Clamp((int)(filterBytes / (16 * 1024)), 1, 1024));
    }

    public bool Enabled => _results is not null;

    /// <summary>The cached first pass of the key, or <paramref name="compute"/>'s, kept when it fits.</summary>
    public FirstPass Results(ResultKey key, Func<FirstPass> compute)
    {
        if (_results is null) return compute();
        if (_results.TryGet(key, out var cached))
        {
            Interlocked.Increment(ref _hits);
            return cached;
        }
        Interlocked.Increment(ref _misses);
        var computed = compute();
        if (computed.Bytes + key.Bytes <= EntryBudget) _results.AddOrUpdate(key, computed);
        return computed;
    }

    /// <summary>The date filter, its per-segment doc sets cached (CachingWrapperFilter keys them by segment core).</summary>
    public Filter? DateFilter(string generation, DateOnly? from, DateOnly? to, Func<Filter?> create)
    {
        if (from is null && to is null) return null;
        if (_filters is null) return create();
        return _filters.GetOrAdd((generation, from, to), _ => new CachingWrapperFilter(create()));
    }

    /// <summary>Drops every entry when the serving generation is not the one last seen (they can only be older).</summary>
    public void Serving(string? generation)
    {
        if (generation is null || Volatile.Read(ref _serving) == generation) return;
        lock (_switch)
        {
            if (_serving == generation) return;
            Clear();
            Volatile.Write(ref _serving, generation);
        }
    }

    public void Clear()
    {
        _results?.Clear();
        _filters?.Clear();
    }

    public SearchCacheStats Stats()
    {
        if (_results is null || _filters is null) return new SearchCacheStats(false, 0, 0, 0, 0, 0, 0, _maxBytes);
        // Pending reads and writes are applied first, so the counts are what the cache holds.
        _results.DoMaintenance();
        _filters.DoMaintenance();
        var bytes = _results.Sum(e => e.Key.Bytes + e.Value.Bytes)
                    + _filters.Sum(f => f.Value is CachingWrapperFilter c ? c.GetSizeInBytes() : 0);
        var evicted = (_results.Metrics.Value?.Evicted ?? 0) + (_filters.Metrics.Value?.Evicted ?? 0);
        return new SearchCacheStats(true, Interlocked.Read(ref _hits), Interlocked.Read(ref _misses), evicted,
            _results.Count, _filters.Count, bytes, _maxBytes);
    }
}
