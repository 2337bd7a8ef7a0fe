namespace ArchiveSearch.Ingest.Tests;

public class RegionGazetteerTests
{
    private static IReadOnlyList<string> Extract(string text) => RegionGazetteer.Default.Extract(text);

    [Theory]
    // Parents come before the place, provinces first.
    [InlineData("德清车联网建设加快推进", new[] { "浙江", "湖州", "德清" })]
    [InlineData("武进发布智能制造行动计划", new[] { "江苏", "常州", "武进" })]
    [InlineData("常州市武进区召开科技大会", new[] { "江苏", "常州", "武进" })]
    [InlineData("湖州市德清县制定地方标准", new[] { "浙江", "湖州", "德清" })]
    [InlineData("江苏省科技厅发布政策解读", new[] { "江苏" })]
    [InlineData("浙江省江山市多措并举推进高新技术产业发展", new[] { "浙江", "衢州", "江山" })]
    [InlineData("上海市市级科技重大专项", new[] { "上海" })]
    [InlineData("镇江出台人才新政", new[] { "江苏", "镇江" })]
    [InlineData("淮南市多举措推进科技创新", new[] { "安徽", "淮南" })]
    [InlineData("2021 世界智能制造大会在南京开幕", new[] { "江苏", "南京" })]
    [InlineData("苏州工业园区发布新政", new[] { "江苏", "苏州" })]
    [InlineData("广西壮族自治区科技厅", new[] { "广西" })]
    [InlineData("内蒙古自治区和新疆维吾尔自治区", new[] { "内蒙古", "新疆" })]
    // Order of first mention; a place already listed is not repeated.
    [InlineData("南京、常州与江苏省其他城市", new[] { "江苏", "南京", "常州" })]
    public void Extract_names_places_with_their_parents(string text, string[] expected) =>
        Extract(text).Should().Equal(expected);

    [Theory]
    [InlineData("国务院印发《新一代人工智能发展规划》")]
    [InlineData("工信部等七部门联合印发实施意见")]
    [InlineData("国家发展改革委发布通知")]
    public void National_bodies_give_nationwide(string text) =>
        Extract(text).Should().Equal(RegionGazetteer.Nationwide);

    [Fact]
    public void Nationwide_is_listed_where_first_mentioned()
    {
        Extract("江苏省科技厅转发科技部通知").Should().Equal("江苏", "全国");
    }

    [Theory]
    [InlineData("推进沪苏浙皖协同创新", new[] { "上海", "江苏", "浙江", "安徽" })]
    [InlineData("长三角科技创新共同体", new[] { "上海", "江苏", "浙江", "安徽" })]
    [InlineData("京津冀协同发展", new[] { "北京", "天津", "河北" })]
    [InlineData("苏锡常一体化", new[] { "江苏", "苏州", "无锡", "常州" })]
    public void Abbreviations_expand_to_their_members(string text, string[] expected) =>
        Extract(text).Should().Equal(expected);

    [Theory]
    [InlineData("大好江山")]
    [InlineData("坚持和平发展道路")]
    [InlineData("开发区")]
    [InlineData("苏企积极参与")] // 苏 alone is no place.
    [InlineData("推动产学研用深度合作")] // 合作 is a county-level city of 甘肃.
    [InlineData("盘活数据资源")] // 资源 is a county of 桂林.
    [InlineData("全面推进乡村振兴")] // 振兴 is a district of 丹东.
    [InlineData("阿里巴巴发布大模型")] // 阿里 is a prefecture of 西藏.
    [InlineData("发展朝阳产业")] // 朝阳 is a city of 辽宁.
    [InlineData("数量居全国首位")] // A comparison, not nationwide policy.
    public void Words_that_contain_place_names_give_nothing(string text) =>
        Extract(text).Should().BeEmpty();

    [Fact]
    public void The_longest_word_wins_at_each_position()
    {
        Extract("上海南路").Should().Equal("上海"); // not 海南
        Extract("浙江山区").Should().Equal("浙江"); // not 江山
    }

    [Fact]
    public void County_names_that_are_common_words_need_their_city()
    {
        Extract("江苏沛县").Should().Equal("江苏");
        Extract("徐州沛县").Should().Equal("江苏", "徐州", "沛县");
        Extract("甘南合作市").Should().Equal("甘肃", "甘南", "合作");
    }

    [Fact]
    public void A_name_shared_by_several_places_is_resolved_by_the_text_or_dropped()
    {
        // 鼓楼区 is a district of 南京, 徐州, 福州 and 开封; 徐州 is in 江苏 too.
        Extract("南京市鼓楼区").Should().Equal("江苏", "南京", "鼓楼");
        Extract("福州市鼓楼区").Should().Equal("福建", "福州", "鼓楼");
        Extract("鼓楼区").Should().BeEmpty();
        // A province or city wins over a district of the same name.
        Extract("西安").Should().Equal("陕西", "西安");
        Extract("海南").Should().Equal("海南");
    }

    [Fact]
    public void A_city_named_like_its_province_keeps_its_full_name()
    {
        Extract("吉林市").Should().Equal("吉林", "吉林市");
        Extract("吉林").Should().Equal("吉林");
    }

    [Fact]
    public void IsKnown_accepts_every_tag_and_nothing_else()
    {
        var gazetteer = RegionGazetteer.Default;
        new[] { "江苏", "常州", "武进", "广西", "全国", "吉林市" }.Should().OnlyContain(r => gazetteer.IsKnown(r));
        new[] { "江苏省", "常州市", "苏", "长三角", "", "Jiangsu" }.Should().NotContain(r => gazetteer.IsKnown(r));
    }

    [Fact]
    public void The_gazetteer_is_generated_from_the_full_division_list()
    {
        var rows = File.ReadLines(Path.Combine(AppContext.BaseDirectory, "Data", "regions.tsv"))
            .Where(l => !l.StartsWith('#'))
            .Skip(1)
            .Select(l => l.Split('\t'))
            .ToList();
        var levels = rows.GroupBy(r => r[3]).ToDictionary(g => g.Key, g => g.Count());

        levels["province"].Should().Be(31);
        levels["city"].Should().BeGreaterThan(300);
        levels["county"].Should().BeGreaterThan(2500);
        rows.Select(r => r[0]).Should().OnlyHaveUniqueItems().And.Contain(["320000", "320400", "320412"]);
    }

    [Theory]
    [InlineData("常州", "江苏|常州")]
    [InlineData("武进|全国", "江苏|常州|武进|全国")]
    [InlineData("浙江|湖州|德清", "浙江|湖州|德清")]
    [InlineData("鼓楼", "鼓楼")]
    public void Tags_from_elsewhere_gain_their_parents(string tags, string expected) =>
        string.Join('|', RegionGazetteer.Default.WithParents(tags.Split('|'))).Should().Be(expected);

    [Fact]
    public void A_jsonl_article_tagged_only_with_a_city_is_read_with_its_province()
    {
        var path = Path.Combine(Path.GetTempPath(), $"city-only-{Guid.NewGuid():N}.jsonl");
        var article = new Article
        {
            Id = "other-1", Issue = "x", Section = "聚焦常州", Title = "标题", Source = "来源", Regions = ["常州"],
            Date = new DateOnly(2024, 1, 2), DateSource = DateSource.Article, Body = "正文",
        };
        File.WriteAllText(path, ArticleJson.Serialize(article) + "\n");
        try
        {
            CorpusReader.ReadFile(path).Single().Regions.Should().Equal("江苏", "常州");
        }
        finally
        {
            File.Delete(path);
        }
    }
}
