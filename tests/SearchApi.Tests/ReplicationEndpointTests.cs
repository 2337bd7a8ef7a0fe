using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using TestSupport;

namespace SearchApi.Tests;

/// <summary>What the primary publishes, and who may read it; and that a replica will not rebuild.</summary>
[Collection(ApiFixture.Collection)]
public sealed class ReplicationEndpointTests(ApiFixture api)
{
    private const string Key = "replication-key";

    [Fact]
    public async Task The_manifest_and_files_need_the_replication_key_not_the_admin_key()
    {
        using var factory = api.Start(new() { ["Search:AdminApiKey"] = ApiFixture.AdminKey, ["Search:Replication:ApiKey"] = Key });
        using var client = factory.CreateClient();
        var manifest = await Get(client, "/replication/manifest", Key);
        var file = Str(manifest, "files", 0, "name");
        var fileUrl = $"/replication/generations/{manifest.Str("generation")}/files/{file}";

        foreach (var url in new[] { "/replication/manifest", fileUrl })
        {
            foreach (var key in new[] { null, "guess", ApiFixture.AdminKey })
            {
                using var request = new HttpRequestMessage(HttpMethod.Get, url);
                if (key is not null) request.Headers.Add("X-Api-Key", key);
                using var response = await client.SendAsync(request);
                (await response.ReadJson(HttpStatusCode.Unauthorized)).Str("detail").Should().Contain("X-Api-Key");
            }
        }
        using var unconfigured = api.Start([]);
        using var unconfiguredClient = unconfigured.CreateClient();
        (await Send(unconfiguredClient, "/replication/manifest", "")).StatusCode.Should().Be(HttpStatusCode.Unauthorized);
    }

    [Fact]
    public async Task The_manifest_lists_every_file_of_the_serving_generation_with_its_size_and_sha256()
    {
        using var factory = api.Start(new() { ["Search:Replication:ApiKey"] = Key });
        using var client = factory.CreateClient();

        var manifest = await Get(client, "/replication/manifest", Key);

        var folder = Path.Combine(api.Index.IndexDir, manifest.Str("generation"));
        manifest.Str("generation").Should().Be(File.ReadAllText(Path.Combine(api.Index.IndexDir, "CURRENT")).Trim());
        manifest.Int("documents").Should().Be(79);
        var expected = Directory.GetFiles(folder).Order(StringComparer.Ordinal).Select(f =>
            $"{Path.GetFileName(f)} {new FileInfo(f).Length} {Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(f)))}");
        manifest["files"]!.AsArray().Select(f => $"{f!["name"]} {f["size"]} {f["sha256"]}").Should().Equal(expected);
    }

    [Fact]
    public async Task A_file_is_served_from_any_offset_so_a_copy_resumes_and_nothing_outside_the_manifest_is_served()
    {
        using var factory = api.Start(new() { ["Search:Replication:ApiKey"] = Key });
        using var client = factory.CreateClient();
        var manifest = await Get(client, "/replication/manifest", Key);
        var generation = manifest.Str("generation");
        var file = manifest["files"]!.AsArray().MaxBy(f => f!["size"]!.GetValue<long>())!["name"]!.GetValue<string>();
        var bytes = await File.ReadAllBytesAsync(Path.Combine(api.Index.IndexDir, generation, file));

        using var request = new HttpRequestMessage(HttpMethod.Get, $"/replication/generations/{generation}/files/{file}")
        {
            Headers = { { "X-Api-Key", Key } },
        };
        request.Headers.Range = new RangeHeaderValue(1000, null);
        using var rest = await client.SendAsync(request);

        rest.StatusCode.Should().Be(HttpStatusCode.PartialContent);
        (await rest.Content.ReadAsByteArrayAsync()).Should().Equal(bytes[1000..]);
        foreach (var path in new[] { $"generations/{generation}/files/CURRENT", $"generations/{generation}/files/..%2FCURRENT",
                     "generations/gen-19990101T000000000-1/files/" + file, $"generations/..%2F..%2Fetc/files/passwd" })
            (await Send(client, "/replication/" + path, Key)).StatusCode.Should().Be(HttpStatusCode.NotFound, path);
    }

    [Fact]
    public async Task A_replica_copies_the_primary_refuses_to_rebuild_and_reports_both_generations()
    {
        using var primary = api.Start(new() { ["Search:Replication:ApiKey"] = Key });
        using var index = new TempDirectory();
        using var replica = new SearchApiFactory(new()
        {
            ["Search:IndexPath"] = index.Path,
            ["Search:CorpusPath"] = "/no/corpus/needed/on/a/replica",
            ["Search:AdminApiKey"] = ApiFixture.AdminKey,
            ["Search:Replication:PrimaryUrl"] = primary.Address.ToString(),
            ["Search:Replication:ApiKey"] = Key,
            ["Search:Replication:PollSeconds"] = "0.2",
        });
        using var client = replica.CreateClient();
        var generation = File.ReadAllText(Path.Combine(api.Index.IndexDir, "CURRENT")).Trim();

        await Eventually.True(async () => (await client.GetAsync("/health/ready")).StatusCode == HttpStatusCode.OK, 30, "replica ready");
        // The sync notes it is in sync once the copy serves: a request can fall between the two.
        await Eventually.True(async () => (await client.GetJson("/health/ready"))["replication"]!["inSync"]!.GetValue<bool>(), 30, "in sync");
        using var reindex = await Send(client, "/api/admin/reindex", ApiFixture.AdminKey, HttpMethod.Post);

        var problem = await reindex.ReadJson(HttpStatusCode.Conflict);
        problem.Str("title").Should().Be("This instance is a replica");
        problem.Str("detail").Should().Contain(primary.Address.ToString().TrimEnd('/'));
        var ready = await client.GetJson("/health/ready");
        ready.Str("generation").Should().Be(generation);
        ready.Int("articles").Should().Be(79);
        var replication = ready["replication"]!;
        replication.Str("primaryGeneration").Should().Be(generation);
        replication["primaryReachable"]!.GetValue<bool>().Should().BeTrue();
        replication["inSync"]!.GetValue<bool>().Should().BeTrue();
        replication["secondsSinceContact"]!.GetValue<double>().Should().BeLessThan(5);
        Directory.GetDirectories(index.Path, "gen-*").Select(Path.GetFileName).Should().Equal(generation);
    }

    [Fact]
    public void A_replica_without_a_replication_key_or_with_a_bad_primary_address_does_not_start()
    {
        using var index = new TempDirectory();
        // In memory: on a port, a start-up that fails at times surfaces as the factory's ObjectDisposedException.
        var noKey = () => new SearchApiFactory(new() { ["Search:IndexPath"] = index.Path, ["Search:Replication:PrimaryUrl"] = "http://127.0.0.1:1" },
            kestrel: false);
        var badUrl = () => new SearchApiFactory(new()
        {
            ["Search:IndexPath"] = index.Path, ["Search:Replication:PrimaryUrl"] = "primary:5000", ["Search:Replication:ApiKey"] = Key,
        }, kestrel: false);
        var badProxy = () => api.Start(new() { ["Search:ForwardedHeaders:KnownProxies:0"] = "nginx.local" }, kestrel: false);

        noKey.Should().Throw<Exception>().Where(e => e.ToString().Contains("Search:Replication:ApiKey"));
        badUrl.Should().Throw<Exception>().Where(e => e.ToString().Contains("Search:Replication:PrimaryUrl"));
        badProxy.Should().Throw<Exception>().Where(e => e.ToString().Contains("Search:ForwardedHeaders:KnownProxies"));
    }

    private static async Task<HttpResponseMessage> Send(HttpClient client, string url, string key, HttpMethod? method = null)
    {
        using var request = new HttpRequestMessage(method ?? HttpMethod.Get, url) { Headers = { { "X-Api-Key", key } } };
        return await client.SendAsync(request);
    }

    private static async Task<JsonNode> Get(HttpClient client, string url, string key)
    {
        using var response = await Send(client, url, key);
        return await response.ReadJson();
    }

    private static string Str(JsonNode node, string array, int index, string name) => node[array]![index]![name]!.GetValue<string>();
}
