using System.Diagnostics;
using ArchiveSearch.Ingest;
using TestSupport;
using TestSupport.Documents;
using UglyToad.PdfPig;
using static ArchiveSearch.Benchmarks.ModeOutput;

namespace ArchiveSearch.Benchmarks;

/// <summary>
/// <c>parse-documents [--rounds N]</c>: the time to read an issue from PDF and from Word against reading the same issue's
/// text, per issue and per PDF page. The documents are made as the tests make them: every bundled issue printed by
/// Chromium in both print layouts and written as DOCX, plus one long issue (all bundled articles, over 40 pages).
/// Each figure is the median of N reads after a warm-up, on one thread; the text path is measured in the same run.
/// </summary>
public static class DocumentParsing
{
    public static int Run(int rounds)
    {
        using var temp = new TempDirectory();
        var issues = IssueContent.All;
        // Longer issues than the bundled ones (16–25 pages): 000 and 001 in one (about 40 pages), and all five (about 100).
        var twoIssues = Combined("two-issues", issues.Take(2));
        var allIssues = Combined("all-issues", issues);
        var documents = Make(temp, [.. issues, twoIssues, allIssues]).GetAwaiter().GetResult();

        Console.Error.WriteLine($"{"document",-40} {"pages",5} {"doc ms",8} {"ms/page",8} {"text ms",8} {"doc/text",8}");
        var perPage = new List<double>();
        foreach (var (issue, layout, path) in documents)
        {
            var pages = Path.GetExtension(path) == ".pdf" ? PageCount(path) : 0;
            var documentMs = Median(rounds, () => CorpusReader.ReadFile(path));
            var textMs = issue.Name.StartsWith("two", StringComparison.Ordinal) ? issues.Take(2).Sum(i => TextMs(i, rounds))
                : issue.Name.StartsWith("all", StringComparison.Ordinal) ? issues.Sum(i => TextMs(i, rounds))
                : TextMs(issue, rounds);
            var msPerPage = pages > 0 ? documentMs / pages : double.NaN;
            if (pages > 0)
            {
                // PdfPig's share: opening the file and giving every page's letters, before this project's reading of them.
                Print($"{issue.Name[..3]}.{layout.ToLowerInvariant()}.pdfpig_ms", Median(rounds, () => Letters(path)));
                Print($"{issue.Name[..3]}.{layout.ToLowerInvariant()}.pdfpig_open_ms", Median(rounds, () => PageCount(path)));
            }
            if (pages > 0)
                perPage.Add(msPerPage);
            Console.Error.WriteLine($"{issue.Name[..Math.Min(20, issue.Name.Length)] + " " + layout,-40} {pages,5} {documentMs,8:0.0} {msPerPage,8:0.00} {textMs,8:0.00} {documentMs / textMs,8:0.0}");
            var key = $"{issue.Name[..Math.Min(3, issue.Name.Length)]}.{layout.ToLowerInvariant()}";
            Print($"{key}.pages", pages);
            Print($"{key}.ms", documentMs);
            Print($"{key}.text_ms", textMs);
        }
        perPage.Sort();
        Print("pdf.ms_per_page.median", Percentiles.Of(perPage, 50));
        Print("pdf.ms_per_page.max", perPage[^1]);
        return 0;
    }

    private static IssueContent Combined(string name, IEnumerable<IssueContent> parts)
    {
        var list = parts.ToList();
        return list[0] with { Name = name, Text = list[0].Text with { Articles = [.. list.SelectMany(i => i.Articles)] } };
    }

    private static double TextMs(IssueContent issue, int rounds) =>
        Median(rounds, () => CorpusReader.ReadFile(RepoPaths.CorpusFile(issue.Name[..3])));

    private static async Task<List<(IssueContent Issue, string Layout, string Path)>> Make(TempDirectory temp, IReadOnlyList<IssueContent> issues)
    {
        var made = new List<(IssueContent, string, string)>();
        await using var printer = await PdfPrinter.StartAsync();
        for (var i = 0; i < issues.Count; i++)
        {
            foreach (var layout in Enum.GetValues<PrintLayout>())
            {
                var path = temp.Combine($"{issues[i].Name}-{layout}.pdf");
                await printer.PrintAsync(issues[i], layout, i, path);
                made.Add((issues[i], layout.ToString(), path));
            }
            var docx = temp.Combine($"{issues[i].Name}.docx");
            IssueDocx.Write(issues[i], WordLayout.Styled, docx);
            made.Add((issues[i], "docx", docx));
        }
        return made;
    }

    private static int Letters(string path)
    {
        using var document = PdfDocument.Open(path);
        return document.GetPages().Sum(p => p.Letters.Count);
    }

    private static int PageCount(string path)
    {
        using var document = PdfDocument.Open(path);
        return document.NumberOfPages;
    }

    private static double Median(int rounds, Action read)
    {
        read();
        var times = new List<double>();
        for (var i = 0; i < rounds; i++)
        {
            var clock = Stopwatch.StartNew();
            read();
            times.Add(clock.Elapsed.TotalMilliseconds);
        }
        times.Sort();
        return Percentiles.Of(times, 50);
    }
}
