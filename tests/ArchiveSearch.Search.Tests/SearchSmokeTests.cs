using ArchiveSearch.Search;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

[Collection(CorpusIndexFixture.Collection)]
public sealed class SearchSmokeTests(CorpusIndexFixture index)
{
    [Fact]
    public void Concept_verification_centre_finds_the_future_industries_plan()
    {
        var result = index.Searcher.Search(new SearchRequest { Query = "概念验证中心" });

        result.Total.Should().BeGreaterThan(0);
        result.Hits.Select(h => h.Article.Title).Should().Contain(t => t.Contains("未来产业"));
        result.Hits[0].Snippet.Should().Contain("<em>");
    }
}
