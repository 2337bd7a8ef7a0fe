using ArchiveSearch.Search;
using Microsoft.AspNetCore.Http.HttpResults;

namespace SearchApi.Endpoints;

public static class HealthEndpoints
{
    public static RouteGroupBuilder MapHealthEndpoints(this RouteGroupBuilder health)
    {
        health.MapGet("/live", () => TypedResults.Ok(new HealthResponse("live", null, null)))
            .WithName("Live")
            .WithSummary("The process answers")
            .WithDescription("200 whenever the web server runs, index or not.");
        health.MapGet("/ready", Ready)
            .WithName("Ready")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithSummary("An index is open and serving")
            .WithDescription("200 with the serving generation once an index is open; 503 before (for example while the first build runs).");
        return health;
    }

    private static Results<Ok<HealthResponse>, ProblemHttpResult> Ready(ArchiveSearcher searcher) =>
        searcher.Generation is { } generation
            ? TypedResults.Ok(new HealthResponse("ready", generation, searcher.DocumentCount))
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready",
                detail: ExceptionStatus.NotReadyDetail);
}
