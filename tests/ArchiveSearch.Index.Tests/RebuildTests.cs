using ArchiveSearch.Search;
using TestSupport;

namespace ArchiveSearch.Index.Tests;

/// <summary>Rebuilds on real on-disk indexes in temp folders: publishing, failures that keep the old index, the lock.</summary>
public sealed class RebuildTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void Rebuild_of_the_corpus_indexes_79_articles_and_publishes_them()
    {
        var index = _temp.Combine("index");

        var summary = IndexRebuilder.Rebuild(TestCorpus.CopyOfRealCorpus(_temp), index);

        summary.Files.Should().Be(5);
        summary.Articles.Should().Be(79);
        summary.ArticlesPerSection.Values.Sum().Should().Be(79);
        summary.ArticlesPerSection.Keys.Should().BeEquivalentTo("政策法规", "各地动态", "行业新闻", "产品市场", "知识产权", "标准化", "聚焦常州");
        summary.IndexBytes.Should().BeGreaterThan(0);
        File.ReadAllText(Path.Combine(index, "CURRENT")).Trim().Should().Be(summary.Generation);
        using var searcher = new ArchiveSearcher(index);
        searcher.DocumentCount.Should().Be(79);
        searcher.Search(new SearchRequest { Query = "常州" }).Total.Should().BeGreaterThan(5);
    }

    [Fact]
    public void A_second_rebuild_keeps_the_previous_generation_for_rollback_and_removes_older_ones()
    {
        var corpus = TestCorpus.CopyOfRealCorpus(_temp);
        var index = _temp.Combine("index");

        var first = IndexRebuilder.Rebuild(corpus, index).Generation;
        var second = IndexRebuilder.Rebuild(corpus, index).Generation;
        var third = IndexRebuilder.Rebuild(corpus, index).Generation;

        Generations(index).Should().BeEquivalentTo(second, third);
        Generations(index).Should().NotContain(first);
        File.ReadAllText(Path.Combine(index, "CURRENT")).Trim().Should().Be(third);
    }

    [Fact]
    public void A_binary_file_fails_the_rebuild_naming_it_and_the_old_generation_keeps_serving()
    {
        var corpus = TestCorpus.CopyOfRealCorpus(_temp);
        var index = _temp.Combine("index");
        var serving = IndexRebuilder.Rebuild(corpus, index).Generation;
        using var searcher = new ArchiveSearcher(index);
        var before = Titles(searcher, "人工智能");
        var binary = Path.Combine(corpus, "005_broken.txt");
        File.WriteAllBytes(binary, [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]);

        var rebuild = () => IndexRebuilder.Rebuild(corpus, index);

        rebuild.Should().Throw<RebuildException>()
            .Where(e => e.Failure == RebuildFailure.InvalidInput && e.Message.Contains(binary));
        File.ReadAllText(Path.Combine(index, "CURRENT")).Trim().Should().Be(serving);
        Generations(index).Should().Equal(serving);
        searcher.Refresh().Should().BeFalse();
        Titles(searcher, "人工智能").Should().Equal(before).And.NotBeEmpty();
    }

    [Fact]
    public void Skip_invalid_reports_the_bad_file_and_indexes_the_rest()
    {
        var corpus = TestCorpus.CopyOfRealCorpus(_temp);
        var binary = Path.Combine(corpus, "005_broken.txt");
        File.WriteAllBytes(binary, [0x00, 0x01, 0x02, 0xFF, 0xFE, 0x00, 0x00, 0x00]);

        var summary = IndexRebuilder.Rebuild(corpus, _temp.Combine("index"), skipInvalid: true);

        summary.Articles.Should().Be(79);
        summary.Files.Should().Be(5);
        summary.SkippedFiles.Should().ContainSingle().Which.Should().Contain(binary);
    }

    [Fact]
    public void An_empty_corpus_fails_the_rebuild_and_the_old_generation_keeps_serving()
    {
        var index = _temp.Combine("index");
        var serving = IndexRebuilder.Rebuild(TestCorpus.CopyOfRealCorpus(_temp), index).Generation;
        var empty = _temp.Combine("empty");
        Directory.CreateDirectory(empty);

        var rebuild = () => IndexRebuilder.Rebuild(empty, index);

        rebuild.Should().Throw<RebuildException>()
            .Where(e => e.Failure == RebuildFailure.InvalidInput && e.Message.Contains("empty"));
        File.ReadAllText(Path.Combine(index, "CURRENT")).Trim().Should().Be(serving);
        using var searcher = new ArchiveSearcher(index);
        searcher.DocumentCount.Should().Be(79);
    }

    [Fact]
    public void A_held_lock_stops_a_second_rebuild_and_releasing_it_lets_the_next_one_run()
    {
        var corpus = TestCorpus.CopyOfRealCorpus(_temp);
        var index = _temp.Combine("index");
        var serving = IndexRebuilder.Rebuild(corpus, index).Generation;

        using (RebuildLock.Acquire(new IndexLayout(index)))
        {
            var rebuild = () => IndexRebuilder.Rebuild(corpus, index);
            rebuild.Should().Throw<RebuildException>()
                .Where(e => e.Failure == RebuildFailure.Locked && e.Message.Contains("another rebuild is running"));
            File.ReadAllText(Path.Combine(index, "CURRENT")).Trim().Should().Be(serving);
        }

        // The lock file stays behind, unlocked, as after a killed process: it must not block.
        File.Exists(Path.Combine(index, "rebuild.lock")).Should().BeTrue();
        IndexRebuilder.Rebuild(corpus, index).Generation.Should().NotBe(serving);
    }

    [Theory]
    [InlineData("人工智能", SearchSort.Relevance)]
    [InlineData("创新", SearchSort.Relevance)]
    [InlineData(null, SearchSort.Date)]
    public void Every_rebuild_lists_the_same_articles_in_the_same_order(string? query, SearchSort sort)
    {
        // Documents are added from several threads, so doc ids differ between rebuilds; equal hits must not.
        var corpus = TestCorpus.CopyOfRealCorpus(_temp);
        var request = new SearchRequest { Query = query, Sort = sort, PageSize = 100, Snippets = false };
        var orders = Enumerable.Range(0, 3).Select(i =>
        {
            var index = _temp.Combine($"index-{i}");
            IndexRebuilder.Rebuild(corpus, index);
            using var searcher = new ArchiveSearcher(index);
            return string.Join(",", searcher.Search(request).Hits.Select(h => h.Article.Id));
        }).ToList();

        orders.Distinct().Should().ContainSingle();
        orders[0].Should().NotBeEmpty();
    }

    [Fact]
    public void The_searcher_follows_the_pointer_within_two_seconds_of_a_rebuild()
    {
        var corpus = TestCorpus.CopyOfRealCorpus(_temp);
        var index = _temp.Combine("index");
        IndexRebuilder.Rebuild(corpus, index);
        using var searcher = new ArchiveSearcher(index);
        var before = searcher.Generation;

        var next = IndexRebuilder.Rebuild(corpus, index).Generation;

        var deadline = DateTime.UtcNow.AddSeconds(2);
        while (searcher.Generation != next && DateTime.UtcNow < deadline) Thread.Sleep(50);
        searcher.Generation.Should().Be(next).And.NotBe(before);
        searcher.DocumentCount.Should().Be(79);
    }

    [Fact]
    public async Task Searches_running_while_rebuilds_switch_the_pointer_never_fail_or_come_back_empty()
    {
        var corpus = TestCorpus.CopyOfRealCorpus(_temp);
        var index = _temp.Combine("index");
        IndexRebuilder.Rebuild(corpus, index);
        using var searcher = new ArchiveSearcher(index, pollInterval: TimeSpan.FromMilliseconds(20));
        var expected = searcher.Search(new SearchRequest { Query = "常州" }).Total;
        var failures = new System.Collections.Concurrent.ConcurrentBag<string>();
        var searches = 0;
        using var stop = new CancellationTokenSource();

        // As many readers as cores: enough to overlap every switch, not so many that they starve the poll thread.
        // Threads of their own, started before the first rebuild: pool tasks can wait behind the other tests' work.
        var readerCount = Environment.ProcessorCount;
        using var started = new CountdownEvent(readerCount);
        var readers = Enumerable.Range(0, readerCount).Select(_ => Task.Factory.StartNew(() =>
        {
            var first = true;
            while (!stop.IsCancellationRequested)
            {
                try
                {
                    var result = searcher.Search(new SearchRequest { Query = "常州" });
                    if (result.Total != expected || result.Hits.Count == 0) failures.Add($"total {result.Total}");
                    Interlocked.Increment(ref searches);
                }
                catch (Exception e)
                {
                    failures.Add(e.ToString());
                }
                if (first) started.Signal();
                first = false;
            }
        }, TaskCreationOptions.LongRunning)).ToArray();
        started.Wait(TimeSpan.FromSeconds(30)).Should().BeTrue("the readers should be searching before the rebuilds start");
        var generations = new HashSet<string>();
        var searchesBefore = new List<int>();
        for (var i = 0; i < 4; i++)
        {
            searchesBefore.Add(Volatile.Read(ref searches));
            var published = IndexRebuilder.Rebuild(corpus, index).Generation;
            var deadline = DateTime.UtcNow.AddSeconds(2);
            while (searcher.Generation != published && DateTime.UtcNow < deadline) Thread.Sleep(10);
            generations.Add(searcher.Generation!);
        }
        await stop.CancelAsync();
        await Task.WhenAll(readers);

        failures.Should().BeEmpty();
        searches.Should().BeGreaterThan(searchesBefore[^1], "searches ran while the last rebuild switched the pointer");
        generations.Should().HaveCount(4, "the searcher follows every rebuild within 2 s while queries run");
    }

    private static List<string> Generations(string index) =>
        [.. Directory.GetDirectories(index, "gen-*").Select(Path.GetFileName).OfType<string>()];

    private static List<string> Titles(ArchiveSearcher searcher, string query) =>
        [.. searcher.Search(new SearchRequest { Query = query, PageSize = 20 }).Hits.Select(h => h.Article.Title)];
}
