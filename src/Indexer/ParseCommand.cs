using System.Text;
using ArchiveSearch.Ingest;

namespace Indexer;

/// <summary><c>indexer parse PATH...</c>: prints the articles of the given files as JSONL.</summary>
public static class ParseCommand
{
    public static int Run(string[] paths, TextWriter output, TextWriter error)
    {
        if (paths.Length == 0)
        {
            error.WriteLine("indexer parse: give at least one file (indexer --help)");
            return ExitCodes.Usage;
        }
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
        return 0;
    }
}
