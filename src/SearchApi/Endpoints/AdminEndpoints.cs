using ArchiveSearch.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using SearchApi.OpenApi;
using SearchApi.Services;

namespace SearchApi.Endpoints;

/// <summary>Operator endpoints, behind the X-Api-Key header.</summary>
public static class AdminEndpoints
{
    public static RouteGroupBuilder MapAdminEndpoints(this RouteGroupBuilder api)
    {
        var admin = api.MapGroup("/admin")
            .WithTags("Admin")
            .AddEndpointFilter(ApiKeys.Require("Admin", "Search:AdminApiKey", o => o.AdminApiKey))
            .RequireApiKeyScheme(OpenApiContract.AdminKeyScheme)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        admin.MapPost("/reindex", StartReindex)
            .WithName("StartReindex")
            .WithSummary("Rebuild the index from the corpus")
            .WithDescription("Runs the same rebuild as `indexer rebuild` in the background and answers 202 with the job's " +
                             "status location. The serving index keeps serving until the new generation is published. " +
                             "Needs the X-Api-Key header; 409 while a rebuild runs, and always on a replica.")
            .ProducesProblem(StatusCodes.Status409Conflict);
        admin.MapGet("/reindex/{id}", GetReindex)
            .WithName("ReindexStatus")
            .WithSummary("Where a rebuild stands")
            .WithDescription("running, succeeded (with the generation and article count) or failed (with the reason).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        admin.MapDelete("/cache", ClearCache)
            .WithName("ClearCache")
            .WithSummary("Empty the search caches")
            .WithDescription("Drops every cached result, page and date filter (as Elasticsearch's clear-cache API does), so " +
                             "the next searches run from cold on a warm process; answers 204. The counters in /health/ready " +
                             "keep counting. Needs the X-Api-Key header.");
        return api;
    }

    private static Results<Accepted<ReindexResponse>, ProblemHttpResult> StartReindex(ReindexJobs jobs, IOptions<SearchOptions> options)
    {
        if (options.Value.Replication.IsReplica)
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "This instance is a replica",
                detail: $"A replica copies its index from its primary, {options.Value.Replication.PrimaryUrl}: rebuild there, " +
                        "and every replica follows at its next poll.");
        if (!jobs.TryStart(out var job))
            return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: "A rebuild is already running",
                detail: $"Rebuild {job.Id} is still running; follow it at /api/admin/reindex/{job.Id}.");
        return TypedResults.Accepted($"/api/admin/reindex/{job.Id}", Response(job));
    }

    private static Results<Ok<ReindexResponse>, ProblemHttpResult> GetReindex(ReindexJobs jobs, string id) =>
        jobs.Find(id) is { } job
            ? TypedResults.Ok(Response(job))
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Rebuild not found",
                detail: $"No recent rebuild has the id '{id}'.");

    private static NoContent ClearCache(ArchiveSearcher searcher)
    {
        searcher.ClearCaches();
        return TypedResults.NoContent();
    }

    private static ReindexResponse Response(ReindexJob job) => new(
        job.Id, job.Status, job.StartedAt, job.FinishedAt, job.Summary?.Generation, job.Summary?.Articles, job.Error);
}
