using System.ComponentModel.DataAnnotations;
using ArchiveSearch.Index;
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
    /// are CPU-bound, so more than one per core only adds contention (measured: twice the throughput at 2 than at 16).
    /// </summary>
    [Range(1, 1024)] public int MaxConcurrentSearches { get; set; } = Environment.ProcessorCount;

    [Range(0, 100_000)] public int SearchQueueLimit { get; set; } = 256;

    /// <summary>A request running longer than this is stopped.</summary>
    [Range(0.1, 600)] public double RequestTimeoutSeconds { get; set; } = 10;

    public RateLimitOptions RateLimit { get; set; } = new();

    public sealed class RateLimitOptions
    {
        /// <summary>Requests a second each client may make; 0 turns the limit off.</summary>
        [Range(0, 1_000_000)] public int PermitsPerSecond { get; set; }
    }

    /// <summary>Cross-field checks that data annotations cannot express; null when the options are usable.</summary>
    public string? Problem()
    {
        if (RateLimit.PermitsPerSecond < 0)
            return "Search:RateLimit:PermitsPerSecond must be 0 (off) or more";
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
