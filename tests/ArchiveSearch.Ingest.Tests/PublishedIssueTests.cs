using ArchiveSearch.Ingest;
using TestSupport.Documents;

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
}
