using System.Text.RegularExpressions;
using TestSupport;

namespace ArchiveSearch.Ingest.Tests;

/// <summary>A table of contents may put any leader between a title and its page number.</summary>
public sealed partial class ContentsLeaderTests
{
    [Theory]
    [InlineData(" ……… ")]
    [InlineData("……")]
    [InlineData("⋯⋯⋯⋯")]
    [InlineData(" ··· ")]
    [InlineData("．．．．")]
    [InlineData("\t")]
    [InlineData("    ")]
    [InlineData("")]
    public void The_contents_of_002_give_the_same_articles_whatever_the_leader(string leader)
    {
        var text = File.ReadAllText(RepoPaths.CorpusFile("002"));
        var expected = IssueParser.Parse(text);
        // 002's contents use ".....<tab>page" and "<tab>page"; put the leader under test in their place.
        var relaid = ContentsLeader().Replace(text, m => m.Groups["title"].Value + leader + m.Groups["page"].Value);
        relaid.Should().NotBe(text);

        var parsed = IssueParser.Parse(relaid);

        parsed.Articles.Select(a => a.Title).Should().Equal(expected.Articles.Select(a => a.Title));
        parsed.Articles.Should().BeEquivalentTo(expected.Articles, o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData("《“十四五”智能制造发展规划》政策解读 ……… 3", true)]
    [InlineData("镇江出台“十四五”制造业高质量发展系列规划⋯⋯⋯28", true)]
    [InlineData("“对话德国”活动在常州举行···40", true)]
    [InlineData("江苏12家平台入选国家中小企业公共服务示范平台\t24", true)]
    [InlineData("2021世界智能制造大会在南京开幕 23", true)]
    [InlineData("常州市六大工程增强创新第一动力41", true)]
    [InlineData("常州市六大工程增强创新第一动力", false)]
    [InlineData("国家自主创新示范区2021", false)]
    public void A_contents_line_is_a_title_a_leader_and_a_page_number(string line, bool isContents)
    {
        IssueParser.IsContentsLine(line).Should().Be(isContents);
    }

    [GeneratedRegex(@"^(?<title>[^\n]+?)(?:\.{5})?\t(?<page>\d{1,3})$", RegexOptions.Multiline)]
    private static partial Regex ContentsLeader();
}
