using System.ComponentModel;
using System.Diagnostics;
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

    private static Results<SearchJson, ValidationProblem> Search(
        ArchiveSearcher searcher, HttpContext http, ApiMetrics metrics, SearchLog log, EncodedAnswers encoded,
        [AsParameters] SearchParameters parameters)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            var request = parameters.ToRequest();
            var result = searcher.Search(request, http.RequestAborted);
            var elapsed = clock.Elapsed;
            metrics.Searched(elapsed, result.Total, result.Query.Match);
            log.Searched(http, request, result.Total, result.Query.Match, (long)elapsed.TotalMilliseconds);
            return new SearchJson(result, (long)elapsed.TotalMilliseconds,
                encoded.Query(result.Query), encoded.Hits(result.Hits), encoded.Facets(result.Facets));
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
            ? TypedResults.Ok(new SimilarResponse(id, HitResponse.Of(hits)))
            : UnknownArticle(id);

    private static Ok<FacetsResponse> Facets(ArchiveSearcher searcher) => TypedResults.Ok(FacetsResponse.From(searcher.ArchiveFacets()));

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
}
