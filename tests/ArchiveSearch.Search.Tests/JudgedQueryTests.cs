using System.Text.Json;
using System.Text.Json.Serialization;
using TestSupport;
using Xunit.Abstractions;

namespace ArchiveSearch.Search.Tests;

/// <summary>
/// Search quality against judged queries (judged-queries.json): relevance was decided by reading the articles,
/// not by looking at what the engine returns. Known-item queries look for one distinctive article; topical ones
/// (and questions) for every article really about the topic. Natural ones are typed as Chinese readers type
/// (unspaced, colloquial questions, a year or a place in front, some with no article holding every word), written
/// from the articles alone by someone who had not read the ranking code; each set is reported on its own.
/// </summary>
[Collection(CorpusIndexFixture.Collection)]
public sealed class JudgedQueryTests(CorpusIndexFixture index, ITestOutputHelper output)
{
    private const int Depth = 10;

    public sealed record JudgedQuery(
        string Query,
        string Kind,
        string[] Sections,
        string[] Regions,
        DateOnly? From,
        DateOnly? To,
        string[] Relevant,
        string Note);

    private static readonly JsonSerializerOptions Json = new()
    {
        PropertyNameCaseInsensitive = true,
        Converters = { new JsonStringEnumConverter() },
    };

    internal static IReadOnlyList<JudgedQuery> Load() =>
        JsonSerializer.Deserialize<List<JudgedQuery>>(
            File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "judged-queries.json")), Json)!;

    [Fact]
    public void The_judgements_are_well_formed()
    {
        var queries = Load();
        queries.Count.Should().BeGreaterThanOrEqualTo(40);
        queries.Count(q => q.Kind == "known-item").Should().BeGreaterThanOrEqualTo(20);
        queries.Count(q => q.Kind == "topical").Should().BeGreaterThanOrEqualTo(20);
        queries.Count(q => q.Kind == "natural").Should().BeGreaterThanOrEqualTo(40);
        var titles = index.Articles.Select(a => a.Title).ToHashSet();
        foreach (var query in queries)
        {
            query.Kind.Should().BeOneOf("known-item", "topical", "natural");
            query.Relevant.Should().NotBeEmpty(query.Query);
            if (query.Kind == "known-item") query.Relevant.Should().ContainSingle(query.Query);
            query.Relevant.Should().OnlyContain(t => titles.Contains(t), $"every judged title of '{query.Query}' names an article");
            query.Note.Should().NotBeNullOrWhiteSpace();
        }
    }

    [Fact]
    public void Known_item_queries_find_their_article_first()
    {
        var (mrr, recall) = Evaluate("known-item");
        // What they scored before issue 10's relaxation, which may not lower them.
        mrr.Should().BeGreaterThanOrEqualTo(1.0);
        recall.Should().BeGreaterThanOrEqualTo(1.0);
    }

    [Fact]
    public void Topical_queries_find_the_relevant_articles_near_the_top()
    {
        var (mrr, recall) = Evaluate("topical");
        // What they scored before issue 10's relaxation (1.000 / 0.983), which may not lower them.
        mrr.Should().BeGreaterThanOrEqualTo(1.0);
        recall.Should().BeGreaterThanOrEqualTo(0.98);
    }

    [Fact]
    public void Natural_queries_find_what_the_reader_meant()
    {
        var (mrr, recall) = Evaluate("natural");
        // Before relaxing unspaced chunks (issue 10): 0.772 / 0.747, and 17 of the 90 answered nothing.
        mrr.Should().BeGreaterThanOrEqualTo(0.9);
        recall.Should().BeGreaterThanOrEqualTo(0.9);
    }

    [Fact]
    public void No_judged_query_answers_empty()
    {
        var empty = Load()
            .Where(q => index.Searcher.Search(new SearchRequest
            {
                Query = q.Query, Sections = q.Sections, Regions = q.Regions, From = q.From, To = q.To, Snippets = false,
            }).Total == 0)
            .Select(q => q.Query);

        empty.Should().BeEmpty("every judged query has a relevant article in the archive");
    }

    /// <summary>
    /// Every judged query typed in traditional characters (OpenCC's s2t, filters too: 江蘇, 政策法規), or with its
    /// Latin letters and digits full width (ＰＡＳ２０６０), finds what its simplified form finds.
    /// </summary>
    [Theory]
    [InlineData("known-item", "traditional")]
    [InlineData("topical", "traditional")]
    [InlineData("known-item", "full-width")]
    [InlineData("topical", "full-width")]
    public void Queries_in_traditional_characters_or_full_width_score_as_their_simplified_form(string kind, string form)
    {
        Func<string, string> write = form == "traditional" ? Traditional.Of : Traditional.FullWidth;
        var queries = Load().Where(q => q.Kind == kind).ToList();
        queries.Count(q => write(q.Query) != q.Query).Should().BeGreaterThanOrEqualTo(form == "traditional" ? queries.Count * 2 / 3 : 1,
            "the converted queries differ from the judged ones");

        var simplified = Evaluate(kind);
        var converted = Evaluate(kind, write);

        converted.Mrr.Should().BeApproximately(simplified.Mrr, 0.02);
        converted.Recall.Should().BeApproximately(simplified.Recall, 0.02);
    }

    /// <summary>Mean reciprocal rank and mean recall at <see cref="Depth"/> over the queries of one kind, printed per query.</summary>
    /// <param name="write">How the person typed the query and filters; as judged by default.</param>
    private (double Mrr, double Recall) Evaluate(string kind, Func<string, string>? write = null)
    {
        write ??= text => text;
        var queries = Load().Where(q => q.Kind == kind).ToList();
        var idOf = index.Articles.ToDictionary(a => a.Title, a => a.Id);
        double reciprocalSum = 0, recallSum = 0;
        foreach (var query in queries)
        {
            var relevant = query.Relevant.Select(t => idOf[t]).ToHashSet();
            var result = index.Searcher.Search(new SearchRequest
            {
                Query = write(query.Query),
                Sections = [.. query.Sections.Select(write)],
                Regions = [.. query.Regions.Select(write)],
                From = query.From,
                To = query.To,
                PageSize = Depth,
                Snippets = false,
            });
            var ids = result.Hits.Select(h => h.Article.Id).ToList();
            var firstRank = ids.FindIndex(relevant.Contains) + 1;
            var reciprocal = firstRank == 0 ? 0 : 1.0 / firstRank;
            var recall = (double)ids.Count(relevant.Contains) / relevant.Count;
            reciprocalSum += reciprocal;
            recallSum += recall;

            output.WriteLine($"{(reciprocal == 1 && recall == 1 ? "ok  " : "MISS")} rr={reciprocal:F2} recall={recall:F2} " +
                             $"match={result.Query.Match} total={result.Total}  {write(query.Query)}");
            for (var i = 0; i < result.Hits.Count; i++)
                output.WriteLine($"      {i + 1,2}{(relevant.Contains(result.Hits[i].Article.Id) ? "*" : " ")} {result.Hits[i].Score,7:F2} {result.Hits[i].Article.Title}");
            foreach (var missing in query.Relevant.Where(t => !ids.Contains(idOf[t])))
                output.WriteLine($"       -  missing: {missing}");
        }
        var mrr = reciprocalSum / queries.Count;
        var meanRecall = recallSum / queries.Count;
        output.WriteLine($"{kind}: {queries.Count} queries, MRR@{Depth} = {mrr:F3}, recall@{Depth} = {meanRecall:F3}");
        return (mrr, meanRecall);
    }
}
