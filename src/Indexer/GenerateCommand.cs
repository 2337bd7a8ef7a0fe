using System.Diagnostics;
using System.Globalization;
using ArchiveSearch.Index;
using ArchiveSearch.Ingest;

namespace Indexer;

/// <summary>
/// <c>indexer generate --articles N --out DIR [--seed S] [--sample DIR]</c>: writes a deterministic synthetic corpus
/// of real Chinese recombined from the sample corpus, as JSONL files of 10,000 articles, for measuring at scale.
/// </summary>
public static class GenerateCommand
{
    public const int DefaultSeed = 1;
    public const int ArticlesPerFile = 10_000;

    public static int Run(string[] args, TextWriter output, TextWriter error)
    {
        var options = CommandOptions.Parse("generate", args, ["--articles", "--out", "--seed", "--sample"], [], error);
        if (options is null) return ExitCodes.Usage;
        var outDir = options.Get("--out", "");
        if (!int.TryParse(options.Get("--articles", ""), NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count < 1)
        {
            error.WriteLine("indexer generate: --articles needs a whole number of 1 or more (indexer --help)");
            return ExitCodes.Usage;
        }
        if (outDir.Length == 0)
        {
            error.WriteLine("indexer generate: --out DIR is required (indexer --help)");
            return ExitCodes.Usage;
        }
        if (!int.TryParse(options.Get("--seed", DefaultSeed.ToString(CultureInfo.InvariantCulture)),
                NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var seed))
        {
            error.WriteLine("indexer generate: --seed needs a whole number (indexer --help)");
            return ExitCodes.Usage;
        }
        var sampleDir = options.Get("--sample", IndexRebuilder.DefaultCorpusDir);
        if (Directory.Exists(outDir) && Directory.EnumerateFiles(outDir, "*.jsonl").Any())
        {
            error.WriteLine($"indexer generate: {outDir} already holds .jsonl files; give an empty or new folder");
            return ExitCodes.Usage;
        }

        SyntheticCorpus corpus;
        try
        {
            corpus = SyntheticCorpus.FromDirectory(sampleDir);
        }
        catch (Exception e) when (e is InvalidCorpusFileException or DirectoryNotFoundException or ArgumentException)
        {
            error.WriteLine($"indexer generate: cannot read the sample corpus {sampleDir}: {e.Message}");
            return ExitCodes.InvalidInput;
        }

        var clock = Stopwatch.StartNew();
        var files = corpus.WriteJsonl(outDir, count, seed, ArticlesPerFile);
        output.WriteLine($"articles     {count} (seed {seed})");
        output.WriteLine($"sample       {corpus.SampleArticles} articles, {corpus.SampleSentences} sentences from {Path.GetFullPath(sampleDir)}");
        output.WriteLine($"files        {files.Count} in {Path.GetFullPath(outDir)}");
        output.WriteLine($"size         {RebuildCommand.Size(files.Sum(f => new FileInfo(f).Length))}");
        output.WriteLine($"elapsed      {clock.Elapsed.TotalSeconds.ToString("F2", CultureInfo.InvariantCulture)} s");
        return ExitCodes.Success;
    }
}
