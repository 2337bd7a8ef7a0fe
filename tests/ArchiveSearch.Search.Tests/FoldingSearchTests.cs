using System.Text.RegularExpressions;
using ArchiveSearch.Index;
using ArchiveSearch.Ingest;
using TestSupport;

namespace ArchiveSearch.Search.Tests;

/// <summary>
/// Traditional characters and full-width forms find what their simplified forms find, in the query and in the
/// filters, and the answer says how the query was folded.
/// </summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed partial class FoldingSearchTests(CorpusIndexFixture index)
{
    private SearchResult Search(string? query, string[]? sections = null, string[]? regions = null) =>
        index.Searcher.Search(new SearchRequest
        {
            Query = query, Sections = sections ?? [], Regions = regions ?? [], PageSize = 100, Snippets = false,
        });

    private static List<string> Ids(SearchResult result) => [.. result.Hits.Select(h => h.Article.Id)];

    [Theory]
    [InlineData("科技創新", "科技创新")]
    [InlineData("新質生產力", "新质生产力")]
    [InlineData("長三角 一體化", "长三角 一体化")]
    [InlineData("ＰＡＳ２０６０", "PAS2060")]
    [InlineData("ＡＩ", "AI")]
    [InlineData("５Ｇ", "5G")]
    [InlineData("５Ｇ基站 ＯＲ 人工智慧", "5G基站 OR 人工智慧")]
    public void A_folded_query_finds_what_its_simplified_form_finds_and_says_how_it_was_folded(string typed, string simplified)
    {
        var folded = Search(typed);
        var plain = Search(simplified);

        plain.Total.Should().BeGreaterThan(0, simplified);
        Ids(folded).Should().Equal(Ids(plain));
        folded.Query.Text.Should().Be(typed);
        folded.Query.Normalized.Should().Be(ScriptFolding.Default.Fold(typed)).And.NotBe(typed);
        plain.Query.Normalized.Should().BeNull("nothing was folded in " + simplified);
    }

    [Fact]
    public void Synonyms_and_question_words_match_after_folding()
    {
        var traditional = Search("常州有哪些企業完成融資");
        var simplified = Search("常州有哪些企业完成融资");
        traditional.Query.Ignored.Should().Equal(simplified.Query.Ignored).And.Contain("哪些");
        Ids(traditional).Should().Equal(Ids(simplified));

        var carbon = Search("碳達峰");
        carbon.Query.Terms.Should().ContainSingle().Which.Synonyms.Should().Contain("双碳");
        Ids(carbon).Should().Equal(Ids(Search("碳达峰")));
    }

    [Fact]
    public void Region_and_section_filters_accept_traditional_characters()
    {
        var traditional = Search(null, sections: ["政策法規"], regions: ["江蘇"]);
        var simplified = Search(null, sections: ["政策法规"], regions: ["江苏"]);

        simplified.Total.Should().BeGreaterThan(0);
        Ids(traditional).Should().Equal(Ids(simplified));
        traditional.Query.Regions.Should().Equal("江苏");
        traditional.Query.Sections.Should().Equal("政策法规");
        Search(null, regions: ["長三角"]).Total.Should().Be(0, "长三角 is a word of the text, not a region tag");
    }

    /// <summary>
    /// A corpus copy with one article also written in traditional characters (as JSONL: title, body, section and
    /// regions in traditional characters), indexed into a temp index: simplified queries find it and traditional
    /// queries find the simplified original, each snippet on the article's own characters.
    /// </summary>
    [Fact]
    public void An_article_in_traditional_characters_is_found_by_simplified_queries_and_highlighted_in_its_own_characters()
    {
        using var temp = new TempDirectory();
        var corpus = Directory.CreateDirectory(temp.Combine("corpus")).FullName;
        var original = RepoPaths.CorpusFile("000");
        File.Copy(original, Path.Combine(corpus, Path.GetFileName(original)));
        var article = CorpusReader.ReadFile(original).First(a => a.Body.Contains("科技创新"));
        var traditional = article with
        {
            Id = "traditional-01",
            Title = Traditional.Of(article.Title),
            Body = Traditional.Of(article.Body),
            Section = Traditional.Of(article.Section),
            Regions = [.. article.Regions.Select(Traditional.Of)],
        };
        traditional.Body.Should().Contain("科技創新");
        File.WriteAllText(Path.Combine(corpus, "traditional.jsonl"), ArticleJson.Serialize(traditional) + "\n");
        IndexRebuilder.Rebuild(corpus, temp.Combine("index"));
        using var searcher = new ArchiveSearcher(temp.Combine("index"));

        SearchHit Hit(string query, string id) => searcher.Search(new SearchRequest { Query = query, PageSize = 100 })
            .Hits.Should().Contain(h => h.Article.Id == id, query).Which;

        var found = Hit("科技创新", traditional.Id);
        found.Article.Title.Should().Be(traditional.Title, "stored text is never rewritten");
        found.Article.Section.Should().Be(article.Section, "the section is stored as the filters name it");
        found.Article.Regions.Should().Equal(article.Regions);
        Highlights(found.Snippet!).Should().Contain("科技創新").And.OnlyContain(h => traditional.Body.Contains(h));
        Fragments(found.Snippet!).Should().NotBeEmpty().And.OnlyContain(f => traditional.Body.Contains(f));

        var back = Hit("科技創新", article.Id);
        Highlights(back.Snippet!).Should().Contain("科技创新").And.OnlyContain(h => article.Body.Contains(h));

        // A word only the traditional article spells this way still finds both (發展 / 发展, 產業 / 产业).
        searcher.Search(new SearchRequest { Query = "產業發展", PageSize = 100 }).Hits.Select(h => h.Article.Id)
            .Should().Contain([article.Id, traditional.Id]);
        searcher.Search(new SearchRequest { Regions = [Traditional.Of(article.Regions[0])], PageSize = 100 }).Hits
            .Select(h => h.Article.Id).Should().Contain([article.Id, traditional.Id]);
    }

    private static List<string> Highlights(string snippet) => [.. Emphasis().Matches(snippet).Select(m => m.Groups[1].Value)];

    /// <summary>The snippet's pieces of text between its ellipses, without the highlighting.</summary>
    private static string[] Fragments(string snippet) =>
        snippet.Replace("<em>", "").Replace("</em>", "").Split('…', StringSplitOptions.RemoveEmptyEntries);

    [GeneratedRegex("<em>(.*?)</em>")]
    private static partial Regex Emphasis();
}
