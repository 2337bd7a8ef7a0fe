using System.Text.Json;

namespace ArchiveSearch.Ingest;

/// <summary>Reads corpus files (newsletter issues as text, PDF or Word, or JSONL articles) into articles.</summary>
public static class CorpusReader
{
    /// <summary>Corpus files: newsletter issues as text, PDF and Word documents, and JSONL articles.</summary>
    public static readonly string[] FilePatterns = ["*.txt", "*.pdf", "*.docx", "*.jsonl"];

    /// <summary>The corpus files of a folder in name order, the order their articles are numbered in.</summary>
    public static List<string> Files(string dir) =>
        [.. FilePatterns.SelectMany(pattern => Directory.EnumerateFiles(dir, pattern)).Order(StringComparer.Ordinal)];

    /// <summary>Every article of a folder's corpus files, in <see cref="Files"/> order.</summary>
    public static List<Article> ReadAll(string dir) => [.. Files(dir).SelectMany(ReadFile)];

    /// <summary>Reads one file whole. Throws <see cref="InvalidCorpusFileException"/> naming the file when it cannot be read.</summary>
    public static IReadOnlyList<Article> ReadFile(string path)
    {
        if (!File.Exists(path))
            throw new InvalidCorpusFileException(path, "file not found");
        return Path.GetExtension(path).ToLowerInvariant() switch
        {
            ".jsonl" => ReadJsonLines(path, TextFileDecoder.ReadAllText(path)),
            ".pdf" => FromIssue(path, IssueParser.Parse(PdfIssueReader.Read(path))),
            ".docx" => FromIssue(path, IssueParser.Parse(DocxIssueReader.Read(path))),
            _ => FromIssue(path, IssueParser.Parse(TextFileDecoder.ReadAllText(path))),
        };
    }

    private static List<Article> ReadJsonLines(string path, string text)
    {
        var articles = new List<Article>();
        var lines = text.Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i]))
                continue;
            try
            {
                var article = ArticleJson.Deserialize(lines[i]);
                if (!IsUrlSafe(article.Id))
                    throw new JsonException($"id \"{article.Id}\" is not lowercase [a-z0-9-]");
                // Another source may tag only a city; filters by its province must still find it. Section and
                // regions written in traditional characters (政策法規, 江蘇) are stored as the filters name them.
                articles.Add(article with
                {
                    Section = Sections.Name(article.Section),
                    Regions = RegionGazetteer.Default.WithParents(article.Regions),
                });
            }
            catch (JsonException e)
            {
                throw new InvalidCorpusFileException(path, $"line {i + 1}: {e.Message}");
            }
        }
        return articles;
    }

    /// <summary>
    /// The articles of a parsed issue with their ids, dates and regions; the same for every format, so a PDF, a Word file
    /// and the text of one issue give the same articles.
    /// </summary>
    public static IReadOnlyList<Article> FromIssue(string path, ParsedIssue issue)
    {
        if (issue.Articles.Count == 0)
            throw new InvalidCorpusFileException(path, "no articles found (no section heading or source line)");

        var fileKey = FileKey(path);
        // Without a header the issue's date is estimated; every article still gets a date from it.
        var issueDate = issue.Date
            ?? ArticleDates.EstimateIssueDate([.. issue.Articles.SelectMany(a => a.Paragraphs)])
            ?? throw new InvalidCorpusFileException(path, "no issue date in a header and no full date in the text to estimate one");
        var fallback = issue.Date is null ? DateSource.Estimated : DateSource.Issue;

        return [.. issue.Articles.Select((a, i) =>
        {
            var opening = a.Paragraphs.FirstOrDefault() ?? "";
            var eventDate = ArticleDates.EventDate(opening, issueDate);
            return new Article
            {
                Id = $"{fileKey}-{i + 1:00}",
                Issue = issue.Number ?? fileKey.Split('-')[0],
                IssueDate = issue.Date,
                Section = a.Section,
                Title = a.Title,
                Source = a.Source,
                Regions = RegionGazetteer.Default.Extract(a.Title + "\n" + opening),
                Date = eventDate ?? issueDate,
                DateSource = eventDate is null ? fallback : DateSource.Article,
                Body = string.Join('\n', a.Paragraphs),
            };
        })];
    }

    /// <summary>The file name without extension, as lowercase [a-z0-9-]: stable for the same corpus and safe in a URL.</summary>
    private static string FileKey(string path)
    {
        var chars = Path.GetFileNameWithoutExtension(path).ToLowerInvariant()
            .Select(c => char.IsAsciiLetterOrDigit(c) ? c : '-');
        return string.Join('-', new string([.. chars]).Split('-', StringSplitOptions.RemoveEmptyEntries));
    }

    private static bool IsUrlSafe(string id) =>
        id.Length > 0 && id.All(c => char.IsAsciiDigit(c) || char.IsAsciiLetterLower(c) || c == '-');
}
