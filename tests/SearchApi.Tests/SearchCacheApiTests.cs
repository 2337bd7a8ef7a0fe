using System.Text;
using System.Text.RegularExpressions;
using ArchiveSearch.Search;
using Microsoft.Extensions.DependencyInjection;
using static SearchApi.Tests.Json;

namespace SearchApi.Tests;

/// <summary>The search caches as an operator sees them: configured, counted in /health/ready, and switchable off.</summary>
[Collection(ApiFixture.Collection)]
public sealed class SearchCacheApiTests(ApiFixture api)
{
    private static readonly string[] Urls =
    [
        $"/api/search?q={Q("人工智能")}",
        $"/api/search?q={Q("人工智能")}&page=2",
        $"/api/search?q={Q("常州有哪些企业完成融资")}",
        $"/api/search?q={Q("专利")}&section={Q("知识产权")}&from=2022-01-01&to=2023-12-31&sort=date",
        $"/api/search?region={Q("江苏")}",
    ];

    [Fact]
    public async Task Ready_reports_the_result_and_page_caches_hits_misses_and_size()
    {
        using var app = api.Start([]);
        using var client = app.CreateClient();
        foreach (var url in Urls) await client.GetJson(url);
        foreach (var url in Urls) await client.GetJson(url);

        var cache = (await client.GetJson("/health/ready"))["cache"]!;
        cache["enabled"]!.GetValue<bool>().Should().BeTrue();
        cache["misses"]!.GetValue<long>().Should().Be(Urls.Length - 1, "page 2 shares page 1's entry");
        cache["hits"]!.GetValue<long>().Should().Be(Urls.Length + 1);
        cache.Int("entries").Should().Be(Urls.Length - 1);
        cache["pageMisses"]!.GetValue<long>().Should().Be(Urls.Length, "each page was built once");
        cache["pageHits"]!.GetValue<long>().Should().Be(Urls.Length);
        cache.Int("pages").Should().Be(Urls.Length);
        cache["bytes"]!.GetValue<long>().Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(64L * 1024 * 1024);
        cache["maxBytes"]!.GetValue<long>().Should().Be(64L * 1024 * 1024);
    }

    [Fact]
    public async Task An_operator_empties_the_caches_with_the_admin_key_and_the_next_search_ranks_afresh()
    {
        using var app = api.Start(new() { ["Search:AdminApiKey"] = ApiFixture.AdminKey });
        using var client = app.CreateClient();
        var before = await client.GetJson(Urls[0]);
        using var refused = await client.DeleteAsync("/api/admin/cache");
        refused.StatusCode.Should().Be(System.Net.HttpStatusCode.Unauthorized);
        (await client.GetJson("/health/ready"))["cache"]!.Int("entries").Should().Be(1, "a refused clear keeps the entry");

        using var clear = new HttpRequestMessage(HttpMethod.Delete, "/api/admin/cache") { Headers = { { "X-Api-Key", ApiFixture.AdminKey } } };
        using var cleared = await client.SendAsync(clear);
        cleared.StatusCode.Should().Be(System.Net.HttpStatusCode.NoContent);
        var emptied = (await client.GetJson("/health/ready"))["cache"]!;
        emptied.Int("entries").Should().Be(0);
        emptied.Int("pages").Should().Be(0);

        var after = await client.GetJson(Urls[0]);
        var cache = (await client.GetJson("/health/ready"))["cache"]!;
        cache["misses"]!.GetValue<long>().Should().Be(2, "the counters keep counting, and the query was ranked again");
        cache["hits"]!.GetValue<long>().Should().Be(0);
        foreach (var answer in new[] { before, after }) answer.AsObject().Remove("tookMs");
        after.ToJsonString().Should().Be(before.ToJsonString());
    }

    [Fact]
    public async Task Turning_the_caches_off_changes_no_answer()
    {
        using var off = api.Start(new() { ["Search:Cache:Enabled"] = "false" });
        using var offClient = off.CreateClient();
        foreach (var url in Urls)
        {
            var cached = await api.Client.GetJson(url);
            var again = await api.Client.GetJson(url);
            var uncached = await offClient.GetJson(url);
            foreach (var answer in new[] { cached, again, uncached }) answer.AsObject().Remove("tookMs");
            again.ToJsonString().Should().Be(cached.ToJsonString(), url);
            uncached.ToJsonString().Should().Be(cached.ToJsonString(), url);
        }
        var cache = (await offClient.GetJson("/health/ready"))["cache"]!;
        cache["enabled"]!.GetValue<bool>().Should().BeFalse();
        cache["hits"]!.GetValue<long>().Should().Be(0);
    }

    [Fact]
    public async Task A_page_answered_from_the_caches_is_byte_for_byte_the_library_answer_as_the_generated_writer_writes_it()
    {
        var writers = api.Factory.Services.GetRequiredService<FastJsonWriters>();
        var searcher = api.Factory.Services.GetRequiredService<ArchiveSearcher>();
        using var off = api.Start(new() { ["Search:Cache:Enabled"] = "false" });
        using var offClient = off.CreateClient();
        (string Url, SearchRequest Request)[] searches =
        [
            ($"/api/search?q={Q("人工智能")}", new SearchRequest { Query = "人工智能" }),
            ($"/api/search?q={Q("科技")}&page=2", new SearchRequest { Query = "科技", Page = 2 }),
            ($"/api/search?q={Q("科技")}&page=3", new SearchRequest { Query = "科技", Page = 3 }),
            ($"/api/search?q={Q("常州有哪些企业完成融资")}", new SearchRequest { Query = "常州有哪些企业完成融资" }),
            ($"/api/search?q={Q("专利")}&section={Q("知识产权")}&sort=date",
                new SearchRequest { Query = "专利", Sections = ["知识产权"], Sort = SearchSort.Date }),
            ($"/api/search?region={Q("江苏")}", new SearchRequest { Regions = ["江苏"] }),
            // One first pass, two texts typed: each answer says its own.
            ($"/api/search?q={Q("科技创新")}", new SearchRequest { Query = "科技创新" }),
            ($"/api/search?q={Q("科技創新")}", new SearchRequest { Query = "科技創新" }),
        ];
        foreach (var (url, request) in searches)
        {
            var first = await Body(api.Client, url);
            var again = await Body(api.Client, url);
            var uncached = await Body(offClient, url);
            // The library's answer through the contract's records and their generated writer: the JSON SearchJson
            // writes from its own top level and the encoded hits and facets it keeps.
            var result = searcher.Search(request);
            var expected = Encoding.UTF8.GetString(writers.Encode(new SearchResponse(QueryResponse.Of(result.Query), result.Total,
                result.Page, result.PageSize, 0, [.. result.Hits.Select(HitResponse.From)], FacetsResponse.From(result.Facets))));
            result.Hits.Should().NotBeEmpty(url);
            foreach (var body in new[] { first, again, uncached }) WithoutTime(body).Should().Be(expected, url);
        }
    }

    private static async Task<string> Body(HttpClient client, string url)
    {
        using var response = await client.GetAsync(url);
        response.StatusCode.Should().Be(System.Net.HttpStatusCode.OK, url);
        return await response.Content.ReadAsStringAsync();
    }

    private static string WithoutTime(string body) => Regex.Replace(body, "\"tookMs\":\\d+", "\"tookMs\":0");

    [Fact]
    public void A_cache_size_out_of_range_stops_start_up_naming_the_setting()
    {
        var start = () => api.Start(new() { ["Search:Cache:MaxMegabytes"] = "0" }, kestrel: false).Dispose();
        start.Should().Throw<Exception>().Where(e => e.ToString().Contains("Search:Cache:MaxMegabytes"));
    }
}
