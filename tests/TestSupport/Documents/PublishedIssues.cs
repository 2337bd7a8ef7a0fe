using Xunit;

namespace TestSupport.Documents;

/// <summary>
/// Every bundled issue published as PDF (printed by Chromium in each <see cref="PrintLayout"/>) and as Word (each
/// <see cref="WordLayout"/>), and the documents a rebuild must refuse, made once in a temp folder.
/// </summary>
public sealed class PublishedIssues : IAsyncLifetime
{
    private readonly TempDirectory _temp = new();

    public string Root => _temp.Path;

    public string Pdf(PrintLayout layout, IssueContent issue) => _temp.Combine("pdf-" + layout.ToString().ToLowerInvariant(), issue.Name + ".pdf");

    public string Docx(WordLayout layout, IssueContent issue) => _temp.Combine("docx-" + layout.ToString().ToLowerInvariant(), issue.Name + ".docx");

    /// <summary>A scanned page: a PDF with a picture and no text layer.</summary>
    public string Scan => _temp.Combine("bad", "scan.pdf");

    /// <summary>A PDF cut short, as an interrupted download leaves it.</summary>
    public string Truncated => _temp.Combine("bad", "truncated.pdf");

    /// <summary>A PDF that needs a password to open.</summary>
    public string Protected => _temp.Combine("bad", "protected.pdf");

    public string EmptyDocx => _temp.Combine("bad", "empty.docx");

    /// <summary>A Word file cut short.</summary>
    public string TruncatedDocx => _temp.Combine("bad", "truncated.docx");

    public IEnumerable<string> BadDocuments => [Scan, Truncated, Protected, EmptyDocx, TruncatedDocx];

    public async Task InitializeAsync()
    {
        foreach (var folder in Enum.GetNames<PrintLayout>().Select(n => "pdf-" + n).Concat(Enum.GetNames<WordLayout>().Select(n => "docx-" + n)).Append("bad"))
            Directory.CreateDirectory(_temp.Combine(folder.ToLowerInvariant()));
        await using var printer = await PdfPrinter.StartAsync();
        var issues = IssueContent.All;
        for (var i = 0; i < issues.Count; i++)
        {
            foreach (var layout in Enum.GetValues<PrintLayout>())
                await printer.PrintAsync(issues[i], layout, i, Pdf(layout, issues[i]));
            foreach (var layout in Enum.GetValues<WordLayout>())
                IssueDocx.Write(issues[i], layout, Docx(layout, issues[i]));
        }
        await printer.PrintScanAsync(issues[0], Scan);
        var pdf = await File.ReadAllBytesAsync(Pdf(PrintLayout.Classic, issues[0]));
        await File.WriteAllBytesAsync(Truncated, pdf[..(pdf.Length * 3 / 5)]);
        PdfPrinter.Protect(Pdf(PrintLayout.Classic, issues[0]), Protected, "issue-57");
        IssueDocx.WriteEmpty(EmptyDocx);
        var docx = await File.ReadAllBytesAsync(Docx(WordLayout.Styled, issues[0]));
        await File.WriteAllBytesAsync(TruncatedDocx, docx[..(docx.Length / 2)]);
    }

    public Task DisposeAsync()
    {
        _temp.Dispose();
        return Task.CompletedTask;
    }
}
