using Indexer;
using TestSupport;

namespace ArchiveSearch.Index.Tests;

/// <summary>The indexer's rebuild and stats commands as an operator runs them: exit codes and messages.</summary>
public sealed class IndexerCommandTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Rebuild_prints_a_summary_and_stats_reports_the_generation()
    {
        var index = _temp.Combine("index");

        var (exit, output, _) = IndexerProcess.Run("rebuild", "--corpus", RepoPaths.Corpus, "--index", index);

        exit.Should().Be(0);
        output.Should().Contain("articles     79").And.Contain("files        5").And.Contain("聚焦常州")
            .And.Contain("elapsed").And.Contain("index size");
        var stats = IndexerProcess.Run("stats", "--index", index);
        stats.Exit.Should().Be(0);
        stats.Output.Should().Contain("articles     79").And.Contain("各地动态").And.Contain("2024");
    }

    [Fact]
    public void Rebuild_with_a_binary_file_exits_1_naming_it()
    {
        var corpus = TestCorpus.CopyOfRealCorpus(_temp);
        var binary = Path.Combine(corpus, "bad.txt");
        File.WriteAllBytes(binary, [0x00, 0xFF, 0x00, 0xFE, 0x01, 0x02]);

        var (exit, _, error) = IndexerProcess.Run("rebuild", "--corpus", corpus, "--index", _temp.Combine("index"));

        exit.Should().Be(1);
        error.Should().Contain(binary).And.Contain("nothing was published");
        File.Exists(_temp.Combine("index", "CURRENT")).Should().BeFalse();
    }

    [Fact]
    public void Rebuild_of_an_empty_corpus_exits_1()
    {
        var empty = _temp.Combine("empty");
        Directory.CreateDirectory(empty);

        var (exit, _, error) = IndexerProcess.Run("rebuild", "--corpus", empty, "--index", _temp.Combine("index"));

        exit.Should().Be(1);
        error.Should().Contain("corpus is empty");
    }

    [Fact]
    public void Rebuild_while_another_holds_the_lock_exits_3()
    {
        var index = _temp.Combine("index");
        using var held = RebuildLock.Acquire(new IndexLayout(index));

        var (exit, _, error) = IndexerProcess.Run("rebuild", "--corpus", RepoPaths.Corpus, "--index", index);

        exit.Should().Be(3);
        error.Should().Contain("another rebuild is running");
    }

    [Fact]
    public void Unknown_commands_and_misspelt_options_exit_2_naming_them_with_a_suggestion()
    {
        var unknown = IndexerProcess.Run("frobnicate");
        unknown.Exit.Should().Be(2);
        unknown.Error.Should().Contain("'frobnicate'");

        var (exit, output, error) = IndexerProcess.Run("rebuild", "--corpse", "x");
        exit.Should().Be(2);
        error.Should().Contain("'--corpse'");
        // System.CommandLine's typo correction names the option that was meant.
        output.Should().Contain("'--corpse' was not matched. Did you mean one of the following?\n--corpus");
        IndexerProcess.Run("generate", "--articles", "0", "--out", _temp.Combine("g")).Error
            .Should().Contain("--articles needs a whole number of 1 or more");
    }

    [Fact]
    public void Help_documents_every_command_and_the_exit_codes()
    {
        var (exit, output, _) = IndexerProcess.Run("--help");

        exit.Should().Be(0);
        output.Should().Contain("parse <PATH>").And.Contain("rebuild").And.Contain("stats").And.Contain("generate")
            .And.Contain("Exit codes").And.Contain("3  another rebuild is running");
    }

    [Fact]
    public void Each_command_has_its_own_help_with_its_options_and_defaults()
    {
        var (exit, output, _) = IndexerProcess.Run("rebuild", "--help");

        exit.Should().Be(0);
        output.Should().Contain("indexer rebuild [options]")
            .And.Contain("--corpus <DIR>").And.Contain("[default: index-data/corpus]")
            .And.Contain("--index <DIR>").And.Contain("--skip-invalid")
            .And.Contain("Exit codes").And.NotContain("generate");
    }

    [Fact]
    public void Version_prints_the_assembly_version()
    {
        var (exit, output, _) = IndexerProcess.Run("--version");

        exit.Should().Be(0);
        output.Trim().Should().MatchRegex(@"^\d+\.\d+\.\d+");
    }

    [Theory]
    [InlineData(0, 10.0, "parse  0/40")]
    [InlineData(10, 0.0, "parse  10/40")]
    [InlineData(10, 2.0, "parse  10/40  5/s  0:06 left")]
    [InlineData(40, 4.0, "parse  40/40  10/s  0:00 left")]
    public void Progress_shows_the_rate_and_the_time_left_once_there_is_a_rate(int done, double seconds, string expected)
    {
        RebuildCommand.ProgressLine(new RebuildProgress("parse", done, 40), TimeSpan.FromSeconds(seconds)).Should().Be(expected);
    }
}
