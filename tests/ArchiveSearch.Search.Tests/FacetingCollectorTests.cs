using ArchiveSearch.Index;
using Lucene.Net.Index;
using Lucene.Net.Search;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>The faceting collector's early stop, which relaxation counts its steps with.</summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class FacetingCollectorTests(CorpusIndexFixture index)
{
    [Fact]
    public void With_stop_at_it_counts_only_that_many_of_the_documents_passing_the_filters()
    {
        using var directory = new ServingDirectory(new IndexLayout(index.IndexDir).CurrentGeneration()!);
        using var reader = DirectoryReader.Open(directory);
        var searcher = new IndexSearcher(reader);
        var policy = index.Articles.Count(a => a.Section == "政策法规");
        policy.Should().BeGreaterThan(3);

        int Count(IReadOnlyCollection<string> sections, int stopAt = int.MaxValue)
        {
            var counter = new FacetingCollector(null, sections, [], CancellationToken.None, stopAt);
            searcher.Search(new MatchAllDocsQuery(), counter);
            return counter.Total;
        }

        Count([]).Should().Be(index.Articles.Count);
        Count(["政策法规"]).Should().Be(policy);
        Count([], stopAt: 3).Should().Be(3);
        Count(["政策法规"], stopAt: 3).Should().Be(3);
        Count(["政策法规"], stopAt: policy + 1).Should().Be(policy, "fewer pass than the stop, so all are counted");
    }
}
