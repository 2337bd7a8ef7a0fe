using System.Net;
using System.Text.Json.Nodes;
using ArchiveSearch.Index;
using TestSupport;
using static SearchApi.Tests.Json;

namespace SearchApi.Tests;

[Collection(ApiFixture.Collection)]
public sealed class AdminAndLimitTests(ApiFixture api)
{
    [Fact]
    public async Task Reindex_without_the_right_key_is_refused_with_401()
    {
        using var none = await api.Client.PostAsync("/api/admin/reindex", null);
        using var wrong = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex") { Headers = { { "X-Api-Key", "guess" } } };
        using var wrongResponse = await api.Client.SendAsync(wrong);

        (await none.ReadJson(HttpStatusCode.Unauthorized)).Str("detail").Should().Contain("X-Api-Key");
        wrongResponse.StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task Reindex_is_always_refused_when_no_key_is_configured()
    {
        using var factory = api.Start([]);
        using var client = factory.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex") { Headers = { { "X-Api-Key", "" } } };

        using var response = await client.SendAsync(request);

        (await response.ReadJson(HttpStatusCode.Unauthorized)).Str("detail").Should().Contain("no Search:AdminApiKey");
    }

    [Fact]
    public async Task Reindex_runs_in_the_background_one_at_a_time_and_the_api_serves_the_new_generation()
    {
        // The rebuild takes well under a second here, so a second request could arrive after it ended: hold it open.
        using var corpus = new HeldCorpus();
        using var factory = api.Start(new() { ["Search:AdminApiKey"] = ApiFixture.AdminKey, ["Search:CorpusPath"] = corpus.Path });
        using var client = factory.CreateClient();
        var before = (await client.GetJson("/health/ready")).Str("generation");
        var expectedTitles = (await client.GetJson($"/api/search?q={Q("人工智能")}"))["hits"].Items().Select(h => h.Str("title")).ToList();

        JsonNode job, second, whileHeld;
        using (var started = await PostReindex(client))
        {
            try
            {
                job = await started.ReadJson(HttpStatusCode.Accepted);
                started.Headers.Location!.ToString().Should().Be($"/api/admin/reindex/{job.Str("id")}");
                using var secondResponse = await PostReindex(client);
                second = await secondResponse.ReadJson(HttpStatusCode.Conflict);
                whileHeld = await GetJob(client, started.Headers.Location!.ToString());
            }
            finally
            {
                // Always let the rebuild finish, or it would hold the rebuild lock for the tests after this one.
                await corpus.Release();
            }
        }

        job.Str("status").Should().Be("running");
        second.Str("detail").Should().Contain(job.Str("id"));
        whileHeld.Str("status").Should().Be("running");
        var status = await WaitForJob(client, $"/api/admin/reindex/{job.Str("id")}");
        status.Str("status").Should().Be("succeeded");
        status.Int("articles").Should().Be(79);
        var after = await WaitForGeneration(client, status.Str("generation"));
        after.Should().NotBe(before);
        (await client.GetJson($"/api/search?q={Q("人工智能")}"))["hits"].Items().Select(h => h.Str("title"))
            .Should().Equal(expectedTitles);
        (await WaitForGeneration(api.Client, status.Str("generation"))).Should().Be(status.Str("generation"),
            "the other app over the same index picks the new generation up within two seconds");
    }

    [Fact]
    public async Task A_rebuild_by_the_indexer_is_picked_up_within_two_seconds()
    {
        var summary = IndexRebuilder.Rebuild(TestSupport.RepoPaths.Corpus, api.Index.IndexDir);

        (await WaitForGeneration(api.Client, summary.Generation)).Should().Be(summary.Generation);
    }

    [Fact]
    public async Task Without_an_index_the_service_starts_live_builds_one_from_the_corpus_and_then_becomes_ready()
    {
        using var corpus = new HeldCorpus();
        using var index = new TempDirectory();
        using var factory = new SearchApiFactory(new() { ["Search:IndexPath"] = index.Path, ["Search:CorpusPath"] = corpus.Path });
        using var client = factory.CreateClient();

        JsonNode live, notReady, searchWhileBuilding;
        try
        {
            live = await client.GetJson("/health/live");
            notReady = await client.GetJson("/health/ready", HttpStatusCode.ServiceUnavailable);
            searchWhileBuilding = await client.GetJson($"/api/search?q={Q("人工智能")}", HttpStatusCode.ServiceUnavailable);
        }
        finally
        {
            await corpus.Release();
        }

        live.Str("status").Should().Be("live");
        notReady.Str("detail").Should().Contain("first build");
        searchWhileBuilding.Str("detail").Should().Be(notReady.Str("detail"));
        var deadline = DateTime.UtcNow.AddSeconds(60);
        HttpResponseMessage ready;
        while ((ready = await client.GetAsync("/health/ready")).StatusCode != HttpStatusCode.OK && DateTime.UtcNow < deadline)
        {
            ready.Dispose();
            await Task.Delay(100);
        }
        using (ready) (await ready.ReadJson()).Int("articles").Should().Be(79);
        (await client.GetJson($"/api/search?q={Q("人工智能")}")).Int("total").Should().BeGreaterThan(0);
        File.ReadAllText(Path.Combine(index.Path, "CURRENT")).Trim().Should().StartWith("gen-");
    }

    [Fact]
    public async Task The_per_client_rate_limit_answers_429_with_retry_after()
    {
        // One request a second: six in a row cannot all pass unless the machine takes five seconds for them.
        using var factory = api.Start(new() { ["Search:RateLimit:PermitsPerSecond"] = "1" });
        using var client = factory.CreateClient();

        var responses = new List<HttpResponseMessage>();
        for (var i = 0; i < 6; i++) responses.Add(await client.GetAsync($"/api/search?q={Q("常州")}"));

        responses[0].StatusCode.Should().Be(HttpStatusCode.OK);
        var refused = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        refused.Should().NotBeEmpty();
        refused[0].Headers.RetryAfter!.Delta!.Value.TotalSeconds.Should().BeGreaterThanOrEqualTo(1);
        (await refused[0].ReadJson(HttpStatusCode.TooManyRequests)).Str("title").Should().Be("Too many requests");
        (await client.GetAsync("/health/live")).StatusCode.Should().Be(HttpStatusCode.OK, "health checks are not rate limited");
        responses.ForEach(r => r.Dispose());
    }

    [Fact]
    public async Task Beyond_the_concurrent_searches_and_their_queue_the_answer_is_429()
    {
        // Caches off, so every search does its whole work: a cached answer returns too quickly for a hundred requests
        // to overlap reliably (ten bursts once passed without a refusal, in CI from a fresh clone).
        using var factory = api.Start(new()
        {
            ["Search:MaxConcurrentSearches"] = "1", ["Search:SearchQueueLimit"] = "0", ["Search:Cache:Enabled"] = "false",
        });
        using var client = factory.CreateClient();

        // Whether two requests overlap is up to the scheduler: burst until one is refused (or ten bursts pass).
        var responses = new List<HttpResponseMessage>();
        for (var burst = 0; burst < 10 && !responses.Any(r => r.StatusCode == HttpStatusCode.TooManyRequests); burst++)
            responses.AddRange(await Task.WhenAll(Enumerable.Range(0, 100).Select(_ => client.GetAsync($"/api/search?q={Q("发展 创新")}&pageSize=100"))));

        responses.Should().Contain(r => r.StatusCode == HttpStatusCode.OK);
        responses.Should().Contain(r => r.StatusCode == HttpStatusCode.TooManyRequests && r.Headers.RetryAfter != null);
        responses.Should().OnlyContain(r => r.StatusCode == HttpStatusCode.OK || r.StatusCode == HttpStatusCode.TooManyRequests);
        foreach (var r in responses) r.Dispose();
    }

    [Fact]
    public void Invalid_configuration_stops_start_up_with_a_message_naming_the_setting()
    {
        var start = () => new SearchApiFactory(new()
        {
            ["Search:IndexPath"] = Path.Combine(Path.GetTempPath(), "no-index-" + Guid.NewGuid()),
            ["Search:CorpusPath"] = "/no/such/corpus",
        }, kestrel: false);

        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("Search:CorpusPath"));
    }

    private static Task<HttpResponseMessage> PostReindex(HttpClient client) =>
        client.SendAsync(new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex") { Headers = { { "X-Api-Key", ApiFixture.AdminKey } } });

    private static async Task<JsonNode> GetJob(HttpClient client, string location)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, location) { Headers = { { "X-Api-Key", ApiFixture.AdminKey } } };
        using var response = await client.SendAsync(request);
        return await response.ReadJson();
    }

    private static async Task<JsonNode> WaitForJob(HttpClient client, string location)
    {
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            var job = await GetJob(client, location);
            if (job.Str("status") != "running" || DateTime.UtcNow > deadline) return job;
            await Task.Delay(100);
        }
    }

    private static async Task<string> WaitForGeneration(HttpClient client, string generation)
    {
        var deadline = DateTime.UtcNow.AddSeconds(2);
        string current;
        do
        {
            current = (await client.GetJson("/health/ready")).Str("generation");
            if (current == generation) break;
            await Task.Delay(50);
        } while (DateTime.UtcNow < deadline);
        return current;
    }
}
