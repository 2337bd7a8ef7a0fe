using System.Collections.Frozen;
using System.Text.Json;
using System.Text.Json.Serialization;
using ArchiveSearch.Ingest;
using ArchiveSearch.Search;

namespace SearchApi;

// The JSON the API answers with. Library types are mapped here so the wire format changes only on purpose.

/// <summary>One page of search results, as <see cref="SearchJson"/> writes it.</summary>
public sealed record SearchResponse(
    QueryResponse Query, int Total, int Page, int PageSize, long TookMs, IReadOnlyList<HitResponse> Hits, FacetsResponse Facets);

/// <summary>
/// How the request was understood. <c>match</c> is <c>all</c> (every term required), <c>relaxed</c> (at least
/// <c>minimumMatch</c> of the terms, because requiring all found too little), <c>browse</c> (no query: filters only) or
/// <c>none</c> (nothing searchable was left); <c>normalized</c> is the query as searched when folding changed it;
/// <c>dropped</c> the terms a relaxed query stopped requiring; <c>years</c> and <c>places</c> what the text named and boosts.
/// </summary>
public sealed record QueryResponse(
    string? Text, string? Normalized, IReadOnlyList<TermResponse> Terms, IReadOnlyList<string> Ignored, QueryMatch Match,
    int? MinimumMatch, IReadOnlyList<string> Sections, IReadOnlyList<string> Regions, DateOnly? From, DateOnly? To,
    SortOrder Sort, string? Note, IReadOnlyList<string> Dropped, IReadOnlyList<int> Years, IReadOnlyList<string> Places)
{
    public static QueryResponse Of(QueryInterpretation q) => new(
        q.Text, q.Normalized, [.. q.Terms.Select(TermResponse.From)], q.Ignored, Wire.Parse<QueryMatch>(q.Match), q.MinimumMatch,
        q.Sections, q.Regions, q.From, q.To, Wire.Parse<SortOrder>(q.Sort), q.Note, q.Dropped, q.Years, q.Places);
}

/// <summary>A query term: the text typed, SmartCn's tokens for it and the synonyms also searched.</summary>
public sealed record TermResponse(string Text, TermKind Kind, IReadOnlyList<string> Tokens, IReadOnlyList<string> Synonyms)
{
    public static TermResponse From(QueryTerm t) => new(t.Text, Wire.Parse<TermKind>(t.Kind), t.Tokens, t.Synonyms);
}

/// <summary>Article counts per section, region and year.</summary>
public sealed record FacetsResponse(
    IReadOnlyList<FacetValueResponse> Section, IReadOnlyList<FacetValueResponse> Region, IReadOnlyList<FacetValueResponse> Year)
{
    public static FacetsResponse From(FacetCounts f) => new(Values(f.Section), Values(f.Region), Values(f.Year));

    private static FacetValueResponse[] Values(IReadOnlyList<FacetValue> values) =>
        [.. values.Select(v => new FacetValueResponse(v.Value, v.Count))];
}

public sealed record FacetValueResponse(string Value, int Count);

/// <summary>A hit; <c>snippet</c> is HTML-escaped with matches in &lt;em&gt;.</summary>
public sealed record HitResponse(
    string Id, string Title, string Section, IReadOnlyList<string> Regions, DateOnly Date, ArticleDateSource DateSource,
    string Issue, string Source, string? Snippet, float Score)
{
    /// <summary>A page of hits.</summary>
    public static IReadOnlyList<HitResponse> Of(IReadOnlyList<SearchHit> hits) => [.. hits.Select(From)];

    public static HitResponse From(SearchHit hit) => new(
        hit.Article.Id, hit.Article.Title, hit.Article.Section, hit.Article.Regions, hit.Article.Date,
        Wire.Convert<DateSource, ArticleDateSource>(hit.Article.DateSource), hit.Article.Issue, hit.Article.Source, hit.Snippet, hit.Score);
}

/// <summary>A whole article.</summary>
public sealed record ArticleResponse(
    string Id, string Issue, DateOnly? IssueDate, string Section, string Title, string Source,
    IReadOnlyList<string> Regions, DateOnly Date, ArticleDateSource DateSource, string Body)
{
    public static ArticleResponse From(Article a) => new(
        a.Id, a.Issue, a.IssueDate, a.Section, a.Title, a.Source, a.Regions, a.Date,
        Wire.Convert<DateSource, ArticleDateSource>(a.DateSource), a.Body);
}

public sealed record SimilarResponse(string Id, IReadOnlyList<HitResponse> Hits);

/// <summary>SmartCn's tokens for a text: what the index holds for it.</summary>
public sealed record AnalyzeResponse(string Text, IReadOnlyList<TokenResponse> Tokens);

/// <summary>A token: the folded term the index holds (臺灣 → 台湾, ＡＩ → ai) and the span of the original text it came from.</summary>
public sealed record TokenResponse(string Token, string Original, int Start, int End, int Position);

public sealed record HealthResponse(string Status, string? Generation, int? Articles, ReplicaHealth? Replication = null,
    CacheHealth? Cache = null);

/// <summary>
/// The search caches since start: lookups of the result cache (ranked first passes) and of the page cache (pages with
/// their articles and snippets) that hit and missed, entries evicted, and what the result, page and filter caches hold
/// now (estimated bytes against the configured bound).
/// </summary>
public sealed record CacheHealth(bool Enabled, long Hits, long Misses, double HitRate, long PageHits, long PageMisses,
    long Evictions, int Entries, int Pages, int Filters, long Bytes, long MaxBytes)
{
    public static CacheHealth From(SearchCacheStats s) => new(s.Enabled, s.Hits, s.Misses, Rate(s.Hits, s.Misses),
        s.PageHits, s.PageMisses, s.Evictions, s.Entries, s.Pages, s.Filters, s.Bytes, s.MaxBytes);

    private static double Rate(long hits, long misses) => hits + misses == 0 ? 0 : Math.Round((double)hits / (hits + misses), 4);
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
    string Id, ReindexStatus Status, DateTimeOffset StartedAt, DateTimeOffset? FinishedAt,
    string? Generation, int? Articles, string? Error);

// The fixed value sets, written through one converter (Wire.Converter) in snake_case: DateAsc is date_asc.

/// <summary>How the query's terms were required.</summary>
public enum QueryMatch { All, Relaxed, Browse, None }

/// <summary>What a query term is: a word, a "phrase", an -excluded word or phrase, or a year (2022年: boosts, never required).</summary>
public enum TermKind { Word, Phrase, Excluded, Year }

/// <summary>relevance (best first; newest first without q), date (newest first) or date_asc (oldest first).</summary>
public enum SortOrder { Relevance, Date, DateAsc }

/// <summary>Where an article's date comes from: the article's own text, the issue's header, or an estimate.</summary>
public enum ArticleDateSource { Article, Issue, Estimated }

public enum ReindexStatus { Running, Succeeded, Failed }

/// <summary>The one home of how enums are spelt on the wire: in the JSON, in parameters and in the OpenAPI document.</summary>
public static class Wire
{
    public static readonly JsonNamingPolicy Names = JsonNamingPolicy.SnakeCaseLower;

    public static JsonStringEnumConverter Converter() => new(Names, allowIntegerValues: false);

    public static string Name<T>(T value) where T : struct, Enum => Names.ConvertName(value.ToString());

    public static IEnumerable<string> NamesOf<T>() where T : struct, Enum => Enum.GetValues<T>().Select(Name);

    /// <summary>The member with this wire name, or null.</summary>
    public static T? TryParse<T>(string name) where T : struct, Enum => Members<T>.ByName.TryGetValue(name, out var value) ? value : null;

    /// <summary>A library value spelt as the wire spells it; a name the API does not know is a bug, not bad input.</summary>
    public static T Parse<T>(string name) where T : struct, Enum =>
        TryParse<T>(name) ?? throw new InvalidOperationException($"'{name}' is not a {typeof(T).Name}: add it to the API's enum");

    /// <summary>A library enum as the API's enum of the same member names.</summary>
    public static TTo Convert<TFrom, TTo>(TFrom value) where TFrom : struct, Enum where TTo : struct, Enum =>
        Members<TTo>.ByMember[value.ToString()];

    /// <summary>
    /// An enum's members by wire name and by member name, worked out once: every search parses two or more (how the query
    /// matched, its order, each term's kind), and spelling every member in snake case to find one cost a cached search 2%
    /// of its CPU.
    /// </summary>
    private static class Members<T> where T : struct, Enum
    {
        public static readonly FrozenDictionary<string, T> ByName = Enum.GetValues<T>().ToFrozenDictionary(v => Name(v));
        public static readonly FrozenDictionary<string, T> ByMember = Enum.GetValues<T>().ToFrozenDictionary(v => v.ToString());
    }
}
