using ArchiveSearch.Search;
using TestSupport;
using TestSupport.Documents;

namespace ArchiveSearch.Index.Tests;

[CollectionDefinition(Collection)]
public sealed class PublishedIssuesCollection : ICollectionFixture<PublishedIssues>
{
    public const string Collection = "published issues";
}

/// <summary>Rebuilds from corpora of published PDF and Word issues, and from corpora with a document that cannot be read.</summary>
[Collection(PublishedIssuesCollection.Collection)]
public sealed class DocumentRebuildTests(PublishedIssues documents) : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    private string Bad(string name) => name switch
    {
        "scan" => documents.Scan,
        "truncated" => documents.Truncated,
        "protected" => documents.Protected,
        "empty docx" => documents.EmptyDocx,
        _ => documents.TruncatedDocx,
    };

    [Fact]
    public void A_corpus_of_published_pdf_and_word_issues_indexes_the_articles_of_their_texts()
    {
        var corpus = _temp.Combine("published");
        Directory.CreateDirectory(corpus);
        var issues = IssueContent.All;
        for (var i = 0; i < issues.Count; i++)
        {
            // Some issues as PDF, the rest as Word, in alternating layouts.
            var source = i % 2 == 0
                ? documents.Pdf(i % 4 == 0 ? PrintLayout.Classic : PrintLayout.Modern, issues[i])
                : documents.Docx(i % 4 == 1 ? WordLayout.Styled : WordLayout.Direct, issues[i]);
            File.Copy(source, Path.Combine(corpus, Path.GetFileName(source)));
        }
        var index = _temp.Combine("index");

        var summary = IndexRebuilder.Rebuild(corpus, index);

        summary.Files.Should().Be(5);
        summary.Articles.Should().Be(issues.Sum(i => i.Articles.Count));
        using var searcher = new ArchiveSearcher(index);
        var hits = searcher.Search(new SearchRequest { Query = "概念验证中心", PageSize = 100 }).Hits.Select(h => h.Article).ToList();
        hits.Should().HaveCount(5);
        var hit = hits.Should().ContainSingle(a => a.Title == "《江苏省概念验证中心建设工作指引（试行）》政策解读").Subject;
        var issue = issues.Single(i => i.Articles.Any(a => a.Title == hit.Title));
        hit.Issue.Should().Be(issue.Number);
        hit.IssueDate.Should().Be(issue.Date);
    }

    [Theory]
    [InlineData("scan", "the PDF has no text layer: it needs OCR first")]
    [InlineData("truncated", "damaged PDF")]
    [InlineData("protected", "password-protected")]
    [InlineData("empty docx", "the Word document has no text")]
    [InlineData("truncated docx", "damaged Word document")]
    public void A_document_that_cannot_be_read_fails_the_rebuild_naming_it_and_the_served_index_is_unchanged(string name, string reason)
    {
        var corpus = TestCorpus.CopyOfRealCorpus(_temp);
        var index = _temp.Combine("index");
        var serving = IndexRebuilder.Rebuild(corpus, index).Generation;
        using var searcher = new ArchiveSearcher(index);
        var before = searcher.Search(new SearchRequest { Query = "人工智能", PageSize = 100 }).Hits.Select(h => h.Article.Id).ToList();
        var bad = Path.Combine(corpus, "005_" + Path.GetFileName(Bad(name)));
        File.Copy(Bad(name), bad);

        var rebuild = () => IndexRebuilder.Rebuild(corpus, index);

        rebuild.Should().Throw<RebuildException>()
            .Where(e => e.Failure == RebuildFailure.InvalidInput && e.Message.Contains(bad) && e.Message.Contains(reason));
        File.ReadAllText(Path.Combine(index, "CURRENT")).Trim().Should().Be(serving);
        Directory.GetDirectories(index, "gen-*").Select(Path.GetFileName).Should().Equal(serving);
        searcher.Refresh().Should().BeFalse();
        searcher.DocumentCount.Should().Be(79);
        searcher.Search(new SearchRequest { Query = "人工智能", PageSize = 100 }).Hits.Select(h => h.Article.Id).Should().Equal(before).And.NotBeEmpty();
    }

    [Fact]
    public void Skip_invalid_reports_every_unreadable_document_and_indexes_the_rest()
    {
        var corpus = TestCorpus.CopyOfRealCorpus(_temp);
        var bad = documents.BadDocuments.Select(d => Path.Combine(corpus, "bad-" + Path.GetFileName(d))).ToList();
        foreach (var (source, copy) in documents.BadDocuments.Zip(bad))
            File.Copy(source, copy);

        var summary = IndexRebuilder.Rebuild(corpus, _temp.Combine("index"), skipInvalid: true);

        summary.Articles.Should().Be(79);
        summary.Files.Should().Be(5);
        summary.SkippedFiles.Should().HaveCount(bad.Count);
        bad.Should().AllSatisfy(path => summary.SkippedFiles.Should().ContainSingle(s => s.Contains(path)));
    }

    [Fact]
    public void Indexer_rebuild_with_a_scanned_pdf_exits_1_naming_it_and_why()
    {
        var corpus = TestCorpus.CopyOfRealCorpus(_temp);
        var scan = Path.Combine(corpus, "第57期.pdf");
        File.Copy(documents.Scan, scan);

        var (exit, _, error) = IndexerProcess.Run("rebuild", "--corpus", corpus, "--index", _temp.Combine("index"));

        exit.Should().Be(1);
        error.Should().Contain(scan).And.Contain("has no text layer: it needs OCR first").And.Contain("nothing was published");
        File.Exists(_temp.Combine("index", "CURRENT")).Should().BeFalse();

        var skipped = IndexerProcess.Run("rebuild", "--corpus", corpus, "--index", _temp.Combine("index"), "--skip-invalid");
        skipped.Exit.Should().Be(0);
        skipped.Output.Should().Contain("articles     79").And.Contain(scan);
    }
}
