using ArchiveSearch.Index;
using ArchiveSearch.Search;
using Microsoft.Extensions.Options;

namespace SearchApi.Services;

/// <summary>
/// Runs the same rebuild as <c>indexer rebuild</c> in the background, one at a time, and remembers how recent
/// runs ended. The searcher is refreshed as soon as a run publishes, rather than at its next poll.
/// </summary>
public sealed class ReindexJobs(IOptions<SearchOptions> options, ArchiveSearcher searcher, ILogger<ReindexJobs> logger)
{
    private const int Remembered = 20;
    private readonly System.Threading.Lock _lock = new();
    private readonly Dictionary<string, ReindexJob> _jobs = [];
    private ReindexJob? _running;

    /// <summary>Starts a rebuild, or returns null when one is already running.</summary>
    public ReindexJob? TryStart()
    {
        ReindexJob job;
        lock (_lock)
        {
            if (_running is not null) return null;
            job = new ReindexJob(Guid.NewGuid().ToString("n"), DateTimeOffset.UtcNow);
            _running = job;
            _jobs[job.Id] = job;
            foreach (var old in _jobs.Values.OrderBy(j => j.StartedAt).Take(Math.Max(0, _jobs.Count - Remembered)).ToList())
                _jobs.Remove(old.Id);
        }
        _ = Task.Run(() => Run(job));
        return job;
    }

    public ReindexJob? Find(string id)
    {
        lock (_lock) return _jobs.GetValueOrDefault(id);
    }

    /// <summary>The running job, if any.</summary>
    public ReindexJob? Running
    {
        get { lock (_lock) return _running; }
    }

    private void Run(ReindexJob job)
    {
        var settings = options.Value;
        try
        {
            var summary = IndexRebuilder.Rebuild(settings.CorpusPath, settings.IndexPath);
            searcher.Refresh();
            job.Succeed(summary);
            logger.LogInformation("Reindex {Job} published {Generation} with {Articles} articles", job.Id, summary.Generation, summary.Articles);
        }
        catch (Exception e)
        {
            // A background job has no caller to throw to: whatever stopped it is its status.
            job.Fail(e.Message);
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
    /// <summary>running, succeeded or failed.</summary>
    public string Status { get; private set; } = "running";
    public RebuildSummary? Summary { get; private set; }
    public string? Error { get; private set; }

    public void Succeed(RebuildSummary summary) => (Summary, Status, FinishedAt) = (summary, "succeeded", DateTimeOffset.UtcNow);
    public void Fail(string error) => (Error, Status, FinishedAt) = (error, "failed", DateTimeOffset.UtcNow);
}
