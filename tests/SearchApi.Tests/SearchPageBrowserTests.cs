using System.Net;
using ArchiveSearch.Ingest;
using Microsoft.Playwright;
using TestSupport;
using static Microsoft.Playwright.Assertions;
using static SearchApi.Tests.Json;

namespace SearchApi.Tests;

/// <summary>A person in Chromium using the search page at <c>/</c>, against the real API over the bundled corpus.</summary>
[Collection(ApiFixture.Collection)]
public sealed class SearchPageBrowserTests(ApiFixture api)
{
    private const string Hits = "#hits > li";
    private const string HitTitles = "#hits .hit-title a";

    /// <summary>
    /// The page changes its URL with history.pushState: a same-document navigation fires no load event, so waiting
    /// for one (the default) timed out when the push came before the wait began.
    /// </summary>
    private static readonly PageWaitForURLOptions PushState = new() { WaitUntil = WaitUntilState.Commit };

    [Fact]
    public async Task Typing_a_query_and_pressing_enter_lists_the_matching_articles_with_the_words_highlighted()
    {
        const string query = "概念验证中心";
        var expected = api.Index.Articles.Where(a => (a.Title + a.Body).Contains(query)).Select(a => a.Title).ToList();
        await using var chromium = await Chromium.Open(api.Factory.Address);
        var page = chromium.Page;

        await page.GotoAsync("/");
        await page.GetByLabel("搜索文章").FillAsync(query);
        await page.GetByLabel("搜索文章").PressAsync("Enter");

        await Expect(page.Locator("#results-heading")).ToHaveTextAsync($"找到 {expected.Count} 篇文章");
        (await page.Locator(HitTitles).AllInnerTextsAsync()).Should().BeEquivalentTo(expected);
        page.Url.Should().EndWith("/?q=" + Q(query));
        var marks = await page.Locator("#hits .snippet mark").AllInnerTextsAsync();
        marks.Should().Contain(query, "the snippets highlight the whole query as it matched");
        marks.Should().OnlyContain(m => m.Length >= 2 && m.All(c => query.Contains(c)), "only the query's words are highlighted");
        (await page.Locator("#hits .snippet").First.InnerHTMLAsync()).Should().NotContain("<em>", "the API's markers became <mark> elements");
    }

    [Fact]
    public async Task A_relaxed_query_says_how_many_of_its_words_the_articles_have_and_which_words_were_ignored()
    {
        const string query = "常州有哪些企业完成融资";
        var answer = (await api.Client.GetJson($"/api/search?q={Q(query)}"))["query"]!;
        answer.Str("match").Should().Be("relaxed", "this question is the README's example of a relaxed query");
        await using var chromium = await Chromium.Open(api.Factory.Address);
        var page = chromium.Page;

        await page.GotoAsync("/?q=" + Q(query));

        var explanation = page.Locator("#explanation");
        await Expect(explanation).ToContainTextAsync($"全部 {answer["terms"]!.AsArray().Count} 个词");
        await Expect(explanation).ToContainTextAsync($"至少 {answer.Int("minimumMatch")} 个词");
        await Expect(explanation).ToContainTextAsync(string.Join("、", answer["ignored"].Strings()));
    }

    [Fact]
    public async Task The_explanation_says_how_a_query_was_folded_which_words_were_given_up_and_what_ranks_higher()
    {
        const string traditional = "科技創新";
        const string typed = "2022年常州惠企政策";
        var relaxed = (await api.Client.GetJson($"/api/search?q={Q(typed)}"))["query"]!;
        relaxed["dropped"].Strings().Should().NotBeEmpty("no article has every word of this query");
        await using var chromium = await Chromium.Open(api.Factory.Address);
        var page = chromium.Page;
        var explanation = page.Locator("#explanation");

        await page.GotoAsync("/?q=" + Q(traditional));
        await Expect(explanation).ToContainTextAsync("已按简体和标准写法检索：科技创新");

        await page.GotoAsync("/?q=" + Q(typed));
        await Expect(explanation).ToContainTextAsync($"未要求包含：{string.Join("、", relaxed["dropped"].Strings())}");
        await Expect(explanation).ToContainTextAsync("2022 年的文章、标注“常州”的文章排在前面");
        await Expect(explanation).Not.ToContainTextAsync("已按简体");
    }

    [Fact]
    public async Task Ticking_a_section_shows_only_that_section_and_changes_the_url_and_back_restores_the_results()
    {
        const string query = "人工智能";
        await using var chromium = await Chromium.Open(api.Factory.Address);
        var page = chromium.Page;
        await page.GotoAsync("/?q=" + Q(query));
        await Expect(page.Locator(HitTitles).First).ToBeVisibleAsync();
        var before = await page.Locator(HitTitles).AllInnerTextsAsync();
        var heading = await page.Locator("#results-heading").InnerTextAsync();
        var section = page.Locator("#facet-section li").Nth(1);
        var name = await section.Locator("input").GetAttributeAsync("value");
        var count = int.Parse((await section.Locator(".count").InnerTextAsync()).Trim('(', ')'));

        // Playwright's check waits for the box to be ready and confirms it ticked. Focusing it and pressing Space once
        // timed out in CI waiting for the new URL, whose cause the trace does not show.
        await section.Locator("input").CheckAsync();

        await page.WaitForURLAsync(url => url.Contains("section=" + Q(name!)), PushState);
        await Expect(page.Locator("#results-heading")).ToContainTextAsync($"找到 {count} 篇文章");
        // Waiting assertions: the heading can show the new count a moment before the hits and facets are redrawn.
        await Expect(page.Locator("#hits .section-tag")).ToHaveTextAsync(Enumerable.Repeat(name!, Math.Min(count, 10)).ToArray());
        await Expect(page.Locator($"#facet-section input[value='{name}']")).ToBeFocusedAsync(); // focus stays on the ticked box
        await Expect(page.Locator($"#facet-section input[value='{name}']")).ToBeCheckedAsync();

        await page.GoBackAsync();

        await Expect(page.Locator("#results-heading")).ToHaveTextAsync(heading);
        await Expect(page.Locator(HitTitles)).ToHaveTextAsync(before.ToArray());
        await Expect(page.Locator($"#facet-section input[value='{name}']")).Not.ToBeCheckedAsync();
        page.Url.Should().NotContain("section=");
    }

    [Fact]
    public async Task Paging_moves_through_the_archive_and_back_returns_to_the_first_page()
    {
        var total = api.Index.Articles.Count;
        var newestFirst = api.Index.Articles.OrderByDescending(a => a.Date).ToList();
        await using var chromium = await Chromium.Open(api.Factory.Address);
        var page = chromium.Page;
        await page.GotoAsync("/");
        await Expect(page.Locator("#results-heading")).ToContainTextAsync($"共 {total} 篇文章，第 1–10 篇");

        await page.GetByRole(AriaRole.Link, new() { Name = "下一页" }).ClickAsync();

        await page.WaitForURLAsync(url => url.EndsWith("/?page=2"), PushState);
        await Expect(page.Locator("#results-heading")).ToContainTextAsync($"共 {total} 篇文章，第 11–20 篇");
        (await page.Locator("#hits time").AllInnerTextsAsync()).Should().Equal(
            newestFirst.Skip(10).Take(10).Select(a => a.Date.ToString("yyyy-MM-dd")), "without a query the archive is listed newest first");
        await page.GoBackAsync();
        await Expect(page.Locator("#results-heading")).ToContainTextAsync("第 1–10 篇");
    }

    [Fact]
    public async Task Sorting_and_a_date_range_change_the_order_and_the_dates_shown_and_the_url()
    {
        const string query = "人工智能";
        var from = new DateOnly(2022, 1, 1);
        var to = new DateOnly(2022, 12, 31);
        var inRange = (await api.Client.GetJson($"/api/search?q={Q(query)}&from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}")).Int("total");
        await using var chromium = await Chromium.Open(api.Factory.Address);
        var page = chromium.Page;
        await page.GotoAsync("/?q=" + Q(query));
        await Expect(page.Locator(HitTitles).First).ToBeVisibleAsync();

        await page.GetByLabel("排序").SelectOptionAsync(new SelectOptionValue { Label = "最早" });

        await page.WaitForURLAsync(url => url.EndsWith("&sort=date_asc"), PushState);
        await Expect(page.Locator("#results-heading")).ToContainTextAsync("按最早排列");
        var dates = await page.Locator("#hits time").AllInnerTextsAsync();
        dates.Should().BeInAscendingOrder(StringComparer.Ordinal);

        await page.GetByLabel("起").FillAsync($"{from:yyyy-MM-dd}");
        await page.GetByLabel("止").FillAsync($"{to:yyyy-MM-dd}");
        await page.GetByLabel("止").PressAsync("Enter");

        await page.WaitForURLAsync(url => url.Contains($"from={from:yyyy-MM-dd}&to={to:yyyy-MM-dd}"), PushState);
        await Expect(page.Locator("#results-heading")).ToContainTextAsync($"找到 {inRange} 篇文章");
        (await page.Locator("#hits time").AllInnerTextsAsync()).Should().OnlyContain(d => d.StartsWith("2022-"));
        // The range is exactly the year 2022, so the year box shows ticked.
        await Expect(page.Locator("#facet-year input[value='2022']")).ToBeCheckedAsync();
    }

    [Fact]
    public async Task The_region_filter_lists_the_commonest_regions_and_all_of_them_on_request()
    {
        var regions = api.Index.Articles.SelectMany(a => a.Regions).CountBy(r => r).OrderByDescending(r => r.Value).ToList();
        await using var chromium = await Chromium.Open(api.Factory.Address);
        var page = chromium.Page;
        await page.GotoAsync("/");
        var boxes = page.Locator("#facet-region input");
        await Expect(boxes).ToHaveCountAsync(12);
        (await page.Locator("#facet-region label").First.InnerTextAsync()).Should().Be($"{regions[0].Key} ({regions[0].Value})");

        await page.GetByRole(AriaRole.Button, new() { Name = $"显示全部 {regions.Count} 个" }).PressAsync("Enter");

        await Expect(boxes).ToHaveCountAsync(regions.Count);
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = "收起" })).ToBeFocusedAsync();
    }

    [Fact]
    public async Task An_empty_result_says_so_and_offers_to_remove_the_filter()
    {
        const string query = "人工智能";
        var unfiltered = await api.Client.GetJson($"/api/search?q={Q(query)}");
        var empty = Sections.Names.Except(unfiltered["facets"]!["section"].Items().Select(f => f.Str("value"))).First();
        await using var chromium = await Chromium.Open(api.Factory.Address);
        var page = chromium.Page;

        await page.GotoAsync($"/?q={Q(query)}&section={Q(empty)}");

        await Expect(page.Locator("#empty")).ToContainTextAsync($"没有文章符合“{query}”和所选的筛选条件");
        await page.GetByRole(AriaRole.Link, new() { Name = $"去掉 栏目：{empty}" }).ClickAsync();
        // The count, not just 找到: the empty answer's heading (没有找到文章) holds that word too.
        await Expect(page.Locator("#results-heading")).ToContainTextAsync($"找到 {unfiltered.Int("total")} 篇文章");
        await Expect(page.Locator(Hits)).Not.ToHaveCountAsync(0);
    }

    [Fact]
    public async Task Opening_an_article_shows_its_body_and_similar_articles_which_open_in_turn()
    {
        await using var chromium = await Chromium.Open(api.Factory.Address);
        var page = chromium.Page;
        await page.GotoAsync("/?q=" + Q("概念验证中心"));
        var first = page.Locator(HitTitles).First;
        var title = await first.InnerTextAsync();
        var article = api.Index.ByTitle(title);
        var similar = (await api.Client.GetJson($"/api/articles/{article.Id}/similar"))["hits"].Items().Select(h => h.Str("title")).ToList();
        similar.Should().NotBeEmpty();

        await first.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForURLAsync(url => url.EndsWith($"/articles/{article.Id}"), PushState);
        await Expect(page.Locator("#article-title")).ToHaveTextAsync(article.Title);
        await Expect(page.Locator("#article-title")).ToBeFocusedAsync();
        (await page.Locator(".article-body p").AllInnerTextsAsync()).Select(Spaced).Should().Equal(
            article.Body.Split('\n').Select(Spaced).Where(p => p.Length > 0));
        await Expect(page.Locator(".article-meta")).ToContainTextAsync(article.Source);
        await Expect(page.Locator("#similar-list .hit-title a")).ToHaveTextAsync([.. similar]);

        await page.Locator("#similar-list .hit-title a").First.ClickAsync();
        await Expect(page.Locator("#article-title")).ToHaveTextAsync(similar[0]);
        await page.GoBackAsync();
        await Expect(page.Locator("#article-title")).ToHaveTextAsync(article.Title);
        await page.GoBackAsync();
        await Expect(page.Locator(HitTitles).First).ToHaveTextAsync(title);
    }

    [Fact]
    public async Task A_person_can_search_and_open_an_article_by_keyboard_alone_and_sees_where_the_focus_is()
    {
        const string query = "概念验证中心";
        var best = (await api.Client.GetJson($"/api/search?q={Q(query)}"))["hits"].Items()[0].Str("title");
        await using var chromium = await Chromium.Open(api.Factory.Address);
        var page = chromium.Page;
        await page.GotoAsync("/");
        await Expect(page.GetByLabel("搜索文章")).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync(query);
        await page.Keyboard.PressAsync("Enter");
        await Expect(page.Locator(HitTitles).First).ToHaveTextAsync(best);
        var steps = 0;
        while (await page.EvaluateAsync<string?>("document.activeElement.textContent") != best && steps++ < 100)
            await page.Keyboard.PressAsync("Tab");
        steps.Should().BeLessThan(100, "Tab reaches the first result");
        (await page.EvaluateAsync<string>("getComputedStyle(document.activeElement).outlineStyle")).Should().Be("solid", "focus is visible");
        await page.Keyboard.PressAsync("Enter");

        await Expect(page.Locator("#article-title")).ToHaveTextAsync(best);
        await Expect(page.Locator("#article-title")).ToBeFocusedAsync();
    }

    [Fact]
    public async Task An_unbalanced_quote_shows_the_apis_message_next_to_the_box()
    {
        const string query = "\"人工智能";
        var detail = (await api.Client.GetJson($"/api/search?q={Q(query)}", HttpStatusCode.BadRequest)).Str("detail");
        await using var chromium = await Chromium.Open(api.Factory.Address);
        var page = chromium.Page;
        await page.GotoAsync("/");

        await page.GetByLabel("搜索文章").FillAsync(query);
        await page.GetByLabel("搜索文章").PressAsync("Enter");

        await Expect(page.Locator("#q-error")).ToHaveTextAsync($"查询有误：{detail}");
        await Expect(page.GetByLabel("搜索文章")).ToHaveAttributeAsync("aria-invalid", "true");
        (await page.Locator(Hits).CountAsync()).Should().Be(0);
    }

    [Fact]
    public async Task Article_text_that_looks_like_html_is_shown_as_text_and_never_run()
    {
        const string word = "zebrascript";
        const string title = $"<img src=x onerror=\"window.pwned='title'\">{word}标题";
        const string body = $"第一段提到{word}：<script>window.pwned='body'</script>\n第二段 <img src=x onerror=\"window.pwned='img'\"> & 结束";
        using var corpus = new TempDirectory();
        foreach (var file in RepoPaths.CorpusFiles) File.Copy(file, corpus.Combine(Path.GetFileName(file)));
        File.WriteAllText(corpus.Combine("zz-hostile.jsonl"), ArticleJson.Serialize(new Article
        {
            Id = "zz-hostile-01", Issue = "zz", Section = "行业新闻", Title = title, Source = "<b>测试</b>", Regions = [],
            Date = new DateOnly(2024, 5, 1), DateSource = DateSource.Article, Body = body,
        }) + "\n");
        using var index = new TempDirectory();
        using var factory = new SearchApiFactory(new() { ["Search:IndexPath"] = index.Path, ["Search:CorpusPath"] = corpus.Path });
        await WaitUntilReady(factory);
        await using var chromium = await Chromium.Open(factory.Address);
        var page = chromium.Page;
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GotoAsync("/?q=" + Q(word));

        await Expect(page.Locator(HitTitles)).ToHaveTextAsync([title]);
        await Expect(page.Locator("#hits .snippet")).ToContainTextAsync("<script>window.pwned='body'</script>");
        await Expect(page.Locator("#hits .meta")).ToContainTextAsync("来源：<b>测试</b>");
        await page.Locator(HitTitles).ClickAsync();
        await Expect(page.Locator("#article-title")).ToHaveTextAsync(title);
        (await page.Locator(".article-body p").AllInnerTextsAsync()).Should().Equal(body.Split('\n'));
        await Expect(page.Locator("#similar-status")).Not.ToHaveTextAsync("正在查找…");

        (await page.Locator("main img, main script, main b").CountAsync()).Should().Be(0, "nothing from the API became an element");
        (await page.EvaluateAsync<string?>("window.pwned ?? null")).Should().BeNull();
        dialogs.Should().Be(0);
        // Even an inline script that did get into the page would not run: the Content-Security-Policy blocks it.
        (await page.EvaluateAsync<bool>("""
            () => {
                const script = document.createElement('script');
                script.textContent = 'window.inlineRan = true';
                document.body.append(script);
                return window.inlineRan === true;
            }
            """)).Should().BeFalse();
    }

    [Fact]
    public async Task While_the_first_index_is_built_the_page_says_so_and_then_shows_the_results()
    {
        using var corpus = new HeldCorpus();
        using var index = new TempDirectory();
        using var factory = new SearchApiFactory(new() { ["Search:IndexPath"] = index.Path, ["Search:CorpusPath"] = corpus.Path });
        await using var chromium = await Chromium.Open(factory.Address);
        var page = chromium.Page;

        try
        {
            await page.GotoAsync("/?q=" + Q("人工智能"));
            await Expect(page.Locator("#results-heading")).ToHaveTextAsync("索引正在建立");
            await Expect(page.Locator("#status")).ToContainTextAsync("正在建立索引");
        }
        finally
        {
            await corpus.Release();
        }

        await Expect(page.Locator("#results-heading")).ToContainTextAsync("找到", new() { Timeout = 30_000 });
        await Expect(page.Locator(Hits)).Not.ToHaveCountAsync(0);
    }

    [Theory]
    [InlineData("<em>人工智能</em>与&lt;b&gt;", "[人工智能]与<b>")]
    [InlineData("…&lt;img src=x onerror=&quot;alert(1)&quot;&gt; <em>A&amp;B</em>&#39;s…", "…<img src=x onerror=\"alert(1)\"> [A&B]'s…")]
    [InlineData("<b>not a marker</b> <em>x</em><em>y</em>", "<b>not a marker</b> [x][y]")]
    [InlineData("&amp;lt; &#x4E2D; &#20013; &bogus;", "&lt; 中 中 &bogus;")]
    public async Task A_snippet_becomes_text_with_only_its_em_markers_turned_into_marks(string snippet, string shown)
    {
        await using var chromium = await Chromium.Open(api.Factory.Address);
        var page = chromium.Page;
        await page.GotoAsync("/");

        var rendered = await page.EvaluateAsync<string>("""
            async snippet => {
                const { snippetNodes } = await import('/js/dom.js');
                const p = document.createElement('p');
                p.append(snippetNodes(snippet));
                if (p.querySelector(':not(mark)') || [...p.querySelectorAll('mark')].some(m => m.children.length)) return 'elements other than text in marks';
                return [...p.childNodes].map(n => n.nodeName === 'MARK' ? `[${n.textContent}]` : n.textContent).join('');
            }
            """, snippet);

        rendered.Should().Be(shown);
    }

    [Theory]
    [InlineData("/?q=%E4%BA%BA%E5%B7%A5%E6%99%BA%E8%83%BD", "#results-heading")]
    [InlineData("/?page=4", "#pager")]
    [InlineData("/articles/{first}", "#similar-heading")]
    public async Task At_360_pixels_wide_nothing_scrolls_sideways(string path, string shown)
    {
        var first = api.Index.Articles.OrderByDescending(a => a.Title.Length).First();
        await using var chromium = await Chromium.Open(api.Factory.Address, width: 360, height: 740);
        var page = chromium.Page;

        await page.GotoAsync(path.Replace("{first}", first.Id));
        await Expect(page.Locator(shown)).ToBeVisibleAsync();
        await Expect(page.Locator("#status")).ToBeEmptyAsync();
        if (shown != "#similar-heading")
        {
            // The filters fold away on a phone; open them so they are measured too.
            await page.Locator("#filters-panel > summary").ClickAsync();
            await Expect(page.Locator("#from")).ToBeVisibleAsync();
        }

        var widths = await page.EvaluateAsync<int[]>("[document.documentElement.scrollWidth, document.documentElement.clientWidth]");
        widths[0].Should().BeLessThanOrEqualTo(widths[1], "the page fits a 360 px phone screen");
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/articles/any-id")]
    [InlineData("/js/app.js")]
    public async Task The_page_forbids_inline_script_with_a_content_security_policy(string path)
    {
        using var response = await api.Client.GetAsync(path);

        response.StatusCode.Should().Be(HttpStatusCode.OK);
        var policy = string.Join(";", response.Headers.GetValues("Content-Security-Policy"));
        policy.Should().Contain("script-src 'self'").And.NotContain("unsafe-inline").And.NotContain("unsafe-eval");
        if (path != "/js/app.js") (await response.Content.ReadAsStringAsync()).Should().Contain("<script type=\"module\" src=\"/js/app.js\">");
    }

    /// <summary>Text as a browser lays it out: runs of white space become one space.</summary>
    private static string Spaced(string text) => System.Text.RegularExpressions.Regex.Replace(text, @"\s+", " ").Trim();

    private static async Task WaitUntilReady(SearchApiFactory factory)
    {
        using var client = factory.CreateClient();
        for (var attempt = 0; attempt < 300; attempt++)
        {
            using var ready = await client.GetAsync("/health/ready");
            if (ready.IsSuccessStatusCode) return;
            await Task.Delay(100);
        }
        throw new TimeoutException("the first index build did not finish in 30 s");
    }
}
