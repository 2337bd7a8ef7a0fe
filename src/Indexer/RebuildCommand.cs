using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using ArchiveSearch.Index;

namespace Indexer;

/// <summary><c>indexer rebuild</c>: builds a new index generation from the corpus and publishes it.</summary>
public static class RebuildCommand
{
    public static Command Create()
    {
        var corpus = CommonOptions.Corpus("The corpus: issues (.txt, .pdf, .docx) and articles (.jsonl).");
        var index = CommonOptions.Index();
        var skipInvalid = new Option<bool>("--skip-invalid")
        {
            Description = "Report unreadable files and skip them instead of failing the rebuild.",
        };
        var command = new Command("rebuild",
            "Parse every file of the corpus, write a new index generation, verify it and publish it atomically; " +
            "the previous generation is kept for rollback. Shows progress when standard error is a terminal.")
        {
            corpus, index, skipInvalid,
        };
        command.SetAction(parsed => Run(parsed.GetRequiredValue(corpus), parsed.GetRequiredValue(index), parsed.GetValue(skipInvalid),
            parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error, showProgress: !Console.IsErrorRedirected));
        return command;
    }

    private static int Run(string corpus, string index, bool skipInvalid, TextWriter output, TextWriter error, bool showProgress)
    {
        RebuildSummary summary;
        try
        {
            summary = IndexRebuilder.Rebuild(corpus, index, skipInvalid, showProgress ? new TerminalProgress(error) : null);
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

    /// <summary>
    /// The status line of a stage: done of total, the rate since the stage began and the time its remainder would take
    /// at that rate (once there is a rate to go by).
    /// </summary>
    public static string ProgressLine(RebuildProgress progress, TimeSpan sinceStageStart)
    {
        var line = $"{progress.Stage,-6} {progress.Done}/{progress.Total}";
        var seconds = sinceStageStart.TotalSeconds;
        if (progress.Done == 0 || seconds <= 0) return line;
        var rate = progress.Done / seconds;
        var left = TimeSpan.FromSeconds(Math.Max(0, progress.Total - progress.Done) / rate);
        return $"{line}  {rate.ToString("F0", CultureInfo.InvariantCulture)}/s  {left:m\\:ss} left";
    }

    /// <summary>One status line, redrawn in place.</summary>
    private sealed class TerminalProgress(TextWriter error) : IProgress<RebuildProgress>
    {
        private readonly System.Threading.Lock _lock = new();
        private readonly Stopwatch _stage = new();
        private string? _stageName;
        private int _width;

        public void Report(RebuildProgress value)
        {
            lock (_lock)
            {
                if (value.Stage != _stageName)
                {
                    _stageName = value.Stage;
                    _stage.Restart();
                }
                var line = ProgressLine(value, _stage.Elapsed);
                // Pad over what a longer previous line left on screen.
                error.Write($"\r{line.PadRight(_width)}");
                _width = Math.Max(_width, line.Length);
            }
        }
    }
}
