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
    public void Unknown_commands_and_options_exit_2_with_usage()
    {
        IndexerProcess.Run("frobnicate").Exit.Should().Be(2);
        var (exit, _, error) = IndexerProcess.Run("rebuild", "--corpse", "x");
        exit.Should().Be(2);
        error.Should().Contain("unknown argument '--corpse'");
    }

    [Fact]
    public void Help_documents_every_command()
    {
        var (exit, output, _) = IndexerProcess.Run("--help");

        exit.Should().Be(0);
        output.Should().Contain("parse PATH").And.Contain("rebuild [--corpus DIR] [--index DIR] [--skip-invalid]")
            .And.Contain("stats [--index DIR]").And.Contain("Exit codes");
    }
}
