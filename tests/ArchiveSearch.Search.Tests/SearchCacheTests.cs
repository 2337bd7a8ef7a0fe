using System.Text.Json;
using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>
/// The result and filter caches: an answer from the cache is the answer the index gives, a new generation never
/// sees an old generation's entry, and the cache stays within its bound. The fixture's searcher caches (the default);
/// each test compares it with a searcher over the same index with the caches off.
/// </summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class SearchCacheTests(CorpusIndexFixture index) : IDisposable
{
    private readonly ArchiveSearcher _uncached = new(index.IndexDir, cache: new SearchCacheSettings { Enabled = false });

    public void Dispose() => _uncached.Dispose();

    [Fact]
    public void Every_judged_query_answers_the_same_from_the_cache_as_without_it()
    {
        var judged = JudgedQueryTests.Load();
        judged.Should().HaveCountGreaterThan(40);
        var hitsBefore = index.Searcher.CacheStats.Hits;
        foreach (var q in judged)
        {
            var request = new SearchRequest { Query = q.Query, Sections = q.Sections, Regions = q.Regions, From = q.From, To = q.To };
            var expected = Json(_uncached.Search(request));
            Json(index.Searcher.Search(request)).Should().Be(expected, $"'{q.Query}' asked once");
            Json(index.Searcher.Search(request)).Should().Be(expected, $"'{q.Query}' asked again, from the cache");
        }
        // Asked twice each, so at least one of the two was a hit.
        (index.Searcher.CacheStats.Hits - hitsBefore).Should().BeGreaterThanOrEqualTo(judged.Count);
    }

    [Theory]
    [InlineData("常州", null, null, SearchSort.Relevance)]
    [InlineData("人工智能", null, null, SearchSort.Date)]
    [InlineData("创新 发展", "各地动态", null, SearchSort.Relevance)]
    [InlineData("专利", null, "江苏", SearchSort.DateAscending)]
    [InlineData(null, "政策法规", null, SearchSort.Relevance)]
    [InlineData("常州有哪些企业完成融资", null, null, SearchSort.Relevance)]
    public void Pages_one_to_three_answer_the_same_from_one_cached_entry(string? query, string? section, string? region, SearchSort sort)
    {
        var request = new SearchRequest
        {
            Query = query, Sections = section is null ? [] : [section], Regions = region is null ? [] : [region],
            From = new DateOnly(2020, 1, 1), Sort = sort, PageSize = 5,
        };
        // Last page first: the entry the first request fills must serve the pages before it too.
        foreach (var page in new[] { 3, 1, 2, 3 })
        {
            var paged = request with { Page = page };
            Json(index.Searcher.Search(paged)).Should().Be(Json(_uncached.Search(paged)), $"page {page} of '{query}'");
        }
        var first = Json(index.Searcher.Search(request with { Page = 1 }));
        first.Should().Contain("\"Hits\":[{", "the query finds something, or the comparison proves little");
    }

    [Fact]
    public void A_page_asked_again_comes_whole_from_the_page_cache_and_a_page_without_snippets_is_its_own()
    {
        using var searcher = new ArchiveSearcher(index.IndexDir, TimeSpan.FromHours(1));
        var request = new SearchRequest { Query = "人工智能", PageSize = 5 };
        var first = searcher.Search(request);
        var again = searcher.Search(request);

        again.Hits.Should().BeSameAs(first.Hits, "the second answer's page is the first one's, not built again");
        var plain = searcher.Search(request with { Snippets = false });
        plain.Hits.Should().OnlyContain(h => h.Snippet == null);
        first.Hits.Should().OnlyContain(h => h.Snippet != null);
        plain.Hits.Select(h => h.Article.Id).Should().Equal(first.Hits.Select(h => h.Article.Id));
        var stats = searcher.CacheStats;
        (stats.Hits, stats.Misses, stats.PageHits, stats.PageMisses, stats.Pages).Should().Be((2L, 1L, 1L, 2L, 2));
    }

    [Fact]
    public void The_same_query_in_traditional_characters_is_a_hit_that_reports_its_own_text()
    {
        using var searcher = new ArchiveSearcher(index.IndexDir, TimeSpan.FromHours(1));
        var simplified = searcher.Search(new SearchRequest { Query = "科技创新" });
        var traditional = searcher.Search(new SearchRequest { Query = "科技創新" });

        searcher.CacheStats.Hits.Should().Be(1, "both fold to one query");
        traditional.Query.Text.Should().Be("科技創新");
        traditional.Query.Normalized.Should().Be("科技创新");
        simplified.Query.Normalized.Should().BeNull();
        traditional.Hits.Select(h => h.Article.Id).Should().Equal(simplified.Hits.Select(h => h.Article.Id)).And.NotBeEmpty();
        Json(traditional).Should().Be(Json(_uncached.Search(new SearchRequest { Query = "科技創新" })));

        var again = searcher.Search(new SearchRequest { Query = "科技创新" });
        again.Query.Text.Should().Be("科技创新");
        again.Query.Normalized.Should().BeNull();
        searcher.Search(new SearchRequest { Query = "科技创新" }).Query.Should().BeSameAs(again.Query,
            "a repeat of the text as typed reads as it did, made once (the API keeps it encoded)");
    }

    [Fact]
    public void A_new_generation_never_answers_from_the_old_generations_entries()
    {
        using var temp = new TempDirectory();
        var corpus = temp.Combine("corpus");
        Directory.CreateDirectory(corpus);
        foreach (var file in RepoPaths.CorpusFiles) File.Copy(file, Path.Combine(corpus, Path.GetFileName(file)));
        var indexDir = temp.Combine("index");
        IndexRebuilder.Rebuild(corpus, indexDir);
        using var searcher = new ArchiveSearcher(indexDir, TimeSpan.FromHours(1));
        var request = new SearchRequest { Query = "常州", From = new DateOnly(2020, 1, 1) };
        var before = searcher.Search(request);
        searcher.Search(request).Total.Should().Be(before.Total);
        searcher.CacheStats.Entries.Should().BeGreaterThan(0);

        // The next generation lacks the issue holding the most of the hits: its answer must differ.
        var hitIds = before.Hits.Select(h => h.Article.Id).ToHashSet();
        var dropped = RepoPaths.CorpusFiles.MaxBy(f => CorpusReader.ReadFile(f).Count(a => hitIds.Contains(a.Id)))!;
        File.Delete(Path.Combine(corpus, Path.GetFileName(dropped)));
        IndexRebuilder.Rebuild(corpus, indexDir);
        searcher.Refresh().Should().BeTrue();

        using var fresh = new ArchiveSearcher(indexDir, TimeSpan.FromHours(1), cache: new SearchCacheSettings { Enabled = false });
        var expected = fresh.Search(request);
        expected.Total.Should().BeLessThan(before.Total, "the dropped issue held some of the hits");
        Json(searcher.Search(request)).Should().Be(Json(expected));
    }

    [Fact]
    public void The_cache_stays_within_its_bound_under_a_stream_of_distinct_queries_and_keeps_a_popular_one()
    {
        // 1 MiB holds at most 256 first passes and 96 pages; the stream asks a popular query once every 100 one-off
        // queries (600 lookups), which a least-recently-used cache of that size would always have evicted by then.
        using var searcher = new ArchiveSearcher(index.IndexDir, TimeSpan.FromHours(1), cache: new SearchCacheSettings { MaxMegabytes = 1 });
        var popular = new SearchRequest { Query = "人工智能" };
        for (var i = 0; i < 5; i++) searcher.Search(popular);
        var words = index.Articles.SelectMany(a => ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Words, a.Title))
            .Select(t => t.Term).Where(t => t.Length >= 2).Distinct().ToList();
        var (asked, popularAsked, popularHits) = (0, 0, 0);
        foreach (var word in words)
            foreach (var section in new[] { "政策法规", "各地动态", "行业新闻" })
            {
                searcher.Search(new SearchRequest { Query = word, Sections = [section] });
                searcher.Search(new SearchRequest { Query = word, Regions = ["江苏"], Sections = [section] });
                asked += 2;
                if (asked % 100 != 0) continue;
                var hits = searcher.CacheStats.Hits;
                searcher.Search(popular);
                popularAsked++;
                if (searcher.CacheStats.Hits == hits + 1) popularHits++;
            }
        asked.Should().BeGreaterThan(1000);

        var stats = searcher.CacheStats;
        stats.MaxBytes.Should().Be(1024 * 1024);
        stats.Bytes.Should().BeGreaterThan(0).And.BeLessThanOrEqualTo(stats.MaxBytes);
        stats.Evictions.Should().BeGreaterThan(0, "more was asked than fits");
        popularHits.Should().BeGreaterThanOrEqualTo(popularAsked * 8 / 10, "a query asked often outlives the queries asked once");
    }

    [Fact]
    public void A_cancelled_request_gets_no_answer_from_the_cache_either()
    {
        var request = new SearchRequest { Query = "创新" };
        using var searcher = new ArchiveSearcher(index.IndexDir, TimeSpan.FromHours(1));
        searcher.Search(request).Total.Should().BeGreaterThan(0);
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        var search = () => searcher.Search(request, cancelled.Token);

        search.Should().Throw<OperationCanceledException>();
        searcher.CacheStats.Hits.Should().Be(1);
    }

    [Fact]
    public void Turned_off_the_caches_hold_nothing_and_count_nothing()
    {
        _uncached.Search(new SearchRequest { Query = "常州", From = new DateOnly(2021, 1, 1) });
        _uncached.Search(new SearchRequest { Query = "常州", From = new DateOnly(2021, 1, 1) });
        _uncached.CacheStats.Should().Be(new SearchCacheStats(false, 0, 0, 0, 0, 0, 0, 0, 0, 0, 64L * 1024 * 1024));
    }

    /// <summary>Everything an answer says, in order, to compare answers whole.</summary>
    private static string Json(SearchResult result) => JsonSerializer.Serialize(result);
}
