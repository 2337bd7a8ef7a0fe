using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>How results are ordered and how queries are understood, asserted on the content of the real corpus.</summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class RankingTests(CorpusIndexFixture index)
{
    private SearchResult Search(string query, int pageSize = 10) =>
        index.Searcher.Search(new SearchRequest { Query = query, PageSize = pageSize, Snippets = false });

    private Article Full(SearchHit hit) => index.Articles.Single(a => a.Id == hit.Article.Id);

    private static string Text(Article article) => article.Title + "\n" + article.Body;

    [Fact]
    public void A_title_match_outranks_a_body_only_match_that_repeats_the_word_more()
    {
        // 从Robot到Cobot… says 机器人 60 times, more than any article with 机器人 in its title, but only in its body.
        var bodyOnly = index.ByTitle("从Robot到Cobot，人机共融正在开创一个时代");
        Count(bodyOnly.Body, "机器人").Should().BeGreaterThan(index.Articles
            .Where(a => a.Title.Contains("机器人")).Max(a => Count(a.Body, "机器人")));

        var titles = Search("机器人", 20).Hits.Select(h => h.Article.Title).ToList();

        var titleMatches = index.Articles.Where(a => a.Title.Contains("机器人")).Select(a => a.Title).ToList();
        titleMatches.Should().HaveCountGreaterThanOrEqualTo(3);
        titles.Take(titleMatches.Count).Should().BeEquivalentTo(titleMatches);
        titles.IndexOf(bodyOnly.Title).Should().Be(titleMatches.Count);
    }

    [Theory]
    [InlineData("科技金融")]
    [InlineData("数字经济")]
    [InlineData("产业集群")]
    public void The_words_as_typed_outrank_the_same_words_scattered(string query)
    {
        var hits = Search(query, 50).Hits.Select(Full).ToList();

        // Articles with the words apart (科技 … 金融) also match, but only below every verbatim one.
        var verbatim = hits.Select(a => Text(a).Contains(query)).ToList();
        verbatim.Should().Contain(false, "the query should also find the words scattered");
        verbatim.Should().BeInDescendingOrder("every article with the words as typed comes first");
        verbatim.Count(v => v).Should().Be(index.Articles.Count(a => Text(a).Contains(query)));
    }

    [Fact]
    public void A_quoted_phrase_finds_only_the_words_as_typed()
    {
        var result = Search("\"科技金融\"", 50);

        result.Total.Should().Be(index.Articles.Count(a => Text(a).Contains("科技金融")));
        result.Hits.Select(Full).Should().OnlyContain(a => Text(a).Contains("科技金融"));
    }

    [Theory]
    [InlineData("引领", new[] { "引", "领" }, "江苏省科技厅发布政策解读《加快科技创新引领未来产业发展“5个100”行动方案（2024-2026年）》")]
    [InlineData("水冷壁", new[] { "水", "冷", "壁" }, "东方锅炉行业首个水冷壁“数制智联”工厂投运")]
    [InlineData("钙钛矿", new[] { "钙", "钛", "矿" }, "深耕科技创新“最先一公里”")]
    public void A_word_SmartCn_splits_into_characters_is_found_through_the_bigram_fields(string word, string[] smartCn, string title)
    {
        ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Words, word).Select(t => t.Term).Should().Equal(smartCn);
        // The bigram analyzer keeps the word's characters pairwise, so a phrase over them is the word itself.
        ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Bigrams, word).Select(t => t.Term)
            .Should().Equal(Enumerable.Range(0, word.Length - 1).Select(i => word.Substring(i, 2)));

        var result = Search(word, 50);

        result.Hits.Select(Full).Should().OnlyContain(a => Text(a).Contains(word), "single characters apart do not count");
        result.Total.Should().Be(index.Articles.Count(a => Text(a).Contains(word)));
        result.Hits.Select(h => h.Article.Title).Should().Contain(title);
        if (index.ByTitle(title).Title.Contains(word)) result.Hits[0].Article.Title.Should().Be(title);
    }

    [Theory]
    [InlineData("显示器件", new[] { "显示器", "件" })]
    [InlineData("元宇宙", new[] { "元", "宇宙" })]
    [InlineData("车联网", new[] { "车", "联网" })]
    public void A_lone_character_SmartCn_splits_off_stays_with_its_word(string word, string[] smartCn)
    {
        ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Words, word).Select(t => t.Term).Should().Equal(smartCn);

        var result = Search(word, 50);

        // One term, not 件 or 元 on its own, which would match the character anywhere.
        result.Query.Terms.Should().ContainSingle().Which.Text.Should().Be(word);
        result.Total.Should().Be(index.Articles.Count(a => Text(a).Contains(word))).And.BeGreaterThan(0);
        result.Hits.Select(Full).Should().OnlyContain(a => Text(a).Contains(word));
    }

    [Theory]
    [InlineData("AI", "上海市市级科技重大专项“人工智能前沿基础理论与关键技术—自主智能无人系统”启动")]
    [InlineData("ai", "上海市市级科技重大专项“人工智能前沿基础理论与关键技术—自主智能无人系统”启动")]
    [InlineData("人工智能", "从Robot到Cobot，人机共融正在开创一个时代")]
    [InlineData("人工智能", "全球首个AI电子顺磁共振波谱仪发布")]
    [InlineData("双碳", "全市首个，全省第三个！新闸科技工业园获批PAS2060碳中和园区")]
    [InlineData("碳中和", "“智”理双碳，海康威视造了个“大脑”")]
    [InlineData("智改数转", "江苏省制造业智能化改造和数字化转型三年行动计划（2022 - 2024年）")]
    [InlineData("数字化转型", "常州市科技局出台服务“智改数转”专项行动计划")]
    [InlineData("市场监管总局", "《关于推进重点产业知识产权强链增效的若干措施》解读")]
    [InlineData("市场监督管理总局", "《科技评估人员能力评价规范》和《科技成果评估规范》两项国家标准发布实施")]
    public void Synonyms_find_articles_that_use_only_the_other_term(string query, string title)
    {
        var result = Search(query, 30);

        result.Hits.Select(h => h.Article.Title).Should().Contain(title);
        result.Query.Terms.Should().ContainSingle().Which.Synonyms.Should().NotBeEmpty();
    }

    [Fact]
    public void AI_and_its_synonym_find_the_same_articles()
    {
        var ai = Search("AI", 50).Hits.Select(h => h.Article.Id);
        var full = Search("人工智能", 50).Hits.Select(h => h.Article.Id);

        ai.Should().BeEquivalentTo(full);
        ai.Should().HaveCount(index.Articles.Count(a => Text(a).Contains("AI") || Text(a).Contains("人工智能")));
    }

    [Fact]
    public void A_question_relaxes_to_most_of_its_words_and_still_finds_the_answer()
    {
        var result = Search("常州有哪些企业完成融资");

        result.Query.Match.Should().Be("relaxed");
        result.Query.MinimumMatch.Should().BeInRange(1, result.Query.Terms.Count - 1);
        result.Query.Note.Should().StartWith("only 2 article(s) have all 4 terms together; also showing articles with any of 企业、完成、融资");
        result.Query.Ignored.Should().Contain(["有", "哪些"]);
        result.Hits[0].Article.Title.Should().Be("常州中科创新创业发展联盟3家会员单位完成融资");
    }

    [Fact]
    public void A_query_whose_words_occur_together_stays_strict()
    {
        var result = Search("概念验证中心 科技成果转化");

        result.Query.Match.Should().Be("all");
        result.Query.MinimumMatch.Should().BeNull();
        result.Query.Note.Should().BeNull();
        result.Hits.Select(h => h.Article.Title).Should().Contain("宁波创建首批概念验证中心助力培育新质生产力");
        result.Hits.Select(Full).Should().OnlyContain(a => Text(a).Contains("概念验证中心") && Text(a).Contains("成果"));
    }

    [Theory]
    [InlineData("常州有哪些企业完成融资", new[] { "常州", "企业", "完成", "融资" })]
    [InlineData("概念验证中心 宁波 高校", new[] { "概念验证中心", "宁波", "高校" })]
    [InlineData("机器人 人才 缺口", new[] { "机器人", "人才", "缺口" })]
    [InlineData("北京有哪些自动驾驶试点", new[] { "北京", "自动驾驶", "试点" })]
    public void A_relaxed_query_ranks_the_articles_with_every_term_first(string query, string[] words)
    {
        var result = Search(query, 50);

        result.Query.Match.Should().Be("relaxed");
        var hasAll = result.Hits.Select(h => words.All(Text(Full(h)).Contains)).ToList();
        hasAll.Should().Contain(true).And.BeInDescendingOrder();
    }

    [Fact]
    public void Relaxing_counts_only_articles_without_the_excluded_word()
    {
        // No article has all three words; the articles relaxing finds first mostly say 企业, so it must go on until
        // enough that do not have matched (counting them with the excluded ones stopped it with nothing to show).
        var result = Search("确定 相关 上路 -企业");

        result.Query.Match.Should().Be("relaxed");
        result.Total.Should().BeGreaterThanOrEqualTo(3);
        result.Hits.Should().HaveCount(result.Total);
        result.Hits.Select(Full).Should().OnlyContain(a => !Text(a).Contains("企业"));
    }

    [Fact]
    public void Relaxing_within_a_section_counts_only_that_section()
    {
        // Across the archive, dropping 确定 finds enough; within 政策法规 it finds none, so relaxing must go on.
        var result = index.Searcher.Search(new SearchRequest { Query = "确定 相关 上路", Sections = ["政策法规"], Snippets = false });

        result.Query.Match.Should().Be("relaxed");
        result.Total.Should().BeGreaterThanOrEqualTo(3);
        result.Hits.Should().HaveCount(result.Total).And.OnlyContain(h => h.Article.Section == "政策法规");
    }

    [Fact]
    public void An_explicit_AND_is_never_relaxed()
    {
        // No article has all three; without AND the query relaxes to the cornea article (角膜, 机器人).
        Search("机器人 角膜 亚运").Query.Match.Should().Be("relaxed");

        var result = Search("机器人 AND 角膜 AND 亚运");

        result.Query.Match.Should().Be("all");
        result.Query.MinimumMatch.Should().BeNull();
        result.Total.Should().Be(0);
    }

    [Fact]
    public void Words_the_archive_holds_together_are_relaxed_as_one()
    {
        // SmartCn cuts 概念验证中心 into 概念 / 验证 / 中心; relaxing those apart would return articles with only
        // 验证 and 中心. The archive holds the three together, so relaxation keeps them together: every hit has the
        // whole word.
        var result = Search("概念验证中心 -江苏", 50);

        result.Query.Match.Should().Be("all");
        result.Hits.Select(Full).Should().OnlyContain(a => Text(a).Contains("概念验证中心") && !Text(a).Contains("江苏"));
        result.Hits.Select(h => h.Article.Title).Should().Contain("宁波创建首批概念验证中心助力培育新质生产力");
    }

    [Fact]
    public void Punctuation_separates_terms_like_a_space()
    {
        // title: is not syntax; "titl" is in no article, so the query relaxes past it to 机器人.
        var result = Search("title:机器人");

        result.Query.Terms.Select(t => t.Text).Should().Equal("title", "机器人");
        result.Query.Match.Should().Be("relaxed");
        result.Hits[0].Article.Title.Should().Contain("机器人");
    }

    [Fact]
    public void The_relaxation_note_counts_the_articles_that_have_every_term()
    {
        // Few articles have 概念验证中心, 宁波 and 高校 together, so the query relaxes, but "no article" would be false.
        var haveAll = index.Articles.Count(a => new[] { "概念", "验证", "中心", "宁波", "高校" }.All(Text(a).Contains));
        haveAll.Should().BeInRange(1, 2);

        var result = Search("概念验证中心 宁波 高校");

        result.Query.Match.Should().Be("relaxed");
        // The place goes first (the boost still prefers articles tagged 宁波); the four other words stay required.
        result.Query.Dropped.Should().Equal("宁波");
        result.Query.Places.Should().Equal("宁波");
        result.Query.MinimumMatch.Should().Be(4);
        result.Query.Note.Should().StartWith($"only {haveAll} article(s) have all 5 terms together")
            .And.Contain("not requiring 宁波").And.Contain("tagged 宁波 rank higher");
        result.Hits[0].Article.Title.Should().Be("宁波创建首批概念验证中心助力培育新质生产力");
    }

    [Fact]
    public void Question_words_and_particles_are_ignored_and_reported()
    {
        var result = Search("如何培育新质生产力");

        result.Query.Ignored.Should().Equal("如何");
        result.Query.Terms.Select(t => t.Text).Should().NotContain("如何");
        result.Query.Match.Should().Be("all");
        result.Hits.Select(h => h.Article.Title).Take(3).Should().BeEquivalentTo(
            "科技赋能产业兴——从地方两会看加快培育新质生产力",
            "以知识产权助推新质生产力发展",
            "宁波创建首批概念验证中心助力培育新质生产力");
    }

    [Fact]
    public void Request_fillers_and_measure_words_are_ignored()
    {
        var result = Search("有没有关于机器人的文章");

        result.Query.Terms.Select(t => t.Text).Should().Equal("机器人");
        result.Query.Ignored.Should().Contain(["有没有", "关于", "的", "文章"]);
        result.Total.Should().Be(index.Articles.Count(a => Text(a).Contains("机器人")));

        Search("哪家企业获得了融资").Query.Terms.Select(t => t.Text).Should().Equal("企业", "获得", "融资");
    }

    [Fact]
    public void A_query_of_only_stopwords_matches_nothing_and_says_why()
    {
        var result = Search("的 了 吗");

        result.Query.Ignored.Should().Equal("的", "了", "吗");
        result.Query.Match.Should().Be("none");
        result.Query.Note.Should().NotBeNullOrEmpty();
        result.Total.Should().Be(0);
    }

    // ---- queries typed as readers type (issue 10)

    [Fact]
    public void A_year_and_a_place_in_front_boost_instead_of_emptying_the_answer()
    {
        // No article has 2022年 with the rest: the right one gives its date another way.
        var result = Search("2022年常州惠企政策");

        result.Hits[0].Article.Title.Should().Be("常州武进实现惠企政策精准推送");
        result.Hits[0].Article.Date.Year.Should().Be(2022);
        result.Query.Match.Should().Be("relaxed");
        result.Query.Years.Should().Equal(2022);
        result.Query.Places.Should().Equal("常州");
        // The year is read as a year (never required); the place and the generic word go before the topic word.
        result.Query.Terms.Single(t => t.Text == "2022年").Kind.Should().Be("year");
        result.Query.Dropped.Should().Equal("政策", "常州");
        result.Query.Note.Should().Contain("not requiring 政策、常州").And.Contain("dated 2022 or tagged 常州 rank higher");
    }

    [Fact]
    public void A_word_no_article_has_does_not_empty_the_answer()
    {
        // 新产品 is in neither article; the AR conference has AR but no 眼镜.
        var result = Search("AR眼镜新产品");

        result.Hits.Select(h => h.Article.Title).Take(2).Should().Equal(
            "成功入眼测试，全球首款Micro LED AR隐形眼镜获新进展",
            "2024 Rokid AR生态大会暨第二届AR应用开发大赛决赛在安徽合肥成功举办");
        result.Query.Terms.Select(t => t.Text).Should().Equal("AR", "眼镜", "新", "产品");
    }

    [Fact]
    public void A_compound_the_archive_holds_outranks_a_rarer_word_alone()
    {
        // SmartCn cuts 工业软件 into 工业 / 软件; no article has 国产化 with them. The plans that develop 工业软件 come
        // first, not articles with 工业 or 国产化 alone.
        var result = Search("工业软件国产化");

        result.Hits.Select(h => h.Article.Title).Take(2).Should().BeEquivalentTo(
            "江苏省制造业智能化改造和数字化转型三年行动计划（2022 - 2024年）", "《“十四五”智能制造发展规划》政策解读");
        result.Hits.Take(2).Select(Full).Should().OnlyContain(a => Text(a).Contains("工业软件"));
    }

    [Fact]
    public void A_year_lifts_the_articles_dated_in_it()
    {
        var plain = Search("机器人", 20).Hits.Select(h => h.Article).ToList();
        var withYear = Search("2024年机器人", 20).Hits.Select(h => h.Article).ToList();

        // Not a filter: the same articles, those of 2024 moved up, none moved down.
        withYear.Select(a => a.Id).Should().BeEquivalentTo(plain.Select(a => a.Id));
        var dated = plain.Where(a => a.Date.Year == 2024).Select(a => a.Id).ToList();
        dated.Should().NotBeEmpty();
        dated.Should().OnlyContain(id => withYear.FindIndex(a => a.Id == id) <= plain.FindIndex(a => a.Id == id));
        dated.Should().Contain(id => withYear.FindIndex(a => a.Id == id) < plain.FindIndex(a => a.Id == id));
    }

    [Fact]
    public void A_place_lifts_the_articles_tagged_with_it()
    {
        // 常州 is in the text of every hit; the articles tagged 常州 (about the city, not merely naming it) come first
        // (without the boost an untagged article came third).
        var result = Search("常州 企业", 30);

        result.Query.Places.Should().Equal("常州");
        var tagged = result.Hits.Select(h => h.Article.Regions.Contains("常州")).ToList();
        tagged.Should().Contain(false).And.BeInDescendingOrder();
    }

    [Theory]
    [InlineData("人造角膜会不会有触觉", "会不会", "人造智能角膜有感觉")]
    [InlineData("常州是不是知识产权快速维权试点", "是不是", "国家知识产权局确定第一批知识产权纠纷快速处理试点地区")]
    [InlineData("有没有人造角膜", "有没有", "人造智能角膜有感觉")]
    [InlineData("数字政府建设进展怎么样", "怎么样", "数字政府建设提速 产业布局深化")]
    [InlineData("为什么要建概念验证中心", "为什么", "概念验证中心")]
    [InlineData("江小涓谈数据要素市场", "谈", "加快数据要素赋能整体经济")]
    public void Colloquial_question_forms_are_question_words(string query, string form, string title)
    {
        var result = Search(query);

        result.Query.Ignored.Should().Contain(form);
        result.Query.Terms.Select(t => t.Text).Should().NotContain(t => form.Contains(t) || t.Contains(form));
        result.Hits[0].Article.Title.Should().Contain(title);
    }

    [Fact]
    public void The_chunk_found_verbatim_still_ranks_first_when_the_query_relaxes()
    {
        // Only the Wuxi article has 江南大学 with 概念验证中心; relaxing adds the other 概念验证中心 articles after it.
        var result = Search("江南大学概念验证中心", 50);

        result.Query.Match.Should().Be("relaxed");
        result.Query.Dropped.Should().Equal("江南大学");
        result.Hits[0].Article.Title.Should().Be("无锡首个省级概念验证中心亮相");
        var verbatim = result.Hits.Select(h => Text(Full(h)).Contains("江南大学概念验证中心")).ToList();
        verbatim.Should().Contain(false).And.BeInDescendingOrder();
        result.Hits.Select(Full).Take(3).Should().OnlyContain(a => Text(a).Contains("概念验证中心"));
    }

    private static int Count(string text, string word)
    {
        var count = 0;
        for (var i = text.IndexOf(word, StringComparison.Ordinal); i >= 0; i = text.IndexOf(word, i + word.Length, StringComparison.Ordinal)) count++;
        return count;
    }
}
