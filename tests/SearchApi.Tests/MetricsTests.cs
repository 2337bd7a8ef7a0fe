using System.Net;
using ArchiveSearch.Index;
using TestSupport;
using static SearchApi.Tests.Json;

namespace SearchApi.Tests;

/// <summary>
/// /metrics after known traffic, on a process of its own: metrics are process-wide, so the in-process apps of the
/// other tests would add to the counts.
/// </summary>
[Collection(ClusterCollection.Name)]
public sealed class MetricsTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private ApiProcess? _api;

    [Fact]
    public async Task Metrics_count_exactly_the_requests_searches_hits_and_rebuilds_that_were_made_and_each_search_is_logged()
    {
        var index = _temp.Combine("index");
        IndexRebuilder.Rebuild(RepoPaths.Corpus, index);
        _api = new ApiProcess(new()
        {
            ["Search:IndexPath"] = index,
            ["Search:CorpusPath"] = RepoPaths.Corpus,
            ["Search:AdminApiKey"] = ApiFixture.AdminKey,
        });
        await _api.WaitReady();
        var client = _api.Client;

        var totals = new List<int>();
        for (var i = 0; i < 3; i++) totals.Add((await client.GetJson($"/api/search?q={Q("人工智能")}")).Int("total"));
        var browsed = new List<int>();
        for (var i = 0; i < 2; i++) browsed.Add((await client.GetJson($"/api/search?section={Q("聚焦常州")}")).Int("total"));
        await client.GetJson($"/api/search?q={Q("\"人工智能")}", HttpStatusCode.BadRequest);
        await client.GetJson("/api/articles/no-such-article", HttpStatusCode.NotFound);
        var job = await ReplicationTests.Reindex(_api);
        await Eventually.True(async () => (await client.GetJson("/health/ready")).Str("generation") == job.Str("generation"), 5, "new generation");

        var text = await client.GetStringAsync("/metrics");

        double Sum(string name, params string[] labels) => Prometheus.Sum(text, name, labels);
        const string duration = "http_server_request_duration_seconds_count";
        Sum(duration, "http_route=\"/api/search\"", "http_response_status_code=\"200\"").Should().Be(5);
        Sum(duration, "http_route=\"/api/search\"", "http_response_status_code=\"400\"").Should().Be(1);
        Sum(duration, "http_route=\"/api/articles/{id}\"", "http_response_status_code=\"404\"").Should().Be(1);
        Sum(duration, "http_route=\"/api/admin/reindex\"", "http_response_status_code=\"202\"").Should().Be(1);
        Sum("archive_search_search_duration_seconds_count", "match=\"all\"").Should().Be(3);
        Sum("archive_search_search_duration_seconds_count", "match=\"browse\"").Should().Be(2);
        Sum("archive_search_search_duration_seconds_count").Should().Be(5, "a bad request is not a search");
        Sum("archive_search_search_hits_sum", "match=\"all\"").Should().Be(totals.Sum());
        Sum("archive_search_search_hits_sum", "match=\"browse\"").Should().Be(browsed.Sum());
        // Each query ranked and its page built once, then answered from the caches (the rebuild empties them, not the counts).
        Sum("archive_search_cache_misses_total", "cache=\"results\"").Should().Be(2);
        Sum("archive_search_cache_hits_total", "cache=\"results\"").Should().Be(3);
        Sum("archive_search_cache_misses_total", "cache=\"pages\"").Should().Be(2);
        Sum("archive_search_cache_hits_total", "cache=\"pages\"").Should().Be(3);
        Sum("archive_search_rebuild_duration_seconds_count", "outcome=\"succeeded\"").Should().Be(1);
        Sum("archive_search_rebuild_duration_seconds_count", "outcome=\"failed\"").Should().Be(0);
        Sum("archive_search_index_documents").Should().Be(79);
        Sum("archive_search_index_age_seconds").Should().BeInRange(0, 60, "the generation was built seconds ago");
        text.Should().NotContain("archive_search_replication_lag", "a primary has no replication lag");
        text.Should().Contain("service_name=\"archive-search\"", "every instance reports as the one service");
        text.Should().Contain("aspnetcore_rate_limiting_requests_total").And.Contain("kestrel_active_connections");
        text.Should().NotContainAny(["aspnetcore_memory_pool_", "aspnetcore_routing_match_attempts",
            "aspnetcore_rate_limiting_request_lease_duration"], "requests' durations and routes are in http_server_request_duration_seconds");

        var logged = _api.Output.Split('\n').Where(l => l.Contains("earch q=")).ToList();
        logged.Should().HaveCount(5, "one line per search");
        logged.Count(l => l.Contains($"q=人工智能 ") && l.Contains($": {totals[0]} hits, match all,")).Should().Be(3);
        logged.Count(l => l.Contains("sections=聚焦常州") && l.Contains($": {browsed[0]} hits, match browse,")).Should().Be(2);
    }

    public void Dispose()
    {
        _api?.Dispose();
        _temp.Dispose();
    }
}
