using System.Globalization;
using ArchiveSearch.Index;

namespace Indexer;

/// <summary><c>indexer rebuild</c>: builds a new index generation from the corpus and publishes it.</summary>
public static class RebuildCommand
{
    public static int Run(string[] args, TextWriter output, TextWriter error, bool showProgress)
    {
        var options = CommandOptions.Parse("rebuild", args, ["--corpus", "--index"], ["--skip-invalid"], error);
        if (options is null) return ExitCodes.Usage;
        var corpus = options.Get("--corpus", IndexRebuilder.DefaultCorpusDir);
        var index = options.Get("--index", IndexRebuilder.DefaultIndexDir);

        RebuildSummary summary;
        try
        {
            summary = IndexRebuilder.Rebuild(corpus, index, options.Has("--skip-invalid"),
                showProgress ? new TerminalProgress(error) : null);
        }
        catch (RebuildException e)
        {
            if (showProgress) error.WriteLine();
            error.WriteLine($"indexer rebuild: {e.Message}");
            error.WriteLine("indexer rebuild: nothing was published; the index that was serving still serves");
            return e.Failure switch
            {
                RebuildFailure.Locked => ExitCodes.Locked,
                RebuildFailure.VerificationFailed => ExitCodes.VerificationFailed,
                _ => ExitCodes.InvalidInput,
            };
        }

        if (showProgress) error.WriteLine();
        output.WriteLine($"generation   {summary.Generation} (in {Path.GetFullPath(index)})");
        output.WriteLine($"files        {summary.Files}");
        output.WriteLine($"articles     {summary.Articles}");
        foreach (var (section, count) in summary.ArticlesPerSection)
            output.WriteLine($"  {section,-10} {count}");
        output.WriteLine($"skipped      {summary.SkippedFiles.Count}");
        foreach (var skipped in summary.SkippedFiles)
            output.WriteLine($"  {skipped}");
        output.WriteLine($"elapsed      {summary.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s");
        output.WriteLine($"index size   {Size(summary.IndexBytes)} ({summary.TextCharacters} characters of text)");
        return ExitCodes.Success;
    }

    public static string Size(long bytes) => bytes switch
    {
        < 1 << 20 => $"{(bytes / 1024.0).ToString("F1", CultureInfo.InvariantCulture)} KiB",
        _ => $"{(bytes / (1024.0 * 1024)).ToString("F1", CultureInfo.InvariantCulture)} MiB",
    };

    /// <summary>One status line, redrawn in place.</summary>
    private sealed class TerminalProgress(TextWriter error) : IProgress<RebuildProgress>
    {
        private readonly System.Threading.Lock _lock = new();

        public void Report(RebuildProgress value)
        {
            lock (_lock)
                error.Write($"\r{value.Stage,-6} {value.Done}/{value.Total}   ");
        }
    }
}
