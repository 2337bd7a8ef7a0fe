using System.Net;
using static SearchApi.Tests.Json;

namespace SearchApi.Tests;

/// <summary>Every bad request is a 400 problem naming the parameter; odd but valid input never gets a 5xx.</summary>
[Collection(ApiFixture.Collection)]
public sealed class BadInputTests(ApiFixture api)
{
    public static TheoryData<string, string, string> BadRequests => new()
    {
        { "q=" + Q("\"概念验证"), "q", "unbalanced quote" },
        { "q=" + Q("(人工智能 OR 机器人"), "q", "without a matching ')'" },
        { "q=" + Q("人工智能)"), "q", "without a matching '('" },
        { "q=" + Q("人工智能 OR"), "q", "dangling OR" },
        { "q=" + Q("OR 人工智能"), "q", "dangling OR" },
        { "q=" + Q("人工智能 AND"), "q", "dangling AND" },
        { "q=" + Q("人工智能 -"), "q", "dangling '-'" },
        { "q=" + Q("()"), "q", "empty group" },
        { "q=" + new string('字', 257), "q", "limit is 256" },
        { "q=" + Q(string.Join(' ', Enumerable.Range(0, 40).Select(i => $"词{i}"))), "q", "clauses" },
        { "page=0", "page", "1 or more" },
        { "page=-3", "page", "1 or more" },
        { "page=abc", "page", "not a whole number" },
        { "page=1.5", "page", "not a whole number" },
        { "pageSize=0", "pageSize", "between 1 and 100" },
        { "pageSize=101", "pageSize", "between 1 and 100" },
        { "pageSize=ten", "pageSize", "not a whole number" },
        { "page=101&pageSize=100", "page", "10000" },
        { "page=99999999999", "page", "not a whole number" },
        { "from=2024-13-01", "from", "yyyy-MM-dd" },
        { "to=yesterday", "to", "yyyy-MM-dd" },
        { "from=2024/01/01", "from", "yyyy-MM-dd" },
        { "from=2024-06-01&to=2024-01-01", "from", "after to" },
        { "sort=popular", "sort", "relevance, date or date_asc" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public async Task A_bad_parameter_is_a_400_problem_that_names_it(string query, string parameter, string problem)
    {
        using var response = await api.Client.GetAsync("/api/search?" + query);

        var body = await response.ReadJson(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        body.Int("status").Should().Be(400);
        body["errors"]![parameter].Strings().Should().ContainSingle().Which.Should().Contain(problem);
        body.Str("detail").Should().StartWith(parameter);
    }

    [Theory]
    [InlineData("*", "none")]
    [InlineData("*人工智能", "all")]
    [InlineData("人工智能*", "all")]
    [InlineData("title:人工智能", "relaxed")]
    [InlineData("NOT 人工智能", "relaxed")]
    [InlineData("\u0001\u0002人工\u0007智能", "all")]
    [InlineData("，。！？、", "none")]
    [InlineData("的 了 吗", "none")]
    [InlineData("/ab+c/", "relaxed")]
    [InlineData("智能~2", "all")]
    [InlineData("人工智能^10", "all")]
    [InlineData("[2020 TO 2024]", "all")]
    [InlineData("{}", "none")]
    [InlineData("\\", "none")]
    [InlineData("-人工智能", "all")]
    [InlineData("--人工智能", "all")]
    [InlineData("\"\"", "none")]
    [InlineData("a AND b OR c", "all")]
    [InlineData("%%%", "none")]
    [InlineData("😀", "all")]
    public async Task Odd_but_valid_queries_are_answered_and_say_how_they_were_read(string q, string match)
    {
        var result = await api.Client.GetJson($"/api/search?q={Q(q)}");

        result["query"]!["text"]!.GetValue<string>().Should().Be(q.Trim());
        result["query"]!["match"]!.GetValue<string>().Should().Be(match);
        result["facets"]!["section"].Items().Sum(f => f.Int("count")).Should().Be(result.Int("total"));
    }

    [Fact]
    public async Task A_lone_minus_is_a_400_that_says_how_to_exclude()
    {
        using var response = await api.Client.GetAsync($"/api/search?q={Q("- 人工智能")}");

        var body = await response.ReadJson(HttpStatusCode.BadRequest);
        response.Content.Headers.ContentType!.MediaType.Should().Be("application/problem+json");
        body["errors"]!["q"]![0]!.GetValue<string>().Should().Be("has a dangling '-': put the word to exclude right after it, as in -上海");
    }

    [Fact]
    public async Task An_unknown_region_or_section_finds_nothing_rather_than_failing()
    {
        var result = await api.Client.GetJson($"/api/search?q={Q("人工智能")}&region={Q("火星")}&section={Q("娱乐")}");

        result.Int("total").Should().Be(0);
        result["hits"].Items().Should().BeEmpty();
    }

    [Fact]
    public async Task Analyze_without_text_is_a_400_problem()
    {
        using var response = await api.Client.GetAsync("/api/analyze");

        var body = await response.ReadJson(HttpStatusCode.BadRequest);
        body["errors"]!["text"].Should().NotBeNull();
    }
}
