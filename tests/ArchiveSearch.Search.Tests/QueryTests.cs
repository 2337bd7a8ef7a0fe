using ArchiveSearch.Ingest;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>The query syntax, request validation and filters, end to end on the real corpus.</summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class QueryTests(CorpusIndexFixture index)
{
    private SearchResult Search(SearchRequest request) => index.Searcher.Search(request);

    private SearchResult Search(string query, int pageSize = 100) =>
        index.Searcher.Search(new SearchRequest { Query = query, PageSize = pageSize, Snippets = false });

    private Article Full(SearchHit hit) => index.Articles.Single(a => a.Id == hit.Article.Id);

    private static string Text(Article article) => article.Title + "\n" + article.Body;

    private int CountContaining(params string[] words) => index.Articles.Count(a => words.All(Text(a).Contains));

    // ---- syntax

    [Fact]
    public void OR_finds_either_word()
    {
        var result = Search("水冷壁 OR 角膜");

        result.Hits.Select(h => h.Article.Title).Should().BeEquivalentTo(
            "东方锅炉行业首个水冷壁“数制智联”工厂投运", "人造智能角膜有感觉");
    }

    [Fact]
    public void Parentheses_group_alternatives_that_are_ANDed_with_the_rest()
    {
        var result = Search("(自动驾驶 OR 车联网) 德清");

        result.Total.Should().BeGreaterThan(0);
        result.Total.Should().Be(index.Articles.Count(a =>
            Text(a).Contains("德清") && (Text(a).Contains("自动驾驶") || Text(a).Contains("车联网"))));
        result.Hits.Select(Full).Should().OnlyContain(a =>
            Text(a).Contains("德清") && (Text(a).Contains("自动驾驶") || Text(a).Contains("车联网")));
    }

    [Theory]
    [InlineData("机器人 -工业", "机器人", "工业")]
    [InlineData("概念验证中心 -江苏", "概念验证中心", "江苏")]
    [InlineData("众创空间 -珠海", "众创空间", "珠海")]
    [InlineData("自动驾驶 -(北京 OR 德清)", "自动驾驶", "北京")]
    public void An_excluded_word_occurs_in_no_hit(string query, string wanted, string excluded)
    {
        var result = Search(query);

        result.Total.Should().BeGreaterThan(0);
        result.Hits.Select(Full).Should().OnlyContain(a => !Text(a).Contains(excluded));
        result.Total.Should().BeLessThan(Search(wanted).Total);
        result.Query.Terms.Should().Contain(t => t.Kind == "excluded");
    }

    [Fact]
    public void A_lone_exclusion_returns_everything_else()
    {
        var result = Search("-机器人");

        result.Total.Should().Be(index.Articles.Count - CountContaining("机器人"));
        result.Hits.Select(Full).Should().OnlyContain(a => !Text(a).Contains("机器人"));
    }

    [Theory]
    [InlineData("\"科技金融\"", "科技金融")]
    [InlineData("\"对话德国\"", "对话德国")]
    [InlineData("“数字经济”", "数字经济")]
    [InlineData("\"Micro LED\"", "Micro LED")]
    public void A_phrase_matches_only_the_words_in_order(string query, string phrase)
    {
        var result = Search(query);

        result.Total.Should().Be(CountContaining(phrase));
        result.Hits.Select(Full).Should().OnlyContain(a => Text(a).Contains(phrase));
        result.Query.Terms.Should().ContainSingle().Which.Kind.Should().Be("phrase");
    }

    // ---- bad input

    public static TheoryData<string, string> BadQueries => new()
    {
        { "\"科技金融", "unbalanced quote" },
        { "科技 “金融", "unbalanced quote" },
        { "(科技 OR 金融", "'(' without a matching ')'" },
        { "((科技)", "'(' without a matching ')'" },
        { "科技)", "')' without a matching '('" },
        { ")科技(", "')' without a matching '('" },
        { "()", "empty group" },
        { "科技 OR", "dangling OR" },
        { "OR 科技", "dangling OR" },
        { "科技 OR OR 金融", "dangling OR" },
        { "(科技 OR) 金融", "dangling OR" },
        { "科技 AND", "dangling AND" },
        { "AND 科技", "dangling AND" },
        { "科技 AND OR 金融", "dangling AND" },
        { "-", "dangling '-'" },
        { "科技 -", "dangling '-'" },
        { "科技 - 金融", "dangling '-'" },
        { "科技 -OR 金融", "dangling '-'" },
        { new string('科', 257), "257 characters long; the limit is 256" },
        { string.Join(' ', Enumerable.Repeat("科技", 33)), "33 clauses; the limit is 32" },
        { string.Join(" OR ", Enumerable.Range(0, 33).Select(i => "w" + i)), "33 clauses; the limit is 32" },
    };

    [Theory]
    [MemberData(nameof(BadQueries))]
    public void A_malformed_query_is_rejected_with_the_reason(string query, string reason)
    {
        var act = () => Search(query);

        var error = act.Should().Throw<SearchRequestException>().Which;
        error.Parameter.Should().Be("q");
        error.Message.Should().StartWith("q ").And.Contain(reason);
    }

    [Fact]
    public void Limits_are_inclusive()
    {
        var longest = () => Search(new string('科', 256));
        var mostClauses = () => Search(string.Join(' ', Enumerable.Repeat("科技", 32)));

        longest.Should().NotThrow();
        mostClauses.Should().NotThrow();
        ((Action)(() => Search(new SearchRequest { Query = "科技", Page = 100, PageSize = 100 }))).Should().NotThrow();
    }

    public static TheoryData<SearchRequest, string, string> BadRequests => new()
    {
        { new SearchRequest { Query = "科技", Page = 0 }, "page", "must be 1 or more, not 0" },
        { new SearchRequest { Query = "科技", Page = -3 }, "page", "must be 1 or more, not -3" },
        { new SearchRequest { Query = "科技", PageSize = 0 }, "pageSize", "between 1 and 100, not 0" },
        { new SearchRequest { Query = "科技", PageSize = 101 }, "pageSize", "between 1 and 100, not 101" },
        { new SearchRequest { Query = "科技", Page = 101, PageSize = 100 }, "page", "page × pageSize is 10100, the limit is 10000" },
        { new SearchRequest { Page = int.MaxValue, PageSize = 100 }, "page", "the limit is 10000" },
        { new SearchRequest { Query = "科技", From = new DateOnly(2024, 3, 1), To = new DateOnly(2024, 2, 1) }, "from", "(2024-03-01) is after to (2024-02-01)" },
    };

    [Theory]
    [MemberData(nameof(BadRequests))]
    public void An_invalid_request_names_the_parameter(SearchRequest request, string parameter, string message)
    {
        var act = () => Search(request);

        var error = act.Should().Throw<SearchRequestException>().Which;
        error.Parameter.Should().Be(parameter);
        error.Message.Should().Contain(message);
    }

    [Theory]
    [InlineData("*机器人")]
    [InlineData("*")]
    [InlineData("机器人*")]
    [InlineData("科技\u0001金融\u0007")]
    [InlineData("\t\r\n")]
    [InlineData("？？！！。。")]
    [InlineData("……——《》")]
    [InlineData("的 了 吗")]
    [InlineData("/ab+c/")]
    [InlineData("机器人~2")]
    [InlineData("title:机器人")]
    [InlineData("body:\"科技金融\"")]
    [InlineData("of+the")]
    [InlineData("the.and")]
    [InlineData("\"\"")]
    [InlineData("-\"\"")]
    [InlineData("(-机器人)")]
    [InlineData("NOT 机器人")]
    [InlineData("a||b")]
    [InlineData("2024-2026")]
    [InlineData("\\ \" \\\"")]
    [InlineData("[科技 TO 金融]")]
    [InlineData("科技^10")]
    [InlineData("😀 机器人")]
    public void Odd_but_valid_input_does_not_throw(string query)
    {
        var act = () => Search(new SearchRequest { Query = query });

        act.Should().NotThrow();
        var result = act();
        result.Query.Text.Should().Be(string.IsNullOrWhiteSpace(query) ? null : query.Trim());
        result.Facets.Section.Sum(f => f.Count).Should().Be(result.Total, "the answer is whole: its counts agree");
    }

    [Theory]
    [InlineData("*机器人", "机器人")]
    [InlineData("title:机器人", "机器人")]
    public void Operators_of_other_query_languages_are_plain_text(string query, string word)
    {
        Search(query).Hits.Select(h => h.Article.Id).Should().Contain(Search(word).Hits.Take(3).Select(h => h.Article.Id));
    }

    [Fact]
    public void An_unknown_region_or_section_finds_nothing_without_error()
    {
        Search(new SearchRequest { Query = "科技", Regions = ["火星"] }).Total.Should().Be(0);
        Search(new SearchRequest { Query = "科技", Sections = ["体育"] }).Total.Should().Be(0);
        Search(new SearchRequest { Regions = ["火星"] }).Total.Should().Be(0);
    }

    // ---- filters, facets, order, paging

    [Theory]
    [InlineData("科技", new[] { "聚焦常州" }, new string[0])]
    [InlineData("科技", new[] { "标准化", "知识产权" }, new string[0])]
    [InlineData("创新", new string[0], new[] { "浙江" })]
    [InlineData("创新", new string[0], new[] { "常州", "北京" })]
    [InlineData("产业", new[] { "各地动态" }, new[] { "江苏" })]
    [InlineData(null, new[] { "行业新闻" }, new[] { "安徽" })]
    public void Every_hit_honours_the_section_and_region_filters(string? query, string[] sections, string[] regions)
    {
        var result = Search(new SearchRequest { Query = query, Sections = sections, Regions = regions, PageSize = 100, Snippets = false });

        var expected = index.Articles.Count(a =>
            (sections.Length == 0 || sections.Contains(a.Section)) &&
            (regions.Length == 0 || a.Regions.Any(regions.Contains)) &&
            (query is null || Text(a).Contains(query)));
        result.Total.Should().Be(expected).And.BeGreaterThan(0);
        result.Hits.Should().OnlyContain(h =>
            (sections.Length == 0 || sections.Contains(h.Article.Section)) &&
            (regions.Length == 0 || h.Article.Regions.Any(regions.Contains)));
    }

    [Fact]
    public void Every_hit_honours_the_date_range_inclusive_at_both_ends()
    {
        var from = new DateOnly(2022, 4, 28);
        var to = new DateOnly(2022, 6, 30);

        var result = Search(new SearchRequest { Query = "科技", From = from, To = to, PageSize = 100, Snippets = false });

        result.Hits.Should().OnlyContain(h => h.Article.Date >= from && h.Article.Date <= to);
        result.Hits.Should().Contain(h => h.Article.Date == from).And.Contain(h => h.Article.Date == to);
        result.Total.Should().Be(index.Articles.Count(a => a.Date >= from && a.Date <= to && Text(a).Contains("科技")));
        Search(new SearchRequest { From = new DateOnly(2024, 10, 1) }).Hits
            .Should().OnlyContain(h => h.Article.Date >= new DateOnly(2024, 10, 1));
    }

    [Theory]
    [InlineData("科技", new string[0])]
    [InlineData("创新", new[] { "江苏" })]
    [InlineData(null, new string[0])]
    public void Section_counts_add_up_to_the_total_without_a_section_filter(string? query, string[] regions)
    {
        var result = Search(new SearchRequest { Query = query, Regions = regions });

        result.Facets.Section.Sum(f => f.Count).Should().Be(result.Total);
        result.Facets.Year.Sum(f => f.Count).Should().Be(result.Total);
    }

    [Fact]
    public void Facets_are_disjunctive_section_counts_ignore_the_section_filter_but_honour_the_region_filter()
    {
        var all = Search(new SearchRequest { Query = "创新", Regions = ["江苏"] });
        var filtered = Search(new SearchRequest { Query = "创新", Regions = ["江苏"], Sections = ["聚焦常州"] });

        filtered.Facets.Section.Should().BeEquivalentTo(all.Facets.Section);
        filtered.Total.Should().Be(all.Facets.Section.Single(f => f.Value == "聚焦常州").Count);
        // Region counts, the other way round, honour the section filter.
        filtered.Facets.Region.Single(f => f.Value == "常州").Count.Should().Be(index.Articles.Count(a =>
            a.Section == "聚焦常州" && a.Regions.Contains("常州") && Text(a).Contains("创新")));
        // The region filter narrows the section counts.
        var everywhere = Search(new SearchRequest { Query = "创新" });
        everywhere.Facets.Section.Sum(f => f.Count).Should().BeGreaterThan(all.Facets.Section.Sum(f => f.Count));
    }

    [Fact]
    public void With_section_region_and_date_filters_every_count_is_what_counting_the_articles_gives()
    {
        string[] sections = ["聚焦常州", "各地动态"];
        string[] regions = ["江苏", "上海"];
        DateOnly from = new(2021, 6, 1), to = new(2024, 12, 31);
        var matching = index.Articles.Where(a => Text(a).Contains("创新") && a.Date >= from && a.Date <= to).ToList();
        bool InSections(Article a) => sections.Contains(a.Section);
        bool InRegions(Article a) => a.Regions.Any(regions.Contains);

        var result = Search(new SearchRequest { Query = "创新", Sections = sections, Regions = regions, From = from, To = to, PageSize = 100 });

        result.Total.Should().Be(matching.Count(a => InSections(a) && InRegions(a))).And.BeGreaterThan(3);
        result.Hits.Select(h => h.Article).Where(a => !InSections(a) || !InRegions(a)).Should().BeEmpty();
        Counts(result.Facets.Section).Should().BeEquivalentTo(Tally(matching.Where(InRegions).Select(a => a.Section)));
        Counts(result.Facets.Region).Should().BeEquivalentTo(Tally(matching.Where(InSections).SelectMany(a => a.Regions)));
        Counts(result.Facets.Year).Should().BeEquivalentTo(
            Tally(matching.Where(a => InSections(a) && InRegions(a)).Select(a => a.Date.Year.ToString())));

        static Dictionary<string, int> Counts(IReadOnlyList<FacetValue> facet) => facet.ToDictionary(f => f.Value, f => f.Count);
        static Dictionary<string, int> Tally(IEnumerable<string> values) => values.GroupBy(v => v).ToDictionary(g => g.Key, g => g.Count());
    }

    [Theory]
    [InlineData("科技", SearchSort.Date)]
    [InlineData(null, SearchSort.Relevance)]
    [InlineData(null, SearchSort.Date)]
    public void Date_order_is_newest_first(string? query, SearchSort sort)
    {
        var result = Search(new SearchRequest { Query = query, Sort = sort, PageSize = 100 });

        result.Hits.Select(h => h.Article.Date).Should().BeInDescendingOrder();
        result.Query.Sort.Should().Be("date");
    }

    [Fact]
    public void Oldest_first_when_asked()
    {
        Search(new SearchRequest { Sort = SearchSort.DateAscending, PageSize = 100 }).Hits
            .Select(h => h.Article.Date).Should().BeInAscendingOrder();
    }

    [Theory]
    [InlineData(SearchSort.Date)]
    [InlineData(SearchSort.DateAscending)]
    public void Browsing_by_date_lists_articles_of_the_same_day_in_corpus_order(SearchSort sort)
    {
        // Several articles share a date (an issue's estimated date), so the tie-break decides much of this order.
        var inCorpusOrder = index.Articles.Select((article, ordinal) => (article, ordinal)).ToList();
        var byDate = sort == SearchSort.Date
            ? inCorpusOrder.OrderByDescending(a => a.article.Date)
            : inCorpusOrder.OrderBy(a => a.article.Date);
        index.Articles.GroupBy(a => a.Date).Should().Contain(g => g.Count() > 3);

        Search(new SearchRequest { Sort = sort, PageSize = 100 }).Hits.Select(h => h.Article.Id)
            .Should().Equal(byDate.ThenBy(a => a.ordinal).Select(a => a.article.Id));
    }

    [Fact]
    public void Browsing_without_a_query_lists_the_filtered_articles()
    {
        var result = Search(new SearchRequest { Sections = ["标准化"], PageSize = 100 });

        result.Query.Match.Should().Be("browse");
        result.Total.Should().Be(index.Articles.Count(a => a.Section == "标准化"));
        result.Hits.Should().OnlyContain(h => h.Article.Section == "标准化" && h.Snippet == null);
        Search(new SearchRequest { Query = "   " }).Total.Should().Be(index.Articles.Count);
    }

    [Fact]
    public void Pages_are_disjoint_and_together_are_the_first_results()
    {
        var request = new SearchRequest { Query = "科技", PageSize = 7, Snippets = false };
        var pages = Enumerable.Range(1, 4).Select(p => Search(request with { Page = p })).ToList();
        var ids = pages.SelectMany(p => p.Hits.Select(h => h.Article.Id)).ToList();

        ids.Should().OnlyHaveUniqueItems().And.HaveCount(28);
        pages.Should().OnlyContain(p => p.Total == pages[0].Total);
        ids.Should().Equal(Search(request with { PageSize = 28 }).Hits.Select(h => h.Article.Id));
        Search(request with { Page = 100 }).Hits.Should().BeEmpty();
    }
}
