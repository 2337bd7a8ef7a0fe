using Lucene.Net.Search;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>What the faceting collector counts, which relaxation reads its terms' matches with.</summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class FacetingCollectorTests(CorpusIndexFixture index)
{
    [Fact]
    public void It_counts_every_match_and_passes_on_only_those_in_the_filters()
    {
        var reader = index.Reader;
        var searcher = new IndexSearcher(reader);
        var policy = index.Articles.Count(a => a.Section == "政策法规");
        policy.Should().BeGreaterThan(3).And.BeLessThan(index.Articles.Count);

        (int Matched, int Total, int Passed) Count(IReadOnlyCollection<string> sections)
        {
            var docs = new DocSetCollector(reader.MaxDoc);
            var counter = new FacetingCollector(docs, sections, [], CancellationToken.None);
            searcher.Search(new MatchAllDocsQuery(), counter);
            return (counter.Matched, counter.Total, docs.Docs.Cardinality);
        }

        Count([]).Should().Be((index.Articles.Count, index.Articles.Count, index.Articles.Count));
        Count(["政策法规"]).Should().Be((index.Articles.Count, policy, policy));
    }
}
