using TestSupport.Documents;
using UglyToad.PdfPig;

namespace ArchiveSearch.Ingest.Tests;

[CollectionDefinition(Collection)]
public sealed class PublishedIssuesCollection : ICollectionFixture<PublishedIssues>
{
    public const string Collection = "published issues";
}

/// <summary>Every bundled issue printed to PDF and written as Word, in two layouts each, read back as the articles of its text.</summary>
[Collection(PublishedIssuesCollection.Collection)]
public sealed class PublishedIssueTests(PublishedIssues documents)
{
    public static TheoryData<PrintLayout, int> PdfCases => Cases(Enum.GetValues<PrintLayout>());
    public static TheoryData<WordLayout, int> DocxCases => Cases(Enum.GetValues<WordLayout>());

    private static TheoryData<T, int> Cases<T>(T[] layouts)
    {
        var data = new TheoryData<T, int>();
        foreach (var layout in layouts)
            for (var i = 0; i < IssueContent.All.Count; i++)
                data.Add(layout, i);
        return data;
    }

    [Theory]
    [MemberData(nameof(PdfCases))]
    public void Every_issue_printed_to_pdf_gives_the_articles_of_its_text(PrintLayout layout, int index)
    {
        var issue = IssueContent.All[index];
        var path = documents.Pdf(layout, issue);

        ShouldMatchText(issue, path);
    }

    [Theory]
    [MemberData(nameof(DocxCases))]
    public void Every_issue_written_in_word_gives_the_articles_of_its_text(WordLayout layout, int index)
    {
        var issue = IssueContent.All[index];
        var path = documents.Docx(layout, issue);

        ShouldMatchText(issue, path);
    }

    private static void ShouldMatchText(IssueContent issue, string path)
    {
        var expected = issue.ExpectedArticles(path);

        var articles = CorpusReader.ReadFile(path);

        articles.Select(a => a.Title).Should().Equal(expected.Select(a => a.Title));
        articles.Select(a => a.Section).Should().Equal(expected.Select(a => a.Section));
        articles.Select(a => a.Source).Should().Equal(expected.Select(a => a.Source));
        articles.Should().AllSatisfy(a =>
        {
            a.Issue.Should().Be(issue.Number);
            a.IssueDate.Should().Be(issue.Date);
            a.DateSource.Should().NotBe(DateSource.Estimated);
        });
        articles.Select(a => (a.Date, a.DateSource)).Should().Equal(expected.Select(a => (a.Date, a.DateSource)));
        for (var i = 0; i < expected.Count; i++)
            articles[i].Body.Should().Be(expected[i].Body, $"article {i} ({expected[i].Title})");
        articles.Should().BeEquivalentTo(expected, o => o.WithStrictOrdering());
    }

    [Theory]
    [InlineData(PrintLayout.Classic)]
    [InlineData(PrintLayout.Modern)]
    public void The_printed_layouts_have_what_a_reader_must_undo_and_none_of_it_reaches_the_articles(PrintLayout layout)
    {
        var wrappedTitles = 0;
        var paragraphsAcrossPages = 0;
        foreach (var issue in IssueContent.All)
        {
            var path = documents.Pdf(layout, issue);
            var lines = LaidOutLines(path);
            var pages = lines.Max(l => l.Page);

            // The documents carry a running header and page numbers on most pages, a contents page with leaders.
            lines.Count(l => l.Text.Contains("信息速报") && l.Text.Contains(issue.Number)).Should().BeGreaterThan(pages / 2, path);
            lines.Count(l => RunningLines.IsPageNumber(l.Text)).Should().BeGreaterThan(pages / 2, path);
            lines.Count(l => IssueParser.IsContentsLine(l.Text)).Should().BeGreaterThan(issue.Articles.Count / 2, path);
            // Titles are set larger than the text; one that wrapped starts a line that does not hold all of it.
            var textSize = lines.GroupBy(l => l.Size).MaxBy(g => g.Sum(l => l.Text.Length))!.Key;
            var titleLines = lines.Where(l => l.Size > textSize).ToList();
            wrappedTitles += issue.Articles.Count(a => titleLines.Any(l => l.Text.StartsWith(a.Title[..8]) && !l.Text.Contains(a.Title)));
            var pageTexts = lines.GroupBy(l => l.Page).ToDictionary(g => g.Key, g => string.Concat(g.Select(l => l.Text)).Replace(" ", ""));
            paragraphsAcrossPages += issue.Articles.SelectMany(a => a.Paragraphs).Select(p => p.Replace(" ", "")).Where(p => p.Length > 60)
                .Count(p => pageTexts.Any(t => t.Value.Contains(p[..20]) && !t.Value.Contains(p[^20..])
                    && pageTexts.GetValueOrDefault(t.Key + 1, "").Contains(p[^20..])));

            var articles = CorpusReader.ReadFile(path);
            articles.Should().HaveCount(issue.Articles.Count);
            articles.Should().AllSatisfy(a =>
            {
                a.Title.Should().NotBe("目录");
                a.Body.Should().NotContain("信息速报");
                a.Body.Split('\n').Should().NotContain(p => RunningLines.IsPageNumber(p));
            });
        }
        wrappedTitles.Should().BeGreaterThan(2, "titles long enough to wrap test that a wrapped title is one title");
        paragraphsAcrossPages.Should().BeGreaterThan(10, "paragraphs that break across pages test that they are joined again");
    }

    private static List<LaidOutLine> LaidOutLines(string path)
    {
        using var document = PdfDocument.Open(path);
        return [.. document.GetPages().SelectMany(PdfLines.FromPage)];
    }
}
