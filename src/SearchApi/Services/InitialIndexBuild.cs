using ArchiveSearch.Index;
using Microsoft.Extensions.Options;

namespace SearchApi.Services;

/// <summary>
/// On a fresh clone there is no index yet: build one from the corpus in the background, so the service starts
/// at once (live) and becomes ready when the build publishes. An existing index is served as it is. A replica
/// never builds: its first index is copied from the primary.
/// </summary>
public sealed class InitialIndexBuild(IOptions<SearchOptions> options, ReindexJobs jobs, ILogger<InitialIndexBuild> logger)
    : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        if (options.Value.Replication.IsReplica || new IndexLayout(options.Value.IndexPath).CurrentGeneration() is not null)
            return Task.CompletedTask;
        logger.LogInformation("No index at {IndexPath}; building it from {CorpusPath}",
            Path.GetFullPath(options.Value.IndexPath), Path.GetFullPath(options.Value.CorpusPath));
        jobs.TryStart(out _);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
