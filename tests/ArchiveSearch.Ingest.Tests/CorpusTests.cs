using TestSupport;

namespace ArchiveSearch.Ingest.Tests;

/// <summary>Parses the real corpus and pins what it holds.</summary>
public sealed class CorpusTests
{
    private static readonly Dictionary<string, string[]> ExpectedTitles = new()
    {
        ["000"] =
        [
            "江苏省科技厅发布政策解读《加快科技创新引领未来产业发展“5个100”行动方案（2024-2026年）》",
            "《碳排放权交易管理暂行条例》为碳市场健康发展提供法律保障",
            "沪苏浙皖加快布局未来产业",
            "江苏：全力打造具有全球影响力的产业科技创新中心",
            "湖北：国家数字建造技术创新中心桥梁智能建造实验室在汉揭牌",
            "2024年湖南省“三尖”创新人才工程又添改革新举措",
            "科技赋能产业兴——从地方两会看加快培育新质生产力",
            "浙江出台意见支持德清车联网建设",
            "2024 Rokid AR生态大会暨第二届AR应用开发大赛决赛在安徽合肥成功举办",
            "加快数据要素赋能整体经济",
            "宁夏：科技赋能食品安全助力全域“食品药品安全区”可持续发展",
            "人造智能角膜有感觉",
            "北京启动全球首个自动驾驶接驳线路，4家企业获准运营",
            "《江苏省专利转化运用专项行动实施方案》政策解读",
            "以知识产权助推新质生产力发展",
            "德清发布全国首个车联网数据分类分级地方标准规范",
            "嘉兴出台科创金融市级地方标准",
            "常州市出台科技创新平台高质量发展行动计划",
            "常州市委常委、武进区委书记乔俊杰调研中科元境",
        ],
        ["001"] =
        [
            "科技部等八部门关于深入开展《中华人民共和国科学技术进步法》学习宣传和贯彻实施工作的通知",
            "中共中央办公厅 国务院办公厅印发《关于加强科技伦理治理的意见》",
            "科技部火炬中心召开《国家自主创新示范区2021—2035年发展规划》战略研究专题调研会",
            "浙江省发布能源发展“十四五”规划确保能源安全，实现绿色转型",
            "江苏省新备案国家级众创空间数量位居全国首位",
            "第七届中国创新挑战赛在京启动",
            "广东：珠海坚持产业第一、制造业优先：“小而美”转向“强而优”",
            "工业机器人失陷“打工人”稀缺",
            "从Robot到Cobot，人机共融正在开创一个时代",
            "成功入眼测试，全球首款Micro LED AR隐形眼镜获新进展",
            "开放平台，定制开发，temi机器人实现多场景适配",
            "国家知识产权局确定第一批知识产权纠纷快速处理试点地区",
            "江苏省启动首个省级科技报告地方标准制定工作",
            "常州市科技局出台服务“智改数转”专项行动计划",
            "大城强城指数达77分——常州：凭实力进入全国前十",
        ],
        ["002"] =
        [
            "《“十四五”智能制造发展规划》政策解读",
            "大国创新的关键之举——科技部部长王志刚为科技政策扎实落地“划重点”",
            "江苏省制造业智能化改造和数字化转型三年行动计划（2022 - 2024年）",
            "上海市市级科技重大专项“人工智能前沿基础理论与关键技术—自主智能无人系统”启动",
            "浙江省江山市多措并举推进高新技术产业发展",
            "2021世界智能制造大会在南京开幕",
            "江苏12家平台入选国家中小企业公共服务示范平台",
            "镇江出台“十四五”制造业高质量发展系列规划",
            "《2021人工智能创新研究院（AI Labs）报告》发布，科大讯飞研究院上榜",
            "“十四五”推动机器人产业迈向中高端",
            "全国首场颠覆性技术创新大赛领域赛开幕",
            "《知识产权强国建设纲要和“十四五”规划实施年度推进计划》印发",
            "淮南市多举措建成国家级检验检测类标准化试点",
            "常州市“十四五”科技创新发展规划发布",
            "“对话德国”活动在常州举行",
            "常州市六大工程增强创新第一动力",
        ],
        ["003"] =
        [
            "科技部副秘书长贺德方：增强国家创新体系效能支撑科技强国建设",
            "数字政府建设提速 产业布局深化",
            "江苏省和科技部启动实施双碳领域“部省联动”重点专项",
            "新华网与国科天成达成合作共建科普创新实验室",
            "主驾没人！北京首开乘用车无人化运营试点",
            "安徽：以科技创新驱动高质量发展",
            "一流科技深度学习框架助推AI新基建“普惠化”",
            "日照市科技文献公共服务平台开放“科技粮仓”助力创新创业",
            "科技点亮杭州亚运",
            "“智”理双碳，海康威视造了个“大脑”",
            "江苏产研院生物医疗所夺下全国大赛最高奖",
            "知识产权再发力 精准帮扶续新篇",
            "《安徽省企业知识产权标准化管理工程实施方案》印发",
            "构建长三角创新中轴 常州以“国际智造”之名启航",
            "常州武进实现惠企政策精准推送",
        ],
        ["004"] =
        [
            "《江苏省概念验证中心建设工作指引（试行）》政策解读",
            "《关于推进重点产业知识产权强链增效的若干措施》解读",
            "宁波创建首批概念验证中心助力培育新质生产力",
            "无锡首个省级概念验证中心亮相",
            "天津市科技局多措并举推进企业孵化器建设",
            "创新“信贷+基金+保险”科技金融服务模式护航科技型企业大胆“试水”",
            "湖州市科技局以科技创新孕育绿色生产力",
            "全市首个，全省第三个！新闸科技工业园获批PAS2060碳中和园区",
            "深耕科技创新“最先一公里”",
            "全球首个AI电子顺磁共振波谱仪发布",
            "东方锅炉行业首个水冷壁“数制智联”工厂投运",
            "在苏重点实验室联合发布《关于进一步强化重点实验室知识产权工作 赋能高水平科技创新的倡议书》",
            "《科技评估人员能力评价规范》和《科技成果评估规范》两项国家标准发布实施",
            "常州中科创新创业发展联盟3家会员单位完成融资",
        ],
    };

    private static IReadOnlyList<Article> Read(string key) => CorpusReader.ReadFile(RepoPaths.CorpusFile(key));

    private static IReadOnlyList<Article> All() => [.. RepoPaths.CorpusFiles.SelectMany(CorpusReader.ReadFile)];

    [Theory]
    [InlineData("000", 19)]
    [InlineData("001", 15)]
    [InlineData("002", 16)]
    [InlineData("003", 15)]
    [InlineData("004", 14)]
    public void Each_file_holds_its_articles_with_every_title_in_order(string key, int count)
    {
        var titles = Read(key).Select(a => a.Title).ToList();

        titles.Should().HaveCount(count);
        titles.Should().Equal(ExpectedTitles[key]);
    }

    [Fact]
    public void The_corpus_holds_79_articles_with_unique_url_safe_ids()
    {
        var articles = All();

        articles.Should().HaveCount(79);
        articles.Select(a => a.Id).Should().OnlyHaveUniqueItems()
            .And.AllSatisfy(id => id.Should().MatchRegex("^[a-z0-9-]+$"));
    }

    [Fact]
    public void Ids_are_stable_across_reads()
    {
        Read("000").Select(a => a.Id).Should().Equal(Read("000").Select(a => a.Id));
    }

    [Theory]
    [InlineData("000", 1, "政策法规", "人民日报", "2024-02-26", DateSource.Article)]
    [InlineData("000", 2, "各地动态", "澎湃新闻", "2024-03-05", DateSource.Estimated)]
    [InlineData("000", 4, "各地动态", "湖北省科技厅", "2023-12-15", DateSource.Article)]
    [InlineData("000", 12, "产品市场", "OFweek机器人网", "2024-02-23", DateSource.Article)]
    [InlineData("001", 2, "政策法规", "科技部", "2022-06-09", DateSource.Article)]
    [InlineData("001", 14, "聚焦常州", "常州日报", "2022-06-30", DateSource.Estimated)]
    [InlineData("002", 0, "政策法规", "人民日报", "2022-01-15", DateSource.Issue)]
    [InlineData("002", 7, "行业新闻", "镇江市政府", "2021-12-22", DateSource.Article)]
    [InlineData("003", 4, "各地动态", "北京市科学技术委员会", "2022-04-28", DateSource.Article)]
    [InlineData("004", 10, "产品市场", "四川省科技厅", "2024-10-30", DateSource.Article)]
    [InlineData("004", 13, "聚焦常州", "常州市科技局", "2024-10-30", DateSource.Estimated)]
    public void Sample_articles_have_their_section_source_and_date(string key, int index, string section, string source, string date, DateSource dateSource)
    {
        var article = Read(key)[index];

        article.Section.Should().Be(section);
        article.Source.Should().Be(source);
        article.Date.Should().Be(DateOnly.Parse(date));
        article.DateSource.Should().Be(dateSource);
    }

    [Theory]
    [InlineData("000", 0, "江苏")]
    [InlineData("000", 2, "上海|江苏|浙江|安徽")]
    [InlineData("000", 7, "浙江|湖州|德清")]
    [InlineData("000", 18, "江苏|常州|武进")]
    [InlineData("001", 0, "全国")]
    [InlineData("002", 4, "浙江|衢州|江山")]
    [InlineData("002", 7, "江苏|镇江")]
    [InlineData("002", 10, "江苏|苏州|全国")]
    [InlineData("002", 12, "安徽|淮南|全国")]
    [InlineData("004", 3, "江苏|无锡")]
    [InlineData("004", 7, "江苏|常州|钟楼")]
    [InlineData("001", 9, "")]
    public void Sample_articles_carry_the_regions_their_title_and_opening_name(string key, int index, string regions)
    {
        var article = Read(key)[index];

        string.Join('|', article.Regions).Should().Be(regions, article.Title);
    }

    [Fact]
    public void The_clean_export_header_gives_issue_number_and_date()
    {
        Read("002").Should().AllSatisfy(a =>
        {
            a.Issue.Should().Be("43");
            a.IssueDate.Should().Be(new DateOnly(2022, 1, 15));
        });
        Read("000").Should().AllSatisfy(a =>
        {
            a.Issue.Should().Be("000");
            a.IssueDate.Should().BeNull();
        });
    }

    [Fact]
    public void Untitled_article_in_002_is_recovered_with_its_title_from_the_contents()
    {
        var articles = Read("002");
        var index = articles.ToList().FindIndex(a => a.Title.StartsWith("上海市市级科技重大专项", StringComparison.Ordinal));

        index.Should().Be(3);
        var recovered = articles[index];
        recovered.Title.Should().Be("上海市市级科技重大专项“人工智能前沿基础理论与关键技术—自主智能无人系统”启动");
        recovered.Section.Should().Be("各地动态");
        recovered.Source.Should().Be("科技部");
        recovered.Body.Should().StartWith("王晔在致辞中表示").And.Contain("同济大学牵头");
        // The article before lost its end and its source line in the export; its text stops where the cut was.
        var before = articles[index - 1];
        before.Title.Should().StartWith("江苏省制造业智能化改造和数字化转型三年行动计划");
        before.Body.Should().EndWith("强化数据要素支撑，").And.NotContain("王晔");
        before.Source.Should().Be(IssueParser.UnknownSource);
    }

    [Theory]
    [InlineData("供热改造")]
    [InlineData("职业分类大典")]
    [InlineData("快速维权中心")]
    [InlineData("显示器件")]
    public void Words_cut_across_pdf_lines_are_joined(string word)
    {
        All().Should().Contain(a => a.Body.Contains(word));
    }

    [Fact]
    public void Latin_words_across_a_line_break_keep_one_space()
    {
        All().Should().Contain(a => a.Title == "成功入眼测试，全球首款Micro LED AR隐形眼镜获新进展");
    }

    [Fact]
    public void Contents_and_back_matter_at_the_end_of_001_stay_out_of_bodies()
    {
        var articles = Read("001");

        articles.Should().AllSatisfy(a => a.Body.Should()
            .NotContain("版权及合理使用声明").And.NotContain("信息速报").And.NotContain("科教城三一路")
            .And.NotContain("0519-86339802").And.NotContain("arist"));
        articles[^1].Body.Should().EndWith("再创龙城辉煌！");
        // Titles wrapped over two lines of the contents are found whole.
        articles.Select(a => a.Title).Should().Contain("国家知识产权局确定第一批知识产权纠纷快速处理试点地区");
    }

    [Fact]
    public void Contents_at_the_start_of_002_stay_out_of_bodies()
    {
        Read("002").Should().AllSatisfy(a => a.Body.Should().NotContain(".....").And.NotContain("本期重点"));
    }

    [Fact]
    public void No_replacement_characters_page_numbers_or_urls_in_any_article()
    {
        All().Should().AllSatisfy(a =>
        {
            (a.Title + a.Body).Should().NotContain("\uFFFD");
            a.Body.Should().NotContain("http").And.NotContain("www.").And.NotContain("全文链接");
            a.Body.Split('\n').Should().NotContain(p => p.All(char.IsAsciiDigit));
        });
    }

    [Fact]
    public void Every_article_has_title_section_source_and_body_and_no_repeats()
    {
        All().Should().AllSatisfy(a =>
        {
            a.Title.Should().NotBeNullOrWhiteSpace();
            a.Section.Should().BeOneOf(Sections.Names);
            a.Source.Should().NotBeNullOrWhiteSpace();
            a.Body.Should().NotBeNullOrWhiteSpace().And.NotContain("（来源").And.NotStartWith(a.Title);
            a.Body.Split('\n').Should().NotContain(string.Empty);
        });
    }

    [Fact]
    public void A_december_event_in_a_january_issue_is_dated_the_year_before()
    {
        // 002 is dated 2022-01-15; "12月22日上午，镇江市召开…" happened in December 2021.
        var article = Read("002").Single(a => a.Title == "镇江出台“十四五”制造业高质量发展系列规划");

        article.Date.Should().Be(new DateOnly(2021, 12, 22));
        article.DateSource.Should().Be(DateSource.Article);
    }

    [Fact]
    public void A_period_or_an_effective_date_is_not_an_event_date()
    {
        var articles = Read("000");

        // "（2024-2026年）" is a period; "3月 5日" (spaced by the PDF) is the event.
        articles[0].Date.Should().Be(new DateOnly(2024, 3, 5));
        // "自 2024年 5月 1日起施行" lies ahead; "2月 26日" is the event.
        articles[1].Date.Should().Be(new DateOnly(2024, 2, 26));
    }
}
