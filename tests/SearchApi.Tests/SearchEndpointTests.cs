using System.Net;
using static SearchApi.Tests.Json;

namespace SearchApi.Tests;

[Collection(ApiFixture.Collection)]
public sealed class SearchEndpointTests(ApiFixture api)
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task Search_ranks_the_concept_verification_articles_first_with_snippets_and_facets()
    {
        var result = await _client.GetJson($"/api/search?q={Q("概念验证中心")}");

        var hits = result["hits"].Items();
        hits.Take(2).Select(h => h.Str("title")).Should().Contain("《江苏省概念验证中心建设工作指引（试行）》政策解读");
        hits[0].Str("snippet").Should().Contain("<em>");
        hits[0].Str("source").Should().NotBeEmpty();
        hits[0].Str("date").Should().MatchRegex(@"^\d{4}-\d{2}-\d{2}$");
        result.Int("total").Should().Be(hits.Count);
        result["facets"]!["section"].Items().Sum(f => f.Int("count")).Should().Be(result.Int("total"));
        result["query"]!["match"]!.GetValue<string>().Should().Be("all");
        result["query"]!["terms"].Items().SelectMany(t => t["tokens"].Strings()).Should().Contain("概念");
        // A search of the bundled corpus takes well under a millisecond to a few; seconds would mean a stall.
        result["tookMs"]!.GetValue<long>().Should().BeInRange(0, 2_000);
    }

    [Fact]
    public async Task The_json_keeps_chinese_and_the_snippets_em_readable_not_escaped()
    {
        using var response = await _client.GetAsync($"/api/search?q={Q("概念验证中心")}&snippets=true");
        var raw = await response.Content.ReadAsStringAsync();

        response.Content.Headers.ContentType!.ToString().Should().Be("application/json; charset=utf-8");
        raw.Should().Contain("\"match\":\"all\"").And.Contain("概念验证中心").And.Contain("<em>").And.NotContain("\\u");
    }

    [Fact]
    public async Task A_search_is_sent_whole_with_its_length_and_the_next_one_holds_only_its_own_answer()
    {
        using var large = await _client.GetAsync($"/api/search?q={Q("科技")}&pageSize=100");
        using var small = await _client.GetAsync($"/api/search?q={Q("概念验证中心")}&pageSize=1");

        foreach (var response in new[] { large, small })
        {
            var body = await response.Content.ReadAsByteArrayAsync();
            response.Headers.TransferEncodingChunked.Should().NotBe(true);
            response.Content.Headers.ContentLength.Should().Be(body.Length);
        }
        var largeHits = (await large.ReadJson())["hits"].Items();
        largeHits.Should().HaveCountGreaterThan(40, "科技 is in most articles: the body is tens of kilobytes");
        var smallHits = (await small.ReadJson())["hits"].Items();
        smallHits.Select(h => h.Str("title")).Should().ContainSingle().Which.Should().Contain("概念验证中心");
    }

    [Fact]
    public async Task Snippets_are_html_escaped()
    {
        var result = await _client.GetJson($"/api/search?q={Q("人工智能")}&pageSize=50");

        foreach (var snippet in result["hits"].Items().Select(h => h.Str("snippet")))
            snippet.Replace("<em>", "").Replace("</em>", "").Should().NotContainAny("<", ">");
    }

    [Fact]
    public async Task A_section_filter_holds_for_every_hit_and_its_facet_still_counts_the_other_sections()
    {
        var result = await _client.GetJson($"/api/search?q={Q("常州")}&section={Q("聚焦常州")}&pageSize=100");

        var hits = result["hits"].Items();
        hits.Should().NotBeEmpty();
        hits.Should().OnlyContain(h => h.Str("section") == "聚焦常州");
        var sections = result["facets"]!["section"].Items();
        sections.Single(f => f.Str("value") == "聚焦常州").Int("count").Should().Be(result.Int("total"));
        sections.Should().Contain(f => f.Str("value") != "聚焦常州", "section counts ignore the section filter");
    }

    [Fact]
    public async Task A_region_filter_holds_for_every_hit_and_a_province_finds_articles_about_its_cities()
    {
        var province = await _client.GetJson($"/api/search?region={Q("江苏")}&pageSize=100");
        var city = await _client.GetJson($"/api/search?region={Q("常州")}&pageSize=100");

        province["hits"].Items().Should().OnlyContain(h => h["regions"].Strings().Contains("江苏"));
        city["hits"].Items().Should().NotBeEmpty().And.OnlyContain(h => h["regions"].Strings().Contains("常州"));
        var provinceIds = province["hits"].Items().Select(h => h.Str("id")).ToHashSet();
        city["hits"].Items().Should().OnlyContain(h => provinceIds.Contains(h.Str("id")));
    }

    [Fact]
    public async Task Several_values_of_a_filter_are_alternatives()
    {
        var both = await _client.GetJson($"/api/search?section={Q("标准化")}&section={Q("知识产权")}&pageSize=100");

        both["hits"].Items().Select(h => h.Str("section")).Distinct().Should().BeEquivalentTo("标准化", "知识产权");
        both.Int("total").Should().Be(12);
    }

    [Fact]
    public async Task A_date_range_is_inclusive_and_holds_for_every_hit()
    {
        var result = await _client.GetJson("/api/search?from=2022-01-01&to=2022-12-31&pageSize=100");

        var dates = result["hits"].Items().Select(h => DateOnly.Parse(h.Str("date"))).ToList();
        dates.Should().NotBeEmpty().And.OnlyContain(d => d.Year == 2022);
        result["facets"]!["year"].Items().Should().ContainSingle().Which.Str("value").Should().Be("2022");
    }

    [Theory]
    [InlineData("date", true)]
    [InlineData("date_asc", false)]
    public async Task Date_sorts_order_hits_by_date(string sort, bool newestFirst)
    {
        var result = await _client.GetJson($"/api/search?q={Q("发展")}&sort={sort}&pageSize=50");

        var dates = result["hits"].Items().Select(h => h.Str("date")).ToList();
        dates.Should().HaveCountGreaterThan(5);
        if (newestFirst) dates.Should().BeInDescendingOrder(StringComparer.Ordinal);
        else dates.Should().BeInAscendingOrder(StringComparer.Ordinal);
    }

    [Fact]
    public async Task Browsing_without_a_query_lists_the_whole_archive_newest_first_in_pages()
    {
        var first = await _client.GetJson("/api/search?pageSize=50");
        var second = await _client.GetJson("/api/search?pageSize=50&page=2");

        first.Int("total").Should().Be(79);
        first["query"]!["match"]!.GetValue<string>().Should().Be("browse");
        first["query"]!["sort"]!.GetValue<string>().Should().Be("date");
        var ids = first["hits"].Items().Concat(second["hits"].Items()).Select(h => h.Str("id")).ToList();
        ids.Should().HaveCount(79).And.OnlyHaveUniqueItems();
        first["hits"].Items().Select(h => h.Str("date")).Should().BeInDescendingOrder(StringComparer.Ordinal);
        first["facets"]!["section"].Items().Sum(f => f.Int("count")).Should().Be(79);
    }

    [Fact]
    public async Task An_article_is_returned_whole_and_an_unknown_id_is_a_404_problem()
    {
        var expected = api.Index.Articles.First(a => a.Title.Contains("概念验证中心建设工作指引"));

        var article = await _client.GetJson($"/api/articles/{expected.Id}");
        using var missing = await _client.GetAsync("/api/articles/no-such-article");

        article.Str("title").Should().Be(expected.Title);
        article.Str("body").Should().Be(expected.Body);
        article.Str("section").Should().Be(expected.Section);
        article.Str("date").Should().Be(expected.Date.ToString("yyyy-MM-dd"));
        missing.StatusCode.Should().Be(HttpStatusCode.NotFound);
        missing.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        (await missing.Content.ReadAsStringAsync()).Should().Contain("no-such-article");
    }

    [Fact]
    public async Task Similar_articles_share_the_topic_and_exclude_the_article_itself()
    {
        var source = api.Index.Articles.First(a => a.Title.Contains("概念验证中心建设工作指引"));

        var similar = await _client.GetJson($"/api/articles/{source.Id}/similar");
        var missing = await _client.GetJson("/api/articles/no-such-article/similar", HttpStatusCode.NotFound);

        var hits = similar["hits"].Items();
        hits.Should().NotBeEmpty().And.NotContain(h => h.Str("id") == source.Id);
        hits.Select(h => h.Str("title")).Should().Contain(t => t.Contains("概念验证"));
        missing.Str("detail").Should().Contain("no-such-article");
    }

    [Fact]
    public async Task Facets_count_the_whole_archive()
    {
        var facets = await _client.GetJson("/api/facets");

        facets["section"].Items().Sum(f => f.Int("count")).Should().Be(79);
        facets["section"].Items().Select(f => f.Str("value")).Should()
            .BeEquivalentTo("政策法规", "各地动态", "行业新闻", "产品市场", "知识产权", "标准化", "聚焦常州");
        facets["year"].Items().Select(f => f.Str("value")).Should().Contain(["2022", "2024"]);
        facets["region"].Items().Should().Contain(f => f.Str("value") == "常州" && f.Int("count") > 0);
    }

    [Fact]
    public async Task Analyze_shows_smartcn_tokens_with_offsets()
    {
        var result = await _client.GetJson($"/api/analyze?text={Q("江苏省科技厅发布政策解读")}");

        result["tokens"].Items().Select(t => t.Str("token")).Should().Equal("江苏省", "科技", "厅", "发布", "政策", "解读");
        result["tokens"].Items()[1].Int("start").Should().Be(3);
    }

    [Fact]
    public async Task Analyze_shows_the_folded_term_of_each_token_with_its_span_of_the_original_text()
    {
        const string text = "江蘇省科技廳發佈ＡＩ政策";
        var result = await _client.GetJson($"/api/analyze?text={Q(text)}");

        var tokens = result["tokens"].Items();
        tokens.Select(t => (t.Str("token"), t.Str("original"))).Should()
            .StartWith([("江苏省", "江蘇省"), ("科技", "科技"), ("厅", "廳")]).And.Contain(("ai", "ＡＩ"));
        tokens.Select(t => (text.Substring(t.Int("start"), t.Int("end") - t.Int("start")), t.Str("original"))).Should().OnlyContain(span => span.Item1 == span.Item2);
    }

    [Fact]
    public async Task A_query_in_traditional_characters_says_how_it_was_folded_and_finds_what_the_simplified_one_finds()
    {
        var traditional = await _client.GetJson($"/api/search?q={Q("科技創新")}&pageSize=100");
        var simplified = await _client.GetJson($"/api/search?q={Q("科技创新")}&pageSize=100");

        traditional["query"]!.Str("text").Should().Be("科技創新");
        traditional["query"]!.Str("normalized").Should().Be("科技创新");
        simplified["query"]!.AsObject().ContainsKey("normalized").Should().BeFalse("nothing was folded");
        simplified.Int("total").Should().BeGreaterThan(10);
        traditional["hits"].Items().Select(h => h.Str("id")).Should().Equal(simplified["hits"].Items().Select(h => h.Str("id")));
    }

    [Fact]
    public async Task A_region_filter_in_traditional_characters_filters_as_the_simplified_one()
    {
        var traditional = await _client.GetJson($"/api/search?region={Q("江蘇")}&section={Q("政策法規")}&pageSize=100");
        var simplified = await _client.GetJson($"/api/search?region={Q("江苏")}&section={Q("政策法规")}&pageSize=100");

        traditional["query"]!["regions"].Strings().Should().Equal("江苏");
        traditional["query"]!["sections"].Strings().Should().Equal("政策法规");
        simplified.Int("total").Should().BeGreaterThan(0);
        traditional.Int("total").Should().Be(simplified.Int("total"));
        traditional["hits"].Items().Should().OnlyContain(h => h["regions"].Strings().Contains("江苏") && h.Str("section") == "政策法规");
    }

    [Fact]
    public async Task Health_is_live_and_ready_with_the_serving_generation()
    {
        var live = await _client.GetJson("/health/live");
        var ready = await _client.GetJson("/health/ready");

        live.Str("status").Should().Be("live");
        ready.Str("status").Should().Be("ready");
        ready.Int("articles").Should().Be(79);
        ready.Str("generation").Should().StartWith("gen-");
    }

    [Fact]
    public async Task The_root_serves_the_search_page_and_unknown_routes_are_404_problems()
    {
        using var root = await _client.GetAsync("/");
        using var unknown = await _client.GetAsync("/api/nothing-here");

        root.StatusCode.Should().Be(HttpStatusCode.OK);
        root.Content.Headers.ContentType!.MediaType.Should().Be("text/html");
        (await root.Content.ReadAsStringAsync()).Should().Contain("<title>《4.0 信息速报》资料检索</title>");
        unknown.StatusCode.Should().Be(HttpStatusCode.NotFound);
        unknown.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
    }
}
