using System.CommandLine;
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

    public static Command Create()
    {
        var articles = new Option<int>("--articles")
        {
            Description = "How many articles to write.",
            HelpName = "N",
            Required = true,
            CustomParser = result =>
            {
                if (int.TryParse(result.Tokens.Single().Value, NumberStyles.None, CultureInfo.InvariantCulture, out var n) && n >= 1)
                    return n;
                result.AddError("--articles needs a whole number of 1 or more");
                return 0;
            },
        };
        var outDir = new Option<string>("--out")
        {
            Description = "The folder to write to; it must hold no .jsonl files yet.",
            HelpName = "DIR",
            Required = true,
        };
        var seed = new Option<int>("--seed")
        {
            Description = "The same N and seed give the same files; a smaller corpus is the start of a larger one.",
            HelpName = "S",
            DefaultValueFactory = _ => DefaultSeed,
        };
        var sample = new Option<string>("--sample")
        {
            Description = "The corpus whose sentences, words, sections, regions and dates are recombined.",
            HelpName = "DIR",
            DefaultValueFactory = _ => IndexRebuilder.DefaultCorpusDir,
        };
        var command = new Command("generate",
            "Write a synthetic corpus of N articles for measuring (JSONL files of 10,000 articles): real Chinese from the " +
            "sample corpus recombined, sentence by sentence for bodies and word by word for titles, with sections, " +
            "regions and dates drawn as in the sample and spread over several years.")
        {
            articles, outDir, seed, sample,
        };
        command.SetAction(parsed => Run(parsed.GetValue(articles), parsed.GetRequiredValue(outDir), parsed.GetValue(seed),
            parsed.GetRequiredValue(sample), parsed.InvocationConfiguration.Output, parsed.InvocationConfiguration.Error));
        return command;
    }

    private static int Run(int count, string outDir, int seed, string sampleDir, TextWriter output, TextWriter error)
    {
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
