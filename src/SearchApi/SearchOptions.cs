using System.ComponentModel.DataAnnotations;
using ArchiveSearch.Index;
using ArchiveSearch.Search;
using Microsoft.Extensions.Options;

namespace SearchApi;

/// <summary>The <c>Search</c> configuration section, validated at start-up.</summary>
public sealed class SearchOptions
{
    public const string Section = "Search";

    /// <summary>The index folder (generations and the CURRENT pointer); relative paths start at the working directory.</summary>
    [Required] public string IndexPath { get; set; } = IndexRebuilder.DefaultIndexDir;

    /// <summary>The corpus the index is built from at first start and by the admin reindex.</summary>
    [Required] public string CorpusPath { get; set; } = IndexRebuilder.DefaultCorpusDir;

    /// <summary>The X-Api-Key that admin endpoints require; with none configured they refuse every request.</summary>
    public string? AdminApiKey { get; set; }

    /// <summary>
    /// Searches running at once; more wait in a queue of <see cref="SearchQueueLimit"/>, then get 429. Searches
    /// are CPU-bound, so more than one per core only adds contention where they are long: at 100k articles on 2 cores,
    /// 4 permits raised the Zipf stream's p99 with the caches off from 30-33 to 40 ms, and 16 gained nothing with them
    /// on; letting cached answers skip the queue raised the p99. A small archive's cold searches spent 7% less CPU with
    /// 4 (docs/performance.md, "Concurrency").
    /// </summary>
    [Range(1, 1024)] public int MaxConcurrentSearches { get; set; } = Environment.ProcessorCount;

    [Range(0, 100_000)] public int SearchQueueLimit { get; set; } = 256;

    /// <summary>A request running longer than this is stopped.</summary>
    [Range(0.1, 600)] public double RequestTimeoutSeconds { get; set; } = 10;

    public RateLimitOptions RateLimit { get; set; } = new();

    /// <summary>A search taking longer than this is logged as a warning.</summary>
    [Range(0, 600_000)] public int SlowQueryMs { get; set; } = 500;

    public ReplicationOptions Replication { get; set; } = new();

    public ForwardedHeadersSettings ForwardedHeaders { get; set; } = new();

    public CacheOptions Cache { get; set; } = new();

    /// <summary>The result, page and filter caches (entries are keyed by index generation, so never stale).</summary>
    public sealed class CacheOptions
    {
        /// <summary>False turns every search cache off.</summary>
        public bool Enabled { get; set; } = true;

        /// <summary>What the caches may hold, in MiB.</summary>
        public int MaxMegabytes { get; set; } = 64;

        public SearchCacheSettings Settings() => new() { Enabled = Enabled, MaxMegabytes = MaxMegabytes };
    }

    public sealed class RateLimitOptions
    {
        /// <summary>Requests a second each client may make; 0 turns the limit off.</summary>
        [Range(0, 1_000_000)] public int PermitsPerSecond { get; set; }
    }

    /// <summary>
    /// Copying the primary's generations. With <see cref="PrimaryUrl"/> set this instance is a replica: it never
    /// rebuilds, and it follows the primary's serving generation.
    /// </summary>
    public sealed class ReplicationOptions
    {
        /// <summary>The primary's base address (http://host:port); set on replicas only.</summary>
        public string? PrimaryUrl { get; set; }

        /// <summary>How often a replica asks the primary which generation it serves.</summary>
        public double PollSeconds { get; set; } = 2;

        /// <summary>The X-Api-Key of the replication endpoints: the primary requires it, replicas send it.</summary>
        public string? ApiKey { get; set; }

        /// <summary>A replica's download rate in bytes a second, so a copy does not take the link from searches; 0 is unlimited.</summary>
        public long MaxBytesPerSecond { get; set; }

        public bool IsReplica => !string.IsNullOrWhiteSpace(PrimaryUrl);
    }

    /// <summary>Which proxies may tell the client's address in X-Forwarded-For; nobody else can.</summary>
    public sealed class ForwardedHeadersSettings
    {
        /// <summary>IP addresses of the load balancers in front of this instance (none: the header is ignored).</summary>
        public string[] KnownProxies { get; set; } = [];
    }

    /// <summary>Cross-field checks that data annotations cannot express; null when the options are usable.</summary>
    public string? Problem()
    {
        if (RateLimit.PermitsPerSecond < 0)
            return "Search:RateLimit:PermitsPerSecond must be 0 (off) or more";
        // Data annotations are not checked on nested sections, hence these here.
        if (Replication.PollSeconds is < 0.05 or > 3600)
            return "Search:Replication:PollSeconds must be between 0.05 and 3600";
        if (Replication.MaxBytesPerSecond < 0)
            return "Search:Replication:MaxBytesPerSecond must be 0 (unlimited) or more";
        if (Cache.MaxMegabytes is < 1 or > 65_536)
            return $"Search:Cache:MaxMegabytes must be between 1 and 65536, not {Cache.MaxMegabytes}";
        if (ForwardedHeaders.KnownProxies.FirstOrDefault(p => !System.Net.IPAddress.TryParse(p, out _)) is { } bad)
            return $"Search:ForwardedHeaders:KnownProxies has '{bad}', which is not an IP address";
        if (Replication.IsReplica)
        {
            if (!Uri.TryCreate(Replication.PrimaryUrl, UriKind.Absolute, out var primary) || primary.Scheme is not ("http" or "https"))
                return $"Search:Replication:PrimaryUrl '{Replication.PrimaryUrl}' is not an http(s) address like http://primary:5000";
            if (string.IsNullOrEmpty(Replication.ApiKey))
                return "Search:Replication:ApiKey is required on a replica: the primary refuses copies without it";
            // A replica's index comes from the primary, so it needs no corpus.
            return null;
        }
        var index = Path.GetFullPath(IndexPath);
        var corpus = Path.GetFullPath(CorpusPath);
        if (!Directory.Exists(corpus) && !File.Exists(Path.Combine(index, "CURRENT")))
            return $"Search:CorpusPath '{corpus}' does not exist and there is no index at Search:IndexPath '{index}' to serve; " +
                   "point CorpusPath at a folder of newsletter issues or IndexPath at a built index";
        return null;
    }
}

/// <summary>Fails start-up with <see cref="SearchOptions.Problem"/>'s message, naming the setting to fix.</summary>
public sealed class SearchOptionsProblem : IValidateOptions<SearchOptions>
{
    public ValidateOptionsResult Validate(string? name, SearchOptions options) =>
        options.Problem() is { } problem ? ValidateOptionsResult.Fail(problem) : ValidateOptionsResult.Success;
}
