using ArchiveSearch.Index;
using ArchiveSearch.Search;
using Microsoft.Extensions.Options;
using SearchApi.Observability;

namespace SearchApi.Services;

/// <summary>
/// Runs the same rebuild as <c>indexer rebuild</c> in the background, one at a time, and remembers how recent
/// runs ended. The searcher is refreshed as soon as a run publishes, rather than at its next poll.
/// </summary>
public sealed class ReindexJobs(IOptions<SearchOptions> options, ArchiveSearcher searcher, ApiMetrics metrics, ILogger<ReindexJobs> logger)
{
    private const int Remembered = 20;
    private readonly System.Threading.Lock _lock = new();
    private readonly Dictionary<string, ReindexJob> _jobs = [];
    private ReindexJob? _running;

    /// <summary>
    /// Starts a rebuild and returns true with it as <paramref name="job"/>; false when one is already running, and
    /// <paramref name="job"/> is that one (read under the same lock as the check, so the 409 names the job that refused).
    /// </summary>
    public bool TryStart(out ReindexJob job)
    {
        lock (_lock)
        {
            if (_running is not null)
            {
                job = _running;
                return false;
            }
            job = new ReindexJob(Guid.NewGuid().ToString("n"), DateTimeOffset.UtcNow);
            _running = job;
            _jobs[job.Id] = job;
            foreach (var old in _jobs.Values.OrderBy(j => j.StartedAt).Take(Math.Max(0, _jobs.Count - Remembered)).ToList())
                _jobs.Remove(old.Id);
        }
        var started = job;
        _ = Task.Run(() => Run(started));
        return true;
    }

    public ReindexJob? Find(string id)
    {
        lock (_lock) return _jobs.GetValueOrDefault(id);
    }

    private void Run(ReindexJob job)
    {
        var settings = options.Value;
        var clock = System.Diagnostics.Stopwatch.StartNew();
        try
        {
            var summary = IndexRebuilder.Rebuild(settings.CorpusPath, settings.IndexPath);
            searcher.Refresh();
            job.Succeed(summary);
            metrics.Rebuilt(clock.Elapsed, succeeded: true);
            logger.LogInformation("Reindex {Job} published {Generation} with {Articles} articles", job.Id, summary.Generation, summary.Articles);
        }
        catch (Exception e)
        {
            // A background job has no caller to throw to: whatever stopped it is its status.
            job.Fail(e.Message);
            metrics.Rebuilt(clock.Elapsed, succeeded: false);
            logger.LogError(e, "Reindex {Job} failed; the serving index is unchanged", job.Id);
        }
        finally
        {
            lock (_lock) _running = null;
        }
    }
}

/// <summary>One background rebuild and how it ended.</summary>
public sealed class ReindexJob(string id, DateTimeOffset startedAt)
{
    public string Id { get; } = id;
    public DateTimeOffset StartedAt { get; } = startedAt;
    public DateTimeOffset? FinishedAt { get; private set; }
    public ReindexStatus Status { get; private set; } = ReindexStatus.Running;
    public RebuildSummary? Summary { get; private set; }
    public string? Error { get; private set; }

    public void Succeed(RebuildSummary summary) => (Summary, Status, FinishedAt) = (summary, ReindexStatus.Succeeded, DateTimeOffset.UtcNow);
    public void Fail(string error) => (Error, Status, FinishedAt) = (error, ReindexStatus.Failed, DateTimeOffset.UtcNow);
}
