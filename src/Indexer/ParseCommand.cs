using System.CommandLine;
using System.Text;
using ArchiveSearch.Ingest;

namespace Indexer;

/// <summary><c>indexer parse PATH...</c>: prints the articles of the given files as JSONL.</summary>
public static class ParseCommand
{
    public static Command Create()
    {
        var paths = new Argument<string[]>("PATH")
        {
            Description = "Corpus files: issues (.txt, .pdf, .docx) or articles (.jsonl).",
            Arity = ArgumentArity.OneOrMore,
        };
        var command = new Command("parse",
            "Parse corpus files and print one JSON object per article per line (JSONL, UTF-8) with the fields " +
            "id, issue, issueDate, section, title, source, regions, date, dateSource, body.")
        {
            paths,
        };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(paths),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(string[] paths, TextWriter output, TextWriter error)
    {
        // Read every file before printing anything, so a bad file never leaves half the output behind.
        var articles = new List<Article>();
        foreach (var path in paths)
        {
            try
            {
                articles.AddRange(CorpusReader.ReadFile(path));
            }
            catch (InvalidCorpusFileException e)
            {
                error.WriteLine($"indexer parse: {e.Message}");
                return ExitCodes.InvalidInput;
            }
        }
        var sb = new StringBuilder();
        foreach (var article in articles)
            sb.Append(ArticleJson.Serialize(article)).Append('\n');
        output.Write(sb.ToString());
        output.Flush();
        return ExitCodes.Success;
    }
}
