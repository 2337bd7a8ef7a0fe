using System.Net;
using System.Text.Json.Nodes;
using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using TestSupport;
using static SearchApi.Tests.Json;

namespace SearchApi.Tests;

/// <summary>A primary and replicas as real processes on real ports, copying real generations.</summary>
[Collection(ClusterCollection.Name)]
public sealed class ReplicationTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly List<ApiProcess> _processes = [];

    [Fact]
    public async Task A_rebuild_on_the_primary_with_a_new_issue_is_answered_by_both_replicas_within_5_seconds()
    {
        // The primary starts on four issues; the fifth arrives later, as a new issue would.
        var corpus = Directory.CreateDirectory(_temp.Combine("corpus")).FullName;
        var newIssue = RepoPaths.CorpusFiles[^1];
        foreach (var file in RepoPaths.CorpusFiles[..^1]) File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        var added = CorpusReader.ReadFile(newIssue)[0];
        var primary = Primary(corpus);
        await primary.WaitReady();
        var replicas = new[] { Replica(primary), Replica(primary) };
        foreach (var replica in replicas) await replica.WaitReady();
        var first = (await primary.Client.GetJson("/health/ready")).Str("generation");
        foreach (var replica in replicas)
        {
            (await replica.Client.GetAsync($"/api/articles/{added.Id}")).StatusCode.Should().Be(HttpStatusCode.NotFound);
            (await replica.Client.GetJson("/health/ready")).Int("articles").Should().Be(79 - CorpusReader.ReadFile(newIssue).Count);
        }

        File.Copy(newIssue, Path.Combine(corpus, Path.GetFileName(newIssue)));
        var job = await Reindex(primary);
        var published = System.Diagnostics.Stopwatch.StartNew();

        job.Int("articles").Should().Be(79);
        foreach (var replica in replicas)
        {
            await Eventually.True(async () => (await replica.Get($"/api/articles/{added.Id}"))?.StatusCode == HttpStatusCode.OK,
                5 - published.Elapsed.TotalSeconds, $"{added.Id} on replica {replica.Port}");
            (await replica.Client.GetJson($"/api/articles/{added.Id}")).Str("title").Should().Be(added.Title);
            var ready = await replica.Client.GetJson("/health/ready");
            ready.Str("generation").Should().Be(job.Str("generation"));
            ready.Int("articles").Should().Be(79);
            ready["replication"]!.Str("primaryGeneration").Should().Be(job.Str("generation"));
            (await replica.Metric("archive_search_replication_installs_total")).Should().Be(2);
        }
        foreach (var index in new[] { 1, 2 }.Select(n => _temp.Combine($"replica-{n}")))
            Generations(index).Select(Path.GetFileName).Should().BeEquivalentTo([first, job.Str("generation")],
                "a replica keeps the generation it served before for rollback, as a rebuild does");
        published.Elapsed.Should().BeLessThan(TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task A_replica_killed_during_a_download_publishes_nothing_and_resumes_the_copy_when_restarted()
    {
        var primary = Primary(indexed: true);
        await primary.WaitReady();
        var manifest = await Manifest(primary);
        var total = manifest["files"].Items().Sum(f => f["size"]!.GetValue<long>());
        // 100 kB/s: the copy of the ~0.9 MB index takes ~9 s, and the kill comes after the first 150 kB.
        var replica = Replica(primary, new() { ["Search:Replication:MaxBytesPerSecond"] = "100000" });
        var index = replica.IndexPath;
        var incoming = Path.Combine(index, "incoming");
        await Eventually.True(() => Task.FromResult(BytesUnder(incoming) >= 150_000), 30, "150 kB copied");

        replica.Process.Kill();

        var partial = BytesUnder(incoming);
        partial.Should().BeLessThan(total);
        File.Exists(Path.Combine(index, "CURRENT")).Should().BeFalse("nothing is published before the copy is complete");
        Generations(index).Should().BeEmpty();
        replica.Process.Restart(new() { ["Search:Replication:MaxBytesPerSecond"] = "0" });
        await replica.Process.WaitReady(30);
        var ready = await replica.Process.Client.GetJson("/health/ready");
        ready.Str("generation").Should().Be(manifest.Str("generation"));
        ready.Int("articles").Should().Be(79);
        (await replica.Process.Metric("archive_search_replication_received_bytes_total")).Should().Be(total - partial,
            "the restarted replica fetches only what the killed one had not");
        Directory.GetDirectories(incoming).Should().BeEmpty();
        await SameAnswers(primary, replica.Process);
    }

    [Fact]
    public async Task A_file_that_fails_its_checksum_is_discarded_and_fetched_again_and_never_served()
    {
        var primary = Primary(indexed: true);
        await primary.WaitReady();
        var manifest = await Manifest(primary);
        // Corrupt the largest file after the primary computed its checksum: what it sends no longer matches.
        var file = manifest["files"].Items().MaxBy(f => f["size"]!.GetValue<long>())!.Str("name");
        var path = Path.Combine(_temp.Combine("primary"), manifest.Str("generation"), file);
        var original = File.ReadAllBytes(path);
        var corrupt = (byte[])original.Clone();
        corrupt[corrupt.Length / 2] ^= 0xFF;
        File.WriteAllBytes(path, corrupt);
        var replica = Replica(primary, new() { ["Search:Replication:PollSeconds"] = "0.2" });

        await Eventually.True(async () => await replica.Process.Metric("archive_search_replication_failures_total", "reason=\"checksum\"") >= 3,
            30, "three checksum failures");
        var notReady = await replica.Process.Client.GetJson("/health/ready", HttpStatusCode.ServiceUnavailable);
        notReady["replication"]!.Str("lastError").Should().Contain(file).And.Contain("SHA-256");
        File.Exists(Path.Combine(replica.IndexPath, "CURRENT")).Should().BeFalse();
        Generations(replica.IndexPath).Should().BeEmpty();
        (await replica.Process.Get("/health/live"))!.StatusCode.Should().Be(HttpStatusCode.OK, "a replica without an index is live");

        File.WriteAllBytes(path, original);
        await replica.Process.WaitReady(30);
        (await replica.Process.Client.GetJson("/health/ready")).Str("generation").Should().Be(manifest.Str("generation"));
        await SameAnswers(primary, replica.Process);
    }

    [Fact]
    public async Task While_the_primary_is_down_the_replicas_keep_answering_and_say_so()
    {
        var primary = Primary(indexed: true);
        await primary.WaitReady();
        var replicas = new[] { Replica(primary), Replica(primary) };
        foreach (var replica in replicas) await replica.WaitReady();
        var expected = (await primary.Client.GetJson($"/api/search?q={Q("人工智能")}")).Int("total");

        primary.Kill();

        foreach (var replica in replicas)
        {
            await Eventually.True(async () =>
                (await replica.Client.GetJson("/health/ready"))["replication"]!["primaryReachable"]!.GetValue<bool>() == false,
                10, "primary reported unreachable");
            (await replica.Client.GetJson($"/api/search?q={Q("人工智能")}")).Int("total").Should().Be(expected);
            var ready = (await replica.Client.GetJson("/health/ready"))["replication"]!;
            ready.Str("lastError").Should().Contain("cannot be reached");
            ready["inSync"]!.GetValue<bool>().Should().BeFalse();
            ready["secondsSinceContact"]!.GetValue<double>().Should().BeGreaterThan(0);
            (await replica.Metric("archive_search_replication_failures_total", "reason=\"unreachable\"")).Should().BeGreaterThan(0);
        }
    }

    [Fact]
    public async Task A_replica_with_the_wrong_key_copies_nothing_and_says_why()
    {
        var primary = Primary(indexed: true);
        await primary.WaitReady();
        var replica = Replica(primary, new() { ["Search:Replication:ApiKey"] = "not-the-key", ["Search:Replication:PollSeconds"] = "0.2" });

        await Eventually.True(async () => await replica.Process.Metric("archive_search_replication_failures_total", "reason=\"refused\"") >= 1,
            30, "a refused poll");
        var notReady = await replica.Process.Client.GetJson("/health/ready", HttpStatusCode.ServiceUnavailable);
        notReady["replication"]!.Str("lastError").Should().Contain("401");
        Generations(replica.IndexPath).Should().BeEmpty();
    }

    private ApiProcess Primary(string? corpus = null, bool indexed = false)
    {
        var index = _temp.Combine("primary");
        if (indexed) IndexRebuilder.Rebuild(RepoPaths.Corpus, index);
        return Track(new ApiProcess(new()
        {
            ["Search:IndexPath"] = index,
            ["Search:CorpusPath"] = corpus ?? RepoPaths.Corpus,
            ["Search:AdminApiKey"] = ApiFixture.AdminKey,
            ["Search:Replication:ApiKey"] = ClusterCollection.ReplicationKey,
        }));
    }

    private ApiProcess Replica(ApiProcess primary) => Replica(primary, []).Process;

    private (ApiProcess Process, string IndexPath) Replica(ApiProcess primary, Dictionary<string, string?> settings)
    {
        var index = _temp.Combine($"replica-{_processes.Count}");
        settings["Search:IndexPath"] = index;
        settings.TryAdd("Search:Replication:PrimaryUrl", primary.Address.ToString());
        settings.TryAdd("Search:Replication:ApiKey", ClusterCollection.ReplicationKey);
        settings.TryAdd("Search:AdminApiKey", ApiFixture.AdminKey);
        return (Track(new ApiProcess(settings)), index);
    }

    private ApiProcess Track(ApiProcess process)
    {
        _processes.Add(process);
        return process;
    }

    private static async Task<JsonNode> Manifest(ApiProcess primary)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/replication/manifest")
            { Headers = { { "X-Api-Key", ClusterCollection.ReplicationKey } } };
        using var response = await primary.Client.SendAsync(request);
        return await response.ReadJson();
    }

    /// <summary>Starts a rebuild on the primary and waits for it to succeed.</summary>
    internal static async Task<JsonNode> Reindex(ApiProcess primary)
    {
        using var start = new HttpRequestMessage(HttpMethod.Post, "/api/admin/reindex") { Headers = { { "X-Api-Key", ApiFixture.AdminKey } } };
        using var started = await primary.Client.SendAsync(start);
        var location = started.Headers.Location!.ToString();
        (await started.ReadJson(HttpStatusCode.Accepted)).Str("status").Should().Be("running");
        JsonNode job = null!;
        await Eventually.True(async () =>
        {
            using var get = new HttpRequestMessage(HttpMethod.Get, location) { Headers = { { "X-Api-Key", ApiFixture.AdminKey } } };
            using var response = await primary.Client.SendAsync(get);
            job = await response.ReadJson();
            return job.Str("status") != "running";
        }, 60, "rebuild finished");
        job.Str("status").Should().Be("succeeded", job.ToJsonString());
        return job;
    }

    private static async Task SameAnswers(ApiProcess primary, ApiProcess replica)
    {
        foreach (var q in new[] { "人工智能", "概念验证中心", "常州 融资" })
        {
            var expected = (await primary.Client.GetJson($"/api/search?q={Q(q)}"))["hits"].Items().Select(h => h.Str("id"));
            (await replica.Client.GetJson($"/api/search?q={Q(q)}"))["hits"].Items().Select(h => h.Str("id"))
                .Should().Equal(expected, q);
        }
    }

    private static string[] Generations(string index) => Directory.Exists(index) ? Directory.GetDirectories(index, "gen-*") : [];

    private static long BytesUnder(string folder) =>
        Directory.Exists(folder) ? Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length) : 0;

    public void Dispose()
    {
        foreach (var process in _processes) process.Dispose();
        _temp.Dispose();
    }
}
