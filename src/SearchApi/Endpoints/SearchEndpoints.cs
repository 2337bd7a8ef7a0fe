using System.ComponentModel;
using System.Diagnostics;
using System.Globalization;
using ArchiveSearch.Index;
using ArchiveSearch.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchApi.Observability;

namespace SearchApi.Endpoints;

/// <summary>Search, articles, facets and analysis: HTTP in, a library call, HTTP out.</summary>
public static class SearchEndpoints
{
    private const int MaxAnalyzeLength = 1000;

    public static RouteGroupBuilder MapSearchEndpoints(this RouteGroupBuilder api)
    {
        api.MapGet("/search", Search)
            .WithName("Search")
            .WithSummary("Search the archive")
            .WithDescription("Ranked Chinese full-text search (BM25) with section, region and date filters, disjunctive facets " +
                             "and snippets. Words are ANDed; \"...\" is a phrase; -word excludes; OR and parentheses group. " +
                             "Traditional characters and full-width forms are folded (科技創新 finds 科技创新; `query.normalized` " +
                             "shows the folded query), in the query and in the section and region filters alike. " +
                             "Without q, the filters alone select, newest first. When requiring every word finds little, " +
                             "the query is relaxed to the best-matching subset and `query.match` says so.");
        api.MapGet("/articles/{id}", GetArticle)
            .WithName("GetArticle")
            .WithSummary("One whole article")
            .WithDescription("The article with its body (paragraphs separated by newlines); 404 when the id is unknown.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/articles/{id}/similar", Similar)
            .WithName("SimilarArticles")
            .WithSummary("Articles like this one")
            .WithDescription("More-like-this over title and body: the articles sharing the most distinctive words.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        api.MapGet("/facets", Facets)
            .WithName("Facets")
            .WithSummary("Counts for the whole archive")
            .WithDescription("How many articles each section, region and year holds.");
        api.MapGet("/analyze", Analyze)
            .WithName("Analyze")
            .WithSummary("SmartCn's tokens for a text")
            .WithDescription("How the analyzer segments a text, with offsets and positions: check why a query matches or not. " +
                             "Each token is the folded term the index holds (traditional → simplified, full-width → ASCII, " +
                             "lower case) with the original text it came from.");
        return api;
    }

    private static Results<Ok<SearchResponse>, ValidationProblem> Search(
        ArchiveSearcher searcher,
        HttpContext http,
        ApiMetrics metrics,
        SearchLog log,
        [Description("The query: words are ANDed, \"...\" is a phrase, -word excludes, OR and parentheses group; at most 256 characters. Leave empty to browse by filters.")] string? q,
        [Description("Only these sections (repeatable): 政策法规, 各地动态, 行业新闻, 产品市场, 知识产权, 标准化, 聚焦常州; traditional characters are accepted (政策法規).")] string[]? section,
        [Description("Only articles about these regions (repeatable): a province (江苏), a city (常州), a county (武进) or 全国 for nationwide. A province also matches articles about its cities. Traditional characters are accepted (江蘇).")] string[]? region,
        [Description("Earliest article date, yyyy-MM-dd, inclusive.")] string? from,
        [Description("Latest article date, yyyy-MM-dd, inclusive.")] string? to,
        [Description("relevance (default; newest first without q), date (newest first) or date_asc (oldest first).")] string? sort,
        [Description("Page number from 1.")] string? page,
        [Description("Hits per page, 1 to 100 (default 10); page × pageSize may not exceed 10000.")] string? pageSize)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var request = new SearchRequest
            {
                Query = q,
                Sections = Values(section),
                Regions = Values(region),
                From = Date("from", from),
                To = Date("to", to),
                Sort = SearchSortNames.Parse(sort),
                Page = Int("page", page, 1),
                PageSize = Int("pageSize", pageSize, 10),
            };
            var result = searcher.Search(request, http.RequestAborted);
            var elapsed = clock.Elapsed;
            metrics.Searched(elapsed, result.Total, result.Query.Match);
            log.Searched(http, request, result.Total, result.Query.Match, (long)elapsed.TotalMilliseconds);
            return TypedResults.Ok(SearchResponse.From(result, (long)elapsed.TotalMilliseconds));
        }
        catch (SearchRequestException e)
        {
            return Invalid(e);
        }
    }

    private static Results<Ok<ArticleResponse>, ProblemHttpResult> GetArticle(
        ArchiveSearcher searcher, [Description("The article's id, as search hits give it.")] string id) =>
        searcher.GetArticle(id) is { } article
            ? TypedResults.Ok(ArticleResponse.From(article))
            : UnknownArticle(id);

    private static Results<Ok<SimilarResponse>, ProblemHttpResult> Similar(
        ArchiveSearcher searcher, [Description("The article's id, as search hits give it.")] string id) =>
        searcher.Similar(id) is { } hits
            ? TypedResults.Ok(new SimilarResponse(id, [.. hits.Select(HitResponse.From)]))
            : UnknownArticle(id);

    private static Ok<FacetCounts> Facets(ArchiveSearcher searcher) => TypedResults.Ok(searcher.ArchiveFacets());

    private static Results<Ok<AnalyzeResponse>, ValidationProblem> Analyze(
        [Description("The text to segment, up to 1000 characters.")] string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
            return Invalid(new SearchRequestException("text", "is required: give the text to analyse"));
        if (text.Length > MaxAnalyzeLength)
            return Invalid(new SearchRequestException("text", $"is {text.Length} characters long; the limit is {MaxAnalyzeLength}"));
        var tokens = ArchiveAnalyzers.Tokenize(ArchiveAnalyzers.Words, text)
            .Select(t => new TokenResponse(t.Term, text[t.Start..t.End], t.Start, t.End, t.Position)).ToList();
        return TypedResults.Ok(new AnalyzeResponse(text, tokens));
    }

    private static ProblemHttpResult UnknownArticle(string id) => TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Article not found",
                detail: $"No article has the id '{id}'.");

    private static ValidationProblem Invalid(SearchRequestException e) => TypedResults.ValidationProblem(
        new Dictionary<string, string[]> { [e.Parameter] = [e.Problem] },
        detail: e.Message,
        title: $"Invalid parameter '{e.Parameter}'");

    private static string[] Values(string[]? values) =>
        values is null ? [] : [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct()];

    private static DateOnly? Date(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new SearchRequestException(name, $"'{value}' is not a date: use yyyy-MM-dd, as in 2024-03-05");
    }

    private static int Int(string name, string? value, int fallback)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        return int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new SearchRequestException(name, $"'{value}' is not a whole number");
    }
}
