using System.Runtime.CompilerServices;
using ArchiveSearch.Search;
using Microsoft.Extensions.Options;

namespace SearchApi;

/// <summary>
/// The hits, facets and interpretations of the pages the library's caches hold, encoded once. A cached page's answer is
/// mostly those, and encoding them again on every hit was most of the JSON's cost, itself a fifth of the API's CPU on
/// cached searches (docs/performance.md); Elasticsearch's request cache keeps its answers serialised for the same reason.
/// Each encoding is keyed by the library's own page, facets or interpretation, weakly: it lives as long as the library
/// keeps them, so an eviction or a new generation drops it with them, and the library counts it in the caches' bound
/// (PageKey.Of, FirstPass.Bytes).
/// With the caches off every answer is new: nothing is encoded ahead, and the generated writers write it with the response.
/// </summary>
public sealed class EncodedAnswers(FastJsonWriters writers, IOptions<SearchOptions> options)
{
    private readonly bool _cached = options.Value.Cache.Enabled;
    private readonly ConditionalWeakTable<IReadOnlyList<SearchHit>, byte[]> _hits = new();
    private readonly ConditionalWeakTable<FacetCounts, byte[]> _facets = new();
    private readonly ConditionalWeakTable<QueryInterpretation, byte[]> _queries = new();

    /// <summary>The page's hits as JSON, or null with the caches off.</summary>
    public byte[]? Hits(IReadOnlyList<SearchHit> hits) => !_cached ? null
        : _hits.TryGetValue(hits, out var bytes) ? bytes
        : Keep(_hits, hits, writers.Encode(HitResponse.Of(hits)));

    /// <summary>The facets as JSON, or null with the caches off.</summary>
    public byte[]? Facets(FacetCounts facets) => !_cached ? null
        : _facets.TryGetValue(facets, out var bytes) ? bytes
        : Keep(_facets, facets, writers.Encode(FacetsResponse.From(facets)));

    /// <summary>How the query read as JSON, or null with the caches off.</summary>
    public byte[]? Query(QueryInterpretation query) => !_cached ? null
        : _queries.TryGetValue(query, out var bytes) ? bytes
        : Keep(_queries, query, writers.Encode(QueryResponse.Of(query)));

    /// <summary>Keeps the encoding; when two requests encoded the same page at once, both wrote the same bytes.</summary>
    private static byte[] Keep<TKey>(ConditionalWeakTable<TKey, byte[]> table, TKey key, byte[] bytes) where TKey : class
    {
        table.TryAdd(key, bytes);
        return bytes;
    }
}
