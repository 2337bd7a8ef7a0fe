using System.Globalization;
using ArchiveSearch.Search;

namespace ArchiveSearch.Benchmarks;

/// <summary>
/// The fixed query mix every measurement uses (in process, BenchmarkDotNet and wrk): one of each kind of query.
/// The words occur in the bundled corpus, so in every synthetic corpus drawn from it too.
/// </summary>
public static class QueryMix
{
    public sealed record Entry(string Kind, SearchRequest Request)
    {
        /// <summary>The same request as a path and query string of <c>GET /api/search</c>, URL-encoded.</summary>
        public string Url()
        {
            var parts = new List<string>();
            void Add(string name, string value) => parts.Add($"{name}={Uri.EscapeDataString(value)}");
            if (Request.Query is { } q) Add("q", q);
            foreach (var s in Request.Sections) Add("section", s);
            foreach (var r in Request.Regions) Add("region", r);
            if (Request.From is { } from) Add("from", from.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (Request.To is { } to) Add("to", to.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
            if (Request.Sort != SearchSort.Relevance) Add("sort", SearchSortNames.Of(Request.Sort));
            Add("page", Request.Page.ToString(CultureInfo.InvariantCulture));
            Add("pageSize", Request.PageSize.ToString(CultureInfo.InvariantCulture));
            return "/api/search?" + string.Join('&', parts);
        }
    }

    public static IReadOnlyList<Entry> Entries { get; } =
    [
        new("one-word", new SearchRequest { Query = "创新" }),
        new("two-words", new SearchRequest { Query = "知识产权 保护" }),
        new("phrase", new SearchRequest { Query = "\"未来产业\"" }),
        new("filtered", new SearchRequest
        {
            Query = "科技", Sections = ["政策法规", "各地动态"], Regions = ["江苏"],
            From = new DateOnly(2022, 1, 1), To = new DateOnly(2023, 12, 31),
        }),
        new("date-sorted", new SearchRequest { Query = "专利", Sort = SearchSort.Date }),
        new("browse", new SearchRequest { Sections = ["各地动态"], Sort = SearchSort.Date }),
        // Typed as readers type: unspaced, a year and a place in front (issue 10).
        new("natural", new SearchRequest { Query = "2022年常州惠企政策" }),
    ];

    /// <summary>
    /// The mix as it stood when the caches issue (13) set its floors on "the six-query mix" and measured "today"
    /// against it: every kind but the natural query, which came later. Those floors are reported on these six beside
    /// the whole mix.
    /// </summary>
    public static IReadOnlyList<Entry> IssueSix { get; } = [.. Entries.Where(e => e.Kind != "natural")];

    public static Entry Get(string kind) => Entries.Single(e => e.Kind == kind);
}
