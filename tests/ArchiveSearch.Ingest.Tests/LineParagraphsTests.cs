namespace ArchiveSearch.Ingest.Tests;

/// <summary>
/// Laid-out lines as a PDF gives them, by hand: a layout where headings and titles are bold at the body size (so only
/// the weight sets them apart), with a running header, page-number footers and a paragraph across a page break.
/// </summary>
public sealed class LineParagraphsTests
{
    private const double Left = 60, Right = 535, Size = 12;

    private static LaidOutLine Body(int page, double baseline, string text, double left = Left, double right = Right) =>
        new(page, text, left, right, baseline, Size, Bold: false);

    private static LaidOutLine Bold(int page, double baseline, string text, double right) =>
        new(page, text, Left, right, baseline, Size, Bold: true);

    private static IEnumerable<LaidOutLine> Running(int page) =>
    [
        new(page, "4.0 信息速报\t第57期", Left, Right, 800, 9, false),
        new(page, $"— {page} —", 285, 310, 30, 9, false),
    ];

    private static List<LaidOutLine> Issue() =>
    [
        .. Running(1),
        Bold(1, 760, "政策法规", 110),
        Bold(1, 735, "江苏省科技厅发布政策解读《加快科技创新引领未来", 530),
        Bold(1, 714, "产业发展行动方案》", 300),
        Body(1, 690, "近日，江苏省科技厅、省发改委联合印发了《加快科技创新引领未来产业发", 84),
        Body(1, 669, "展行动方案》（以下简称《行动方案》）。3月5日，江苏省科技厅对《行动"),
        Body(1, 648, "方案》起草背景、思路目标、重点任务、保障措施等发布政策解读。未来产业"),
        .. Running(2),
        Body(2, 760, "代表着新一轮科技革命和产业变革的发展方向。", right: 320),
        Body(2, 739, "江苏发展未来产业具有良好基础，部分领域形成比较优势。", 84, 400),
        Body(2, 718, "（来源：人民日报）", 420),
        .. Running(3),
        Bold(3, 760, "嘉兴出台科创金融市级地方标准", 300),
        Body(3, 735, "嘉兴市市场监管局发布科创金融市级地方标准。", 84, 400),
        Body(3, 714, "（来源：嘉兴日报）", 420),
    ];

    [Fact]
    public void Running_headers_and_page_numbers_go_and_the_text_stays()
    {
        var kept = RunningLines.Remove(Issue());

        kept.Select(l => l.Text).Should().NotContain(t => t.Contains("信息速报") || t.StartsWith('—'));
        kept.Should().HaveCount(Issue().Count - 6);
    }

    [Fact]
    public void Bold_lines_at_the_body_size_are_set_apart_and_a_paragraph_runs_on_across_the_page_break()
    {
        var paragraphs = LineParagraphs.Join(RunningLines.Remove(Issue()));

        paragraphs.Select(p => p.Text).Should().Equal(
            "政策法规",
            "江苏省科技厅发布政策解读《加快科技创新引领未来产业发展行动方案》",
            "近日，江苏省科技厅、省发改委联合印发了《加快科技创新引领未来产业发展行动方案》（以下简称《行动方案》）。3月5日，江苏省科技厅对《行动方案》起草背景、思路目标、重点任务、保障措施等发布政策解读。未来产业代表着新一轮科技革命和产业变革的发展方向。",
            "江苏发展未来产业具有良好基础，部分领域形成比较优势。",
            "（来源：人民日报）",
            "嘉兴出台科创金融市级地方标准",
            "嘉兴市市场监管局发布科创金融市级地方标准。",
            "（来源：嘉兴日报）");
        paragraphs[1].Style.Should().NotBeNull();
        paragraphs[2].Style.Should().BeNull();
    }

    [Fact]
    public void The_issue_parser_takes_the_bold_paragraphs_as_titles()
    {
        var issue = IssueParser.Parse(LineParagraphs.Join(RunningLines.Remove(Issue())));

        issue.Articles.Select(a => (a.Section, a.Title, a.Source, a.Paragraphs.Count)).Should().Equal(
            ("政策法规", "江苏省科技厅发布政策解读《加快科技创新引领未来产业发展行动方案》", "人民日报", 2),
            ("政策法规", "嘉兴出台科创金融市级地方标准", "嘉兴日报", 1));
    }

    [Fact]
    public void Without_contents_a_title_typed_as_two_paragraphs_of_one_style_is_one_title()
    {
        var issue = IssueParser.Parse(
        [
            new IssueParagraph("内部参考"),
            new IssueParagraph("2024年第3期（总第57期）", "16pt"),
            new IssueParagraph("政策法规", "16pt bold"),
            new IssueParagraph("江苏省科技厅发布政策解读《加快科技创新引领", "15pt bold"),
            new IssueParagraph("未来产业发展行动方案》", "15pt bold"),
            new IssueParagraph("近日，江苏省科技厅、省发改委联合印发了《行动方案》。"),
            new IssueParagraph("（来源：人民日报）"),
        ]);

        issue.Number.Should().Be("57");
        issue.Articles.Should().ContainSingle().Which.Title.Should().Be("江苏省科技厅发布政策解读《加快科技创新引领未来产业发展行动方案》");
        issue.Articles[0].Paragraphs.Should().Equal("近日，江苏省科技厅、省发改委联合印发了《行动方案》。");
    }
}
