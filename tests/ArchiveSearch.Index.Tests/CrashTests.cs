using System.Diagnostics;
using ArchiveSearch.Search;
using TestSupport;

namespace ArchiveSearch.Index.Tests;

/// <summary>A rebuild killed with SIGKILL midway, in a real child process running the indexer.</summary>
public sealed class CrashTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_rebuild_killed_midway_leaves_the_served_index_intact_and_the_next_rebuild_succeeds()
    {
        var corpus = TestCorpus.CopyOfRealCorpus(_temp);
        var index = _temp.Combine("index");
        var serving = IndexRebuilder.Rebuild(corpus, index).Generation;
        using var searcher = new ArchiveSearcher(index);
        var before = searcher.Search(new SearchRequest { Query = "人工智能", PageSize = 20 }).Hits.Select(h => h.Article.Id).ToList();
        TestCorpus.AddBulk(corpus, copies: 150);

        using (var child = IndexerProcess.Start("rebuild", "--corpus", corpus, "--index", index))
        {
            // Wait until the child is writing its new generation, then kill it without warning.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while (Directory.GetDirectories(index, "gen-*").Length < 2 && !child.HasExited && DateTime.UtcNow < deadline)
                Thread.Sleep(20);
            Thread.Sleep(300);
            child.HasExited.Should().BeFalse("the rebuild should still be writing when it is killed");
            child.Kill(entireProcessTree: true);
            child.WaitForExit();
        }

        File.ReadAllText(Path.Combine(index, "CURRENT")).Trim().Should().Be(serving);
        searcher.Refresh().Should().BeFalse();
        searcher.Search(new SearchRequest { Query = "人工智能", PageSize = 20 }).Hits.Select(h => h.Article.Id)
            .Should().Equal(before).And.NotBeEmpty();
        using (var reopened = new ArchiveSearcher(index))
            reopened.DocumentCount.Should().Be(79);

        // The killed process's lock file and half-written generation must not get in the way.
        File.Delete(Path.Combine(corpus, "bulk.jsonl"));
        var next = IndexRebuilder.Rebuild(corpus, index);
        next.Articles.Should().Be(79);
        Directory.GetDirectories(index, "gen-*").Select(Path.GetFileName).Should().BeEquivalentTo(serving, next.Generation);
    }
}

/// <summary>The real indexer program as a child process (its dll is copied next to the tests).</summary>
internal static class IndexerProcess
{
    public static Process Start(params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "indexer.dll"));
        foreach (var arg in args) start.ArgumentList.Add(arg);
        return Process.Start(start)!;
    }

    public static (int Exit, string Output, string Error) Run(params string[] args)
    {
        using var process = Start(args);
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        process.WaitForExit();
        return (process.ExitCode, output.Result, error.Result);
    }
}
