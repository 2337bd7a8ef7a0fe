using System.Runtime.CompilerServices;
using ArchiveSearch.Search;
using Microsoft.Extensions.Options;

namespace SearchApi;

/// <summary>
/// The hits and facets of the pages the library's caches hold, encoded once. A cached page's answer is mostly those two,
/// and encoding them again on every hit was most of the JSON's cost, itself a fifth of the API's CPU on cached searches
/// (docs/performance.md); Elasticsearch's request cache keeps its answers serialised for the same reason. Each encoding
/// is keyed by the library's own page or first pass, weakly: it lives as long as the library keeps them, so an eviction
/// or a new generation drops it with them, and the library counts it in the caches' bound (PageKey.Of, FirstPass.Bytes).
/// With the caches off every answer is new, so nothing is kept.
/// </summary>
public sealed class EncodedPages(FastJsonWriters writers, IOptions<SearchOptions> options)
{
    private readonly bool _cached = options.Value.Cache.Enabled;
    private readonly ConditionalWeakTable<IReadOnlyList<SearchHit>, byte[]> _hits = new();
    private readonly ConditionalWeakTable<FacetCounts, byte[]> _facets = new();

    public byte[] Hits(IReadOnlyList<SearchHit> hits) =>
        Lookup(_hits, hits) ?? Keep(_hits, hits, writers.Encode<IReadOnlyList<HitResponse>>([.. hits.Select(HitResponse.From)]));

    public byte[] Facets(FacetCounts facets) =>
        Lookup(_facets, facets) ?? Keep(_facets, facets, writers.Encode(FacetsResponse.From(facets)));

    private byte[]? Lookup<TKey>(ConditionalWeakTable<TKey, byte[]> table, TKey key) where TKey : class =>
        _cached && table.TryGetValue(key, out var bytes) ? bytes : null;

    /// <summary>Keeps the encoding; when two requests encoded the same page at once, both wrote the same bytes.</summary>
    private byte[] Keep<TKey>(ConditionalWeakTable<TKey, byte[]> table, TKey key, byte[] bytes) where TKey : class
    {
        if (_cached) table.TryAdd(key, bytes);
        return bytes;
    }
}
