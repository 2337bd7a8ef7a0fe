using ArchiveSearch.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchApi.Replication;

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
            .WithDescription("200 with the serving generation once an index is open; 503 before (for example while the first build " +
                             "runs, or a replica's first copy). A replica adds its primary's generation, whether it reached the " +
                             "primary at its last poll and the seconds since it last did; it stays ready while the primary is down.");
        return health;
    }

    private static Results<Ok<HealthResponse>, ProblemHttpResult> Ready(
        ArchiveSearcher searcher, ReplicaState replica, IOptions<SearchOptions> options)
    {
        var settings = options.Value.Replication;
        var replication = settings.IsReplica ? replica.Health(settings.PrimaryUrl!) : null;
        if (searcher.Generation is { } generation)
            return TypedResults.Ok(new HealthResponse("ready", generation, searcher.DocumentCount, replication,
                CacheHealth.From(searcher.CacheStats)));
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready",
            detail: replication is null ? ExceptionStatus.NotReadyDetail
                : "No index yet: this replica has not finished its first copy from the primary.",
            extensions: replication is null ? null : new Dictionary<string, object?> { ["replication"] = replication });
    }
}
