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
/// <remarks>
/// <paramref name="Hits"/> and <paramref name="Misses"/> count the result cache's lookups (a first pass ranked or not);
/// <paramref name="PageHits"/> and <paramref name="PageMisses"/> the page cache's (a page's articles and snippets built
/// or not). <paramref name="Entries"/>, <paramref name="Pages"/> and <paramref name="Filters"/> are what each holds.
/// </remarks>
public sealed record SearchCacheStats(
    bool Enabled, long Hits, long Misses, long PageHits, long PageMisses, long Evictions, int Entries, int Pages, int Filters,
    long Bytes, long MaxBytes);

/// <summary>
/// The result cache, the page cache and the filter cache, as Solr's queryResultCache, documentCache and filterCache: a
/// first pass ranked, a page of it with its articles and snippets, and a date range's documents. A repeated query
/// costs two lookups and no parsing, matching, loading or highlighting. Generations never change once published, so
/// every key carries the generation it was computed on: an entry of an old generation can never answer for a new one
/// (and <see cref="Serving"/> drops them all once a new generation serves, to free the memory). All are W-TinyLFU
/// (<see cref="ByteBoundedLfu{TKey,TValue}"/> and BitFaster's ConcurrentLfu), so one-off queries do not flush the
/// popular ones.
/// </summary>
internal sealed class SearchCache
{
    /// <summary>
    /// Shares of the bound, in eighths. Date filters take one: each is a compressed doc set per segment (at most
    /// maxDoc/8 bytes, 12.5 KB at 100k articles), bounded by count at 16 KB each. Pages take three and first passes
    /// four: a page of ten hits with snippets is a few KB, like a first pass, and a first pass serves every page of it.
    /// </summary>
    private const int FilterEighths = 1, PageEighths = 3;

    /// <summary>
    /// What a first pass and a page typically take, which sets how many each cache holds before it evicts by frequency
    /// (the byte bound trims beyond that when entries run larger). Measured on the Zipf stream, a first pass and its
    /// page of ten with snippets come to about 5 KB together on the bundled corpus (12.7 MiB for 2,600 of each) and
    /// 15 KB at 100k articles (39 MiB), where the first pass holds 100 ranked hits.
    /// </summary>
    private const int TypicalResultBytes = 2 * 1024, TypicalPageBytes = 4 * 1024, FilterBytes = 16 * 1024;

    private readonly ByteBoundedLfu<ResultKey, FirstPass>? _results;
    private readonly ByteBoundedLfu<PageKey, IReadOnlyList<SearchHit>>? _pages;
    private readonly ConcurrentLfu<(string Generation, DateOnly? From, DateOnly? To), Filter>? _filters;
    private readonly long _maxBytes;
    private readonly Lock _switch = new();
    private string? _serving;
    private long _hits, _misses, _pageHits, _pageMisses;

    public SearchCache(SearchCacheSettings settings)
    {
        _maxBytes = settings.MaxMegabytes * 1024L * 1024;
        if (!settings.Enabled || settings.MaxMegabytes <= 0) return;
        var filterBytes = _maxBytes * FilterEighths / 8;
        var pageBytes = _maxBytes * PageEighths / 8;
        _results = new ByteBoundedLfu<ResultKey, FirstPass>(_maxBytes - filterBytes - pageBytes, TypicalResultBytes,
            static (key, first) => key.Bytes + first.Bytes);
        _pages = new ByteBoundedLfu<PageKey, IReadOnlyList<SearchHit>>(pageBytes, TypicalPageBytes,
            static (key, hits) => key.Bytes + PageKey.Of(hits));
        _filters = new ConcurrentLfu<(string, DateOnly?, DateOnly?), Filter>(Math.Clamp((int)(filterBytes / FilterBytes), 1, 1024));
    }

    /// <summary>The cached first pass of the key, or <paramref name="compute"/>'s, kept when it fits.</summary>
    public FirstPass Results(ResultKey key, Func<FirstPass> compute) => Lookup(_results, key, compute, ref _hits, ref _misses);

    /// <summary>The cached page of the key, or <paramref name="compute"/>'s, kept when it fits.</summary>
    public IReadOnlyList<SearchHit> Page(PageKey key, Func<IReadOnlyList<SearchHit>> compute) =>
        Lookup(_pages, key, compute, ref _pageHits, ref _pageMisses);

    private static TValue Lookup<TKey, TValue>(ByteBoundedLfu<TKey, TValue>? cache, TKey key, Func<TValue> compute,
        ref long hits, ref long misses)
        where TKey : notnull
        where TValue : class
    {
        if (cache is null) return compute();
        if (cache.TryGet(key, out var cached))
        {
            Interlocked.Increment(ref hits);
            return cached;
        }
        Interlocked.Increment(ref misses);
        var computed = compute();
        cache.Add(key, computed);
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
        _pages?.Clear();
        _filters?.Clear();
    }

    public SearchCacheStats Stats()
    {
        if (_results is null || _pages is null || _filters is null)
            return new SearchCacheStats(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, _maxBytes);
        // Pending reads and writes are applied first, so the counts are what the caches hold.
        _results.Settle();
        _pages.Settle();
        _filters.DoMaintenance();
        var bytes = _results.Bytes + _pages.Bytes + _filters.Sum(f => f.Value is CachingWrapperFilter c ? c.GetSizeInBytes() : 0);
        var evicted = _results.Evictions + _pages.Evictions + (_filters.Metrics.Value?.Evicted ?? 0);
        return new SearchCacheStats(true, Interlocked.Read(ref _hits), Interlocked.Read(ref _misses),
            Interlocked.Read(ref _pageHits), Interlocked.Read(ref _pageMisses), evicted,
            _results.Count, _pages.Count, _filters.Count, bytes, _maxBytes);
    }
}
