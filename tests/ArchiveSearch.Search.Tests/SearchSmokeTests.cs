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

    [Fact]
    public void Every_hit_of_a_page_has_a_snippet_of_its_own_body_with_whole_matches_highlighted()
    {
        // Snippets are built for the whole page at once from the postings: each hit must get its own offsets.
        // Highlights are whole words, the query's or its synonym AI: never a lone 智能 of a 智能装备.
        var result = index.Searcher.Search(new SearchRequest { Query = "人工智能", PageSize = 20 });
        var bodyMatches = result.Hits
            .Select(h => (h.Snippet!, Body: index.Articles.Single(a => a.Id == h.Article.Id).Body))
            .Where(h => h.Body.Contains("人工智能"))
            .ToList();

        bodyMatches.Should().HaveCountGreaterThan(5);
        foreach (var (snippet, body) in bodyMatches)
        {
            var text = snippet.Replace("<em>", "").Replace("</em>", "").Trim('…');
            body.Replace('\n', ' ').Should().Contain(System.Net.WebUtility.HtmlDecode(text));
            System.Text.RegularExpressions.Regex.Matches(snippet, "<em>(.+?)</em>").Select(m => m.Groups[1].Value)
                .Should().NotBeEmpty().And.OnlyContain(em => em == "人工智能" || em.Equals("AI", StringComparison.OrdinalIgnoreCase), snippet);
        }
    }
}
