using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>
/// The API's request timeout works by cancelling the request's token: a search that visits many matches must stop
/// on it rather than run to the end. The bundled corpus is too small for that, so this builds an archive of 7,900.
/// </summary>
public sealed class CancellationTests : IDisposable
{
    private readonly TempDirectory _temp = new();

    public void Dispose() => _temp.Dispose();

    [Fact]
    public void A_search_whose_request_was_cancelled_stops_with_OperationCanceledException()
    {
        var corpus = Directory.CreateDirectory(_temp.Combine("corpus")).FullName;
        var articles = RepoPaths.CorpusFiles.SelectMany(CorpusReader.ReadFile).ToList();
        File.WriteAllLines(Path.Combine(corpus, "many.jsonl"), Enumerable.Range(0, 100).SelectMany(copy =>
            articles.Select(a => ArticleJson.Serialize(a with { Id = $"{a.Id}-{copy}", Body = "推动科技创新。" }))));
        var index = _temp.Combine("index");
        IndexRebuilder.Rebuild(corpus, index);
        // Uncached, so the second search ranks again and it is the collector that has to stop.
        using var searcher = new ArchiveSearcher(index, cache: new SearchCacheSettings { Enabled = false });
        using var cancelled = new CancellationTokenSource();
        cancelled.Cancel();

        searcher.Search(new SearchRequest { Query = "创新" }).Total.Should().Be(7900);
        var search = () => searcher.Search(new SearchRequest { Query = "创新" }, cancelled.Token);

        search.Should().Throw<OperationCanceledException>();
    }
}
