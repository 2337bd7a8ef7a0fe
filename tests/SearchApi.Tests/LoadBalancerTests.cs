using System.Collections.Concurrent;
using System.Net;
using ArchiveSearch.Index;
using TestSupport;
using static SearchApi.Tests.Json;

namespace SearchApi.Tests;

/// <summary>Real nginx with deploy/nginx.conf in front of replicas that are real processes.</summary>
[Collection(ClusterCollection.Name)]
public sealed class LoadBalancerTests : IDisposable
{
    private readonly TempDirectory _temp = new();
    private readonly List<IDisposable> _parts = [];

    [Fact]
    public async Task Through_nginx_a_replica_killed_and_restarted_during_a_rebuild_costs_no_failed_request()
    {
        var primary = Primary();
        await primary.WaitReady();
        var replicas = new[] { Replica(primary, 1), Replica(primary, 2) };
        foreach (var replica in replicas) await replica.WaitReady();
        var nginx = Track(new Nginx(replicas.Select(r => r.Port)));
        using var client = new HttpClient { BaseAddress = nginx.Address, Timeout = TimeSpan.FromSeconds(30) };
        var expected = (await primary.Client.GetJson($"/api/search?q={Q("常州")}")).Int("total");

        using var stop = new CancellationTokenSource();
        var failures = new ConcurrentQueue<string>();
        var answered = 0;
        var load = Enumerable.Range(0, 4).Select(_ => Task.Run(async () =>
        {
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    using var response = await client.GetAsync($"/api/search?q={Q("常州")}");
                    var body = await response.Content.ReadAsStringAsync();
                    if (response.StatusCode != HttpStatusCode.OK || !body.Contains($"\"total\":{expected},"))
                        failures.Enqueue($"{(int)response.StatusCode} {body[..Math.Min(200, body.Length)]}");
                }
                catch (Exception e)
                {
                    failures.Enqueue(e.Message);
                }
                Interlocked.Increment(ref answered);
            }
        })).ToList();
        try
        {
            await Eventually.True(() => Task.FromResult(Volatile.Read(ref answered) >= 100), 30, "100 searches through nginx");
            replicas[0].Kill();
            var killedAt = Volatile.Read(ref answered);
            var job = await ReplicationTests.Reindex(primary);
            var generation = job.Str("generation");
            await Eventually.True(async () => (await replicas[1].Client.GetJson("/health/ready")).Str("generation") == generation,
                5, "the live replica on the new generation");
            replicas[0].Restart();
            await Eventually.True(async () => (await replicas[0].Get("/health/ready")) is { StatusCode: HttpStatusCode.OK } ready &&
                (await ready.ReadJson()).Str("generation") == generation, 30, "the restarted replica on the new generation");
            // Past nginx's fail_timeout (10 s) it sends the restarted replica requests again; let it take some.
            var restartedAt = Volatile.Read(ref answered);
            await Eventually.True(() => Task.FromResult(Volatile.Read(ref answered) >= restartedAt + 200), 60, "200 more searches");
            killedAt.Should().BeGreaterThanOrEqualTo(100);
        }
        finally
        {
            await stop.CancelAsync();
            await Task.WhenAll(load);
        }

        failures.Should().BeEmpty("nginx retries an idempotent request on the other replica; {0} searches answered", answered);
    }

    [Fact]
    public async Task Behind_nginx_each_client_address_has_its_own_rate_limit_and_a_forged_header_sent_directly_changes_nothing()
    {
        var primary = Primary();
        await primary.WaitReady();
        var replica = Replica(primary, 1, new()
        {
            ["Search:RateLimit:PermitsPerSecond"] = "1",
            ["Search:SlowQueryMs"] = "0",
        });
        await replica.WaitReady();
        var nginx = Track(new Nginx([replica.Port]));
        using var x = Loopback.From("127.0.0.2", nginx.Address);
        using var y = Loopback.From("127.0.0.3", nginx.Address);
        using var xDirect = Loopback.From("127.0.0.2", replica.Address);
        var search = $"/api/search?q={Q("常州")}";

        // One request a second per client: the three of x within a second cannot all pass, y's first must.
        var fromX = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++) fromX.Add((await x.GetAsync(search)).StatusCode);
        var fromY = (await y.GetAsync(search)).StatusCode;
        // x again, straight to the replica, claiming three other addresses: still x's empty bucket (one may refill).
        var forged = new List<HttpStatusCode>();
        foreach (var address in new[] { "10.9.8.7", "10.9.8.6", "10.9.8.5" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, search) { Headers = { { "X-Forwarded-For", address } } };
            forged.Add((await xDirect.SendAsync(request)).StatusCode);
        }

        fromX[0].Should().Be(HttpStatusCode.OK);
        fromX.Should().Contain(HttpStatusCode.TooManyRequests);
        fromY.Should().Be(HttpStatusCode.OK, "127.0.0.3 has a bucket of its own behind nginx");
        forged.Count(s => s == HttpStatusCode.TooManyRequests).Should().BeGreaterThanOrEqualTo(2, "a forged X-Forwarded-For is ignored");
        // The search log names the client as the replica saw it (and at 0 ms, searches taking 1 ms or more are warnings).
        await Eventually.True(() => Task.FromResult(replica.Output.Contains("client 127.0.0.3")), 5, "the search log");
        replica.Output.Should().Contain("warn: SearchApi.Searches").And.Contain("Slow search q=常州");
        var clients = replica.Output.Split('\n').Where(l => l.Contains("earch q=常州"))
            .Select(l => l[(l.LastIndexOf("client ", StringComparison.Ordinal) + 7)..]).ToList();
        clients.Should().Contain("127.0.0.2").And.Contain("127.0.0.3");
        clients.Should().OnlyContain(c => c == "127.0.0.2" || c == "127.0.0.3", "never nginx's address nor a forged one");
    }

    private ApiProcess Primary()
    {
        var index = _temp.Combine("primary");
        IndexRebuilder.Rebuild(RepoPaths.Corpus, index);
        return Track(new ApiProcess(new()
        {
            ["Search:IndexPath"] = index,
            ["Search:CorpusPath"] = RepoPaths.Corpus,
            ["Search:AdminApiKey"] = ApiFixture.AdminKey,
            ["Search:Replication:ApiKey"] = ClusterCollection.ReplicationKey,
        }));
    }

    private ApiProcess Replica(ApiProcess primary, int n, Dictionary<string, string?>? settings = null)
    {
        settings ??= [];
        settings["Search:IndexPath"] = _temp.Combine($"replica-{n}");
        settings["Search:Replication:PrimaryUrl"] = primary.Address.ToString();
        settings["Search:Replication:ApiKey"] = ClusterCollection.ReplicationKey;
        settings["Search:ForwardedHeaders:KnownProxies:0"] = "127.0.0.1";
        return Track(new ApiProcess(settings));
    }

    private T Track<T>(T part) where T : IDisposable
    {
        _parts.Add(part);
        return part;
    }

    public void Dispose()
    {
        foreach (var part in Enumerable.Reverse(_parts)) part.Dispose();
        _temp.Dispose();
    }
}
