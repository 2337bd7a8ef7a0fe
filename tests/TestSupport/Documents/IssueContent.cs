using ArchiveSearch.Ingest;

namespace TestSupport.Documents;

/// <summary>
/// One bundled issue as the text path reads it, with the cover a published document of it carries. The bundled texts
/// mostly have no header, so the cover's number and date are chosen here: the text's own when it has a header, else
/// 50 + the file's key and a few days after the latest event the issue reports.
/// </summary>
public sealed record IssueContent(string Name, string Number, DateOnly Date, ParsedIssue Text)
{
    public const string Institute = "江苏中科智能科学技术应用研究院";

    public static IssueContent FromCorpus(string key)
    {
        var path = RepoPaths.CorpusFile(key);
        var parsed = IssueParser.Parse(TextFileDecoder.ReadAllText(path));
        var number = parsed.Number ?? (50 + int.Parse(key)).ToString();
        var date = parsed.Date ?? ArticleDates.EstimateIssueDate([.. parsed.Articles.SelectMany(a => a.Paragraphs)])!.Value.AddDays(5);
        return new IssueContent(Path.GetFileNameWithoutExtension(path), number, date, parsed with { Number = number, Date = date });
    }

    public static IReadOnlyList<IssueContent> All { get; } =
        [.. RepoPaths.CorpusFiles.Select(f => FromCorpus(Path.GetFileName(f)[..3]))];

    public IReadOnlyList<RawArticle> Articles => Text.Articles;

    /// <summary>What the text path gives for this issue with this cover, under the document's file name: what the document must give.</summary>
    public IReadOnlyList<Article> ExpectedArticles(string documentPath) => CorpusReader.FromIssue(documentPath, Text);

    public string DateText(string separator = " ") =>
        $"{Date.Year}{separator}年{separator}{Date.Month}{separator}月{separator}{Date.Day}{separator}日";

    /// <summary>A page number for each article in the contents, as a layout would give them (two pages before the first).</summary>
    public int PageOf(int articleIndex) => 3 + articleIndex * 2;
}
