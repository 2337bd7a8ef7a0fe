using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;

namespace TestSupport.Documents;

/// <summary>Two ways an editor sets an issue in Word.</summary>
public enum WordLayout
{
    /// <summary>Styles: Title on the cover, Heading 1 sections, Heading 2 titles (a long one broken with a line break),
    /// a contents field with TOC styles whose tab stops have dot leaders.</summary>
    Styled,
    /// <summary>Direct formatting only: bold larger runs for sections and titles (a long title typed as two paragraphs),
    /// contents lines with a right tab stop and middle-dot leader set on each paragraph.</summary>
    Direct,
}

/// <summary>Writes an issue as a .docx with the OpenXml SDK.</summary>
public static class IssueDocx
{
    // A4 text width in twentieths of a point (21 cm − 2 × 3.17 cm).
    private const int RightTab = 8300;

    public static void Write(IssueContent issue, WordLayout layout, string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        var main = document.AddMainDocumentPart();
        var body = new Body();
        main.Document = new Document(body);
        if (layout == WordLayout.Styled)
        {
            main.AddNewPart<StyleDefinitionsPart>().Styles = StyledStyles();
            WriteStyled(issue, body);
        }
        else
            WriteDirect(issue, body);
    }

    /// <summary>A Word file with nothing in it but an empty paragraph.</summary>
    public static void WriteEmpty(string path)
    {
        using var document = WordprocessingDocument.Create(path, WordprocessingDocumentType.Document);
        document.AddMainDocumentPart().Document = new Document(new Body(new Paragraph()));
    }

    private static void WriteStyled(IssueContent issue, Body body)
    {
        body.Append(Styled("Normal", "内部参考　注意保存"), Styled("Title", "4.0 信息速报"), Styled("Subtitle", $"第 {issue.Number} 期"),
            Styled("Normal", IssueContent.Institute), Styled("Normal", issue.DateText()), PageBreak());
        body.Append(Styled("TOCHeading", "目录"));
        var contents = IssueHtml.Contents(issue).ToList();
        var first = true;
        foreach (var (section, entries) in contents)
        {
            body.Append(Styled("TOC1", section));
            foreach (var (title, page) in entries)
            {
                var paragraph = Styled("TOC2", null);
                if (first)
                {
                    // The contents is a TOC field as Word inserts it: its code must not be read as text.
                    paragraph.Append(new Run(new FieldChar { FieldCharType = FieldCharValues.Begin }),
                        new Run(new FieldCode(" TOC \\o \"1-2\" \\h \\z \\u ") { Space = SpaceProcessingModeValues.Preserve }),
                        new Run(new FieldChar { FieldCharType = FieldCharValues.Separate }));
                    first = false;
                }
                paragraph.Append(new Run(new Text(title)), new Run(new TabChar()), new Run(new Text(page.ToString())));
                body.Append(paragraph);
            }
        }
        body.Elements<Paragraph>().Last().Append(new Run(new FieldChar { FieldCharType = FieldCharValues.End }));
        body.Append(PageBreak());
        foreach (var section in issue.Articles.GroupBy(a => a.Section))
        {
            body.Append(Styled("Heading1", section.Key));
            foreach (var article in section)
            {
                var title = Styled("Heading2", null);
                var (head, tail) = Halves(article.Title);
                title.Append(new Run(new Text(head)));
                if (tail.Length > 0)
                    title.Append(new Run(new Break(), new Text(tail)));
                body.Append(title);
                body.Append([.. article.Paragraphs.Select(p => Styled("Normal", p))]);
                body.Append(Styled("Source", $"（来源：{article.Source}）"));
            }
        }
    }

    private static void WriteDirect(IssueContent issue, Body body)
    {
        body.Append(Direct("内部参考", 21, false), Direct("4.0 信息速报", 56, true, JustificationValues.Center),
            Direct($"第{issue.Number}期", 32, false, JustificationValues.Center),
            Direct($"{IssueContent.Institute}　　{issue.DateText("")}", 24, false, JustificationValues.Center), PageBreak());
        body.Append(Direct("目　录", 32, true, JustificationValues.Center));
        foreach (var (section, entries) in IssueHtml.Contents(issue))
        {
            body.Append(Direct(section, 24, true));
            foreach (var (title, page) in entries)
            {
                var paragraph = new Paragraph(new ParagraphProperties(
                    new Tabs(new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.MiddleDot, Position = RightTab })));
                paragraph.Append(Run(title, 24, false), new Run(new TabChar()), Run(page.ToString(), 24, false));
                body.Append(paragraph);
            }
        }
        body.Append(PageBreak());
        foreach (var section in issue.Articles.GroupBy(a => a.Section))
        {
            body.Append(Direct(section.Key, 32, true));
            foreach (var article in section)
            {
                // A long title typed over two lines with a hard return: two paragraphs, one title.
                var (head, tail) = Halves(article.Title);
                body.Append(Direct(head, 30, true, JustificationValues.Center));
                if (tail.Length > 0)
                    body.Append(Direct(tail, 30, true, JustificationValues.Center));
                foreach (var text in article.Paragraphs)
                {
                    var paragraph = Direct(text, 24, false);
                    paragraph.ParagraphProperties!.Append(new Indentation { FirstLineChars = 200 });
                    body.Append(paragraph);
                }
                body.Append(Direct($"（来源：{article.Source}）", 24, false, JustificationValues.Right));
            }
        }
    }

    /// <summary>A title longer than a line splits where neither side is a Latin letter or digit (a line break joins those with a space).</summary>
    private static (string Head, string Tail) Halves(string title)
    {
        if (title.Length <= 22)
            return (title, "");
        var cut = Enumerable.Range(title.Length / 2, title.Length / 2 - 1)
            .FirstOrDefault(i => !char.IsAsciiLetterOrDigit(title[i - 1]) && !char.IsAsciiLetterOrDigit(title[i]) && title[i] != ' ' && title[i - 1] != ' ');
        return cut == 0 ? (title, "") : (title[..cut], title[cut..]);
    }

    private static Paragraph Styled(string style, string? text)
    {
        var paragraph = new Paragraph(new ParagraphProperties(new ParagraphStyleId { Val = style }));
        if (text is not null)
            paragraph.Append(new Run(new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Paragraph Direct(string text, int halfPoints, bool bold, JustificationValues? justification = null)
    {
        var properties = new ParagraphProperties();
        if (justification is { } j)
            properties.Append(new Justification { Val = j });
        return new Paragraph(properties, Run(text, halfPoints, bold));
    }

    private static Run Run(string text, int halfPoints, bool bold)
    {
        var properties = new RunProperties();
        if (bold)
            properties.Append(new Bold());
        properties.Append(new FontSize { Val = halfPoints.ToString() });
        return new Run(properties, new Text(text) { Space = SpaceProcessingModeValues.Preserve });
    }

    private static Paragraph PageBreak() => new(new Run(new Break { Type = BreakValues.Page }));

    private static Styles StyledStyles()
    {
        static Style Paragraph(string id, string name, int halfPoints, bool bold, int? outline = null, TabStop? tab = null)
        {
            var paragraphProperties = new StyleParagraphProperties();
            if (tab is not null)
                paragraphProperties.Append(new Tabs(tab));
            if (outline is { } level)
                paragraphProperties.Append(new OutlineLevel { Val = level });
            var runProperties = new StyleRunProperties();
            if (bold)
                runProperties.Append(new Bold());
            runProperties.Append(new FontSize { Val = halfPoints.ToString() });
            var style = new Style(new StyleName { Val = name });
            if (id != "Normal")
                style.Append(new BasedOn { Val = "Normal" });
            style.Append(paragraphProperties, runProperties);
            style.Type = StyleValues.Paragraph;
            style.StyleId = id;
            if (id == "Normal")
                style.Default = OnOffValue.FromBoolean(true);
            return style;
        }
        var leader = new TabStop { Val = TabStopValues.Right, Leader = TabStopLeaderCharValues.Dot, Position = RightTab };
        return new Styles(
            new DocDefaults(new RunPropertiesDefault(new RunPropertiesBaseStyle(new FontSize { Val = "21" }))),
            Paragraph("Normal", "Normal", 21, false),
            Paragraph("Title", "Title", 52, true),
            Paragraph("Subtitle", "Subtitle", 30, false),
            Paragraph("Heading1", "heading 1", 32, true, 0),
            Paragraph("Heading2", "heading 2", 28, true, 1),
            Paragraph("TOCHeading", "TOC Heading", 32, true),
            Paragraph("TOC1", "toc 1", 21, true, tab: leader),
            Paragraph("TOC2", "toc 2", 21, false, tab: (TabStop)leader.CloneNode(true)),
            Paragraph("Source", "Source", 21, false));
    }
}
