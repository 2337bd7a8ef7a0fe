using ArchiveSearch.Ingest;
using Indexer;
using TestSupport;

namespace ArchiveSearch.Index.Tests;

/// <summary>The synthetic corpus for benchmarks: deterministic, real text, shaped like the sample.</summary>
public sealed class SyntheticCorpusTests
{
    private static readonly SyntheticCorpus Corpus = SyntheticCorpus.FromDirectory(RepoPaths.Corpus);
    private static readonly List<Article> Samples = [.. RepoPaths.CorpusFiles.SelectMany(CorpusReader.ReadFile)];

    [Fact]
    public void Same_seed_gives_the_same_articles_and_a_smaller_corpus_is_the_start_of_a_larger_one()
    {
        var small = Corpus.Generate(50, seed: 7).Select(ArticleJson.Serialize).ToList();
        var large = Corpus.Generate(200, seed: 7).Select(ArticleJson.Serialize).ToList();
        large.Take(50).Should().Equal(small);
        Corpus.Generate(50, seed: 8).Select(ArticleJson.Serialize).Should().NotEqual(small);
    }

    [Fact]
    public void Articles_are_real_text_recombined_with_metadata_drawn_from_the_sample()
    {
        var articles = Corpus.Generate(500, seed: 1).ToList();
        var bodies = Samples.Select(a => a.Body).ToList();

        articles.Select(a => a.Id).Should().OnlyHaveUniqueItems().And.AllSatisfy(id => id.Should().MatchRegex("^[a-z0-9-]+$"));
        articles.Select(a => a.Section).Distinct().Should().BeSubsetOf(Samples.Select(a => a.Section));
        articles.Select(a => a.Date.Year).Distinct().Count().Should().BeGreaterThan(3, "dates spread over several years");
        articles.Should().AllSatisfy(a =>
        {
            a.Title.Should().NotBeEmpty();
            a.Body.Should().NotBeEmpty();
            // The body opens with a sentence of some real body.
            var opening = a.Body.Substring(0, Math.Min(4, a.Body.Length));
            bodies.Any(b => b.Contains(opening, StringComparison.Ordinal)).Should().BeTrue(opening);
        });
        articles.Average(a => a.Body.Length).Should().BeInRange(
            Samples.Average(a => a.Body.Length) * 0.7, Samples.Average(a => a.Body.Length) * 1.3);
    }

    [Fact]
    public void Generate_command_writes_jsonl_that_the_corpus_reader_reads_back()
    {
        var dir = Path.Combine(Path.GetTempPath(), "generate-" + Guid.NewGuid().ToString("N"));
        try
        {
            var output = new StringWriter();
            var error = new StringWriter();
            IndexerCli.Run(["generate", "--articles", "25", "--out", dir, "--sample", RepoPaths.Corpus], output, error)
                .Should().Be(ExitCodes.Success, error.ToString());
            var files = Directory.GetFiles(dir, "*.jsonl");
            files.Should().ContainSingle();
            CorpusReader.ReadFile(files[0]).Select(ArticleJson.Serialize)
                .Should().Equal(Corpus.Generate(25, GenerateCommand.DefaultSeed).Select(ArticleJson.Serialize));

            IndexerCli.Run(["generate", "--articles", "25", "--out", dir], output, error).Should().Be(ExitCodes.Usage, "the folder is not empty");
            IndexerCli.Run(["generate", "--articles", "many", "--out", dir], output, error).Should().Be(ExitCodes.Usage);
        }
        finally
        {
            if (Directory.Exists(dir)) Directory.Delete(dir, recursive: true);
        }
    }
}
