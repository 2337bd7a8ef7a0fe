using System.Diagnostics.Metrics;
using ArchiveSearch.Index;
using ArchiveSearch.Search;
using SearchApi.Replication;

namespace SearchApi.Observability;

/// <summary>
/// The API's own instruments (HTTP request rate and latency per route come from the ASP.NET Core instrumentation):
/// searches, the serving generation, rebuilds and replication. Exported at /metrics; the library knows nothing of them.
/// </summary>
public sealed class ApiMetrics
{
    public const string MeterName = "ArchiveSearch.Api";

    private readonly Histogram<double> _searchDuration;
    private readonly Histogram<long> _searchHits;
    private readonly Histogram<double> _rebuildDuration;
    private readonly Counter<long> _replicationFailures;
    private readonly Counter<long> _replicationBytes;
    private readonly Counter<long> _replicationInstalls;

    public ApiMetrics(IMeterFactory meters, ArchiveSearcher searcher, ReplicaState replica, TimeProvider clock)
    {
        var meter = meters.Create(MeterName);
        _searchDuration = meter.CreateHistogram("archive_search.search.duration", "s",
            "Time to answer a search, from parsing to the last snippet (by how the query matched: all, relaxed, browse, none).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });
        _searchHits = meter.CreateHistogram<long>("archive_search.search.hits", "{article}",
            "Total matches of a search.",
            advice: new InstrumentAdvice<long> { HistogramBucketBoundaries = [0, 1, 3, 10, 30, 100, 300, 1000, 10_000, 100_000] });
        _rebuildDuration = meter.CreateHistogram("archive_search.rebuild.duration", "s",
            "Time an admin rebuild took, by outcome (succeeded, failed).",
            advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [1, 5, 15, 30, 60, 120, 300, 600, 1800] });
        meter.CreateObservableGauge("archive_search.index.documents", () => Documents(searcher), "{article}",
            "Articles in the serving generation.");
        meter.CreateObservableGauge("archive_search.index.age", () => Age(searcher, clock), "s",
            "Seconds since the serving generation was built.");
        meter.CreateObservableGauge("archive_search.replication.lag", () => Optional(replica.Lag), "s",
            "On a replica: seconds since it last served the primary's generation (0 while it does).");
        meter.CreateObservableGauge("archive_search.replication.since_contact", () => Optional(replica.SecondsSinceContact), "s",
            "On a replica: seconds since it last reached the primary.");
        meter.CreateObservableCounter("archive_search.cache.hits", () => Lookups(searcher.CacheStats, hit: true), "{lookup}",
            "Lookups answered from the search caches, by cache: results (a ranked first pass), pages (articles and snippets).");
        meter.CreateObservableCounter("archive_search.cache.misses", () => Lookups(searcher.CacheStats, hit: false), "{lookup}",
            "Lookups the search caches did not hold (computed, then kept when they fit), by cache: results, pages.");
        meter.CreateObservableCounter("archive_search.cache.evictions", () => searcher.CacheStats.Evictions, "{entry}",
            "Result, page and filter cache entries evicted to stay within Search:Cache:MaxMegabytes.");
        meter.CreateObservableGauge("archive_search.cache.size", () => searcher.CacheStats.Bytes, "By",
            "Estimated bytes the result, page and filter caches hold.");
        meter.CreateObservableGauge("archive_search.cache.entries", () => Entries(searcher.CacheStats), "{entry}",
            "Entries the search caches hold, by cache: results, pages, filters.");
        _replicationFailures = meter.CreateCounter<long>("archive_search.replication.failures", "{failure}",
            "Replica polls or copies that failed, by reason (unreachable, checksum, documents, refused).");
        _replicationBytes = meter.CreateCounter<long>("archive_search.replication.received", "By",
            "Bytes a replica downloaded from the primary.");
        _replicationInstalls = meter.CreateCounter<long>("archive_search.replication.installs", "{generation}",
            "Generations a replica copied, verified and switched to.");
    }

    public void Searched(TimeSpan elapsed, int total, string match)
    {
        var tag = new KeyValuePair<string, object?>("match", match);
        _searchDuration.Record(elapsed.TotalSeconds, tag);
        _searchHits.Record(total, tag);
    }

    public void Rebuilt(TimeSpan elapsed, bool succeeded) =>
        _rebuildDuration.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("outcome", succeeded ? "succeeded" : "failed"));

    public void ReplicationFailed(string reason) => _replicationFailures.Add(1, new KeyValuePair<string, object?>("reason", reason));

    public void ReplicationReceived(long bytes) => _replicationBytes.Add(bytes);

    public void ReplicationInstalled() => _replicationInstalls.Add(1);

    private static Measurement<long>[] Lookups(SearchCacheStats stats, bool hit) =>
    [
        new(hit ? stats.Hits : stats.Misses, new KeyValuePair<string, object?>("cache", "results")),
        new(hit ? stats.PageHits : stats.PageMisses, new KeyValuePair<string, object?>("cache", "pages")),
    ];

    private static Measurement<int>[] Entries(SearchCacheStats stats) =>
    [
        new(stats.Entries, new KeyValuePair<string, object?>("cache", "results")),
        new(stats.Pages, new KeyValuePair<string, object?>("cache", "pages")),
        new(stats.Filters, new KeyValuePair<string, object?>("cache", "filters")),
    ];

    private static IEnumerable<Measurement<long>> Documents(ArchiveSearcher searcher)
    {
        if (searcher.Generation is null) return [];
        return [new Measurement<long>(searcher.DocumentCount)];
    }

    private static IEnumerable<Measurement<double>> Age(ArchiveSearcher searcher, TimeProvider clock) =>
        searcher.Generation is { } name && IndexLayout.CreatedAt(name) is { } created
            ? [new Measurement<double>(Math.Round((clock.GetUtcNow() - created).TotalSeconds, 1))]
            : [];

    private static IEnumerable<Measurement<double>> Optional(double? value) =>
        value is { } v ? [new Measurement<double>(v)] : [];
}
