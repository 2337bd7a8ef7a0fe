using System.ComponentModel;
using ArchiveSearch.Search;
using Microsoft.AspNetCore.Http.HttpResults;
using SearchApi.OpenApi;
using SearchApi.Replication;

namespace SearchApi.Endpoints;

/// <summary>
/// The serving generation, read-only, for replicas: its manifest, and each file with range requests so an
/// interrupted copy resumes where it stopped. Behind X-Api-Key = Search:Replication:ApiKey.
/// </summary>
public static class ReplicationEndpoints
{
    public static RouteGroupBuilder MapReplicationEndpoints(this RouteGroupBuilder replication)
    {
        replication.AddEndpointFilter(ApiKeys.Require("Replication", "Search:Replication:ApiKey", o => o.Replication.ApiKey))
            .RequireApiKeyScheme(OpenApiContract.ReplicationKeyScheme)
            .ProducesProblem(StatusCodes.Status401Unauthorized);
        replication.MapGet("/manifest", Manifest)
            .WithName("ReplicationManifest")
            .WithSummary("The serving generation's manifest")
            .WithDescription("Its name, document count, and every file with its size and SHA-256; 503 before the first index.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        replication.MapGet("/generations/{generation}/files/{file}", GenerationFile)
            .WithName("ReplicationFile")
            .WithSummary("One file of a generation")
            .WithDescription("The file's bytes; honours Range, so a copy resumes. 404 for a generation or file the manifest does not list.")
            .Produces(StatusCodes.Status200OK)
            .ProducesProblem(StatusCodes.Status404NotFound);
        return replication;
    }

    private static Results<Ok<ManifestResponse>, ProblemHttpResult> Manifest(ArchiveSearcher searcher, GenerationManifests manifests) =>
        searcher.Generation is { } generation && manifests.Find(generation) is { } manifest
            ? TypedResults.Ok(manifest)
            : TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: "Not ready",
                detail: ExceptionStatus.NotReadyDetail);

    private static Results<PhysicalFileHttpResult, ProblemHttpResult> GenerationFile(
        GenerationManifests manifests,
        [Description("A generation's folder name, as the manifest gives it.")] string generation,
        [Description("A file name the manifest lists.")] string file) =>
        manifests.FilePath(generation, file) is { } path
            ? TypedResults.PhysicalFile(path, "application/octet-stream", enableRangeProcessing: true)
            : TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "No such file",
                detail: $"Generation '{generation}' has no file '{file}' here (it may have been replaced; fetch the manifest again).");
}
