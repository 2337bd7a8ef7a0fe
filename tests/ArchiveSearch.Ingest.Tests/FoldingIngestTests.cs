using TestSupport;

namespace ArchiveSearch.Ingest.Tests;

/// <summary>Ingest sees text in traditional characters folded: regions, section headings and JSONL metadata.</summary>
public sealed class FoldingIngestTests
{
    [Theory]
    [InlineData("江蘇省科技廳發佈政策解讀", new[] { "江苏" })]
    [InlineData("廣東省深圳市推進新質生產力", new[] { "广东", "深圳" })]
    [InlineData("長三角一體化發展", new[] { "上海", "江苏", "浙江", "安徽" })]
    [InlineData("常州市武進區召開科技大會", new[] { "江苏", "常州", "武进" })]
    public void Regions_are_found_in_traditional_characters_and_tagged_in_simplified(string text, string[] expected) =>
        RegionGazetteer.Default.Extract(text).Should().Equal(expected);

    [Fact]
    public void Every_article_of_the_corpus_in_traditional_characters_gets_the_regions_of_its_simplified_text()
    {
        foreach (var article in RepoPaths.CorpusFiles.SelectMany(CorpusReader.ReadFile))
        {
            var opening = article.Title + "\n" + article.Body.Split('\n')[0];
            RegionGazetteer.Default.Extract(Traditional.Of(opening)).Should().Equal(RegionGazetteer.Default.Extract(opening), article.Title);
        }
    }

    [Theory]
    [InlineData("江蘇", true)]
    [InlineData("廣東", true)]
    [InlineData("蘇州", true)]
    [InlineData("長三角", false)] // a group of provinces in the text, not a tag
    public void Region_tags_are_recognised_in_traditional_characters(string region, bool known) =>
        RegionGazetteer.Default.IsKnown(region).Should().Be(known);

    [Theory]
    [InlineData("政策法規", "政策法规")]
    [InlineData("各地動態", "各地动态")]
    [InlineData("行業新聞", "行业新闻")]
    [InlineData(" 聚焦常州 ", "聚焦常州")]
    public void Section_headings_in_traditional_characters_are_headings_named_as_sections_txt_names_them(string heading, string name)
    {
        Sections.IsHeading(heading).Should().BeTrue();
        Sections.Name(heading).Should().Be(name);
        Sections.Names.Should().Contain(name);
    }

    [Fact]
    public void A_jsonl_article_with_traditional_section_and_regions_is_read_with_the_simplified_ones()
    {
        using var temp = new TempDirectory();
        var path = temp.Combine("hk.jsonl");
        var article = new Article
        {
            Id = "hk-01", Issue = "hk", Section = "各地動態", Title = "廣州發佈新政", Source = "廣州市科技局",
            Regions = ["廣州"], Date = new DateOnly(2024, 5, 1), DateSource = DateSource.Article, Body = "廣州市科技局發佈……",
        };
        File.WriteAllText(path, ArticleJson.Serialize(article) + "\n");

        var read = CorpusReader.ReadFile(path).Single();

        read.Section.Should().Be("各地动态");
        read.Regions.Should().Equal("广东", "广州");
        read.Title.Should().Be("廣州發佈新政", "stored text is never rewritten");
        read.Body.Should().Be(article.Body);
    }
}
