using ArchiveSearch.Ingest;
using ArchiveSearch.Search;

namespace SearchApi;

// The JSON the API answers with. Library types are mapped here so the wire format changes only on purpose.

/// <summary>One page of search results.</summary>
public sealed record SearchResponse(
    QueryInterpretation Query, int Total, int Page, int PageSize, long TookMs, IReadOnlyList<HitResponse> Hits, FacetCounts Facets)
{
    public static SearchResponse From(SearchResult result, long tookMs) => new(
        result.Query, result.Total, result.Page, result.PageSize, tookMs,
        [.. result.Hits.Select(HitResponse.From)], result.Facets);
}

/// <summary>A hit; <c>snippet</c> is HTML-escaped with matches in &lt;em&gt;.</summary>
public sealed record HitResponse(
    string Id, string Title, string Section, IReadOnlyList<string> Regions, DateOnly Date, string DateSource,
    string Issue, string Source, string? Snippet, float Score)
{
    public static HitResponse From(SearchHit hit) => new(
        hit.Article.Id, hit.Article.Title, hit.Article.Section, hit.Article.Regions, hit.Article.Date,
        DateSourceName(hit.Article.DateSource), hit.Article.Issue, hit.Article.Source, hit.Snippet, hit.Score);

    public static string DateSourceName(DateSource source) => source.ToString().ToLowerInvariant();
}

/// <summary>A whole article.</summary>
public sealed record ArticleResponse(
    string Id, string Issue, DateOnly? IssueDate, string Section, string Title, string Source,
    IReadOnlyList<string> Regions, DateOnly Date, string DateSource, string Body)
{
    public static ArticleResponse From(Article a) => new(
        a.Id, a.Issue, a.IssueDate, a.Section, a.Title, a.Source, a.Regions, a.Date, HitResponse.DateSourceName(a.DateSource), a.Body);
}

public sealed record SimilarResponse(string Id, IReadOnlyList<HitResponse> Hits);

/// <summary>SmartCn's tokens for a text: what the index holds for it.</summary>
public sealed record AnalyzeResponse(string Text, IReadOnlyList<TokenResponse> Tokens);

/// <summary>A token: the folded term the index holds (臺灣 → 台湾, ＡＩ → ai) and the span of the original text it came from.</summary>
public sealed record TokenResponse(string Token, string Original, int Start, int End, int Position);

public sealed record HealthResponse(string Status, string? Generation, int? Articles, ReplicaHealth? Replication = null,
    CacheHealth? Cache = null);

/// <summary>
/// The search caches since start: lookups of the result cache that hit and missed, entries evicted, and what the result
/// and filter caches hold now (estimated bytes against the configured bound).
/// </summary>
public sealed record CacheHealth(bool Enabled, long Hits, long Misses, double HitRate, long Evictions, int Entries, int Filters,
    long Bytes, long MaxBytes)
{
    public static CacheHealth From(SearchCacheStats s) => new(s.Enabled, s.Hits, s.Misses,
        s.Hits + s.Misses == 0 ? 0 : Math.Round((double)s.Hits / (s.Hits + s.Misses), 4), s.Evictions, s.Entries, s.Filters,
        s.Bytes, s.MaxBytes);
}

/// <summary>
/// A replica's view of its primary: the generation the primary serves, whether it was reached at the last poll and
/// how long ago it last was, and what went wrong last.
/// </summary>
public sealed record ReplicaHealth(
    string Primary, string? PrimaryGeneration, bool PrimaryReachable, bool InSync, double? SecondsSinceContact, string? LastError);

/// <summary>A generation as the primary publishes it: what a replica fetches and checks before it serves it.</summary>
public sealed record ManifestResponse(string Generation, int Documents, IReadOnlyList<ManifestFile> Files);

/// <summary>One file of a generation, with the SHA-256 (lower-case hex) its copy must have.</summary>
public sealed record ManifestFile(string Name, long Size, string Sha256);

/// <summary>A background rebuild: where it stands and, when it is done, what it built.</summary>
public sealed record ReindexResponse(
    string Id, string Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    string? Generation, int? Articles, string? Error);
