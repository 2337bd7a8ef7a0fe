using System.ComponentModel;
using System.Globalization;
using ArchiveSearch.Search;
using Microsoft.AspNetCore.Mvc;

namespace SearchApi;

/// <summary>
/// The query string of <c>GET /api/search</c>, bound with [AsParameters]. Values arrive as text so that each bad one
/// gets a 400 naming its parameter (the binder's own failure names none); <see cref="ToRequest"/> owns the parsing, and
/// <see cref="OpenApi.OpenApiContract"/> declares the types, bounds and enums the parsing accepts.
/// </summary>
public sealed class SearchParameters
{
    public const int DefaultPageSize = 10;

    [FromQuery(Name = "q")]
    [Description("The query: words are ANDed, \"...\" is a phrase, -word excludes, OR and parentheses group; at most 256 characters. Leave empty to browse by filters.")]
    public string? Q { get; init; }

    [FromQuery(Name = "section")]
    [Description("Only these sections (repeatable): 政策法规, 各地动态, 行业新闻, 产品市场, 知识产权, 标准化, 聚焦常州; traditional characters are accepted (政策法規).")]
    public string[]? Section { get; init; }

    [FromQuery(Name = "region")]
    [Description("Only articles about these regions (repeatable): a province (江苏), a city (常州), a county (武进) or 全国 for nationwide. A province also matches articles about its cities. Traditional characters are accepted (江蘇).")]
    public string[]? Region { get; init; }

    [FromQuery(Name = "from")]
    [Description("Earliest article date, yyyy-MM-dd, inclusive.")]
    public string? From { get; init; }

    [FromQuery(Name = "to")]
    [Description("Latest article date, yyyy-MM-dd, inclusive.")]
    public string? To { get; init; }

    [FromQuery(Name = "sort")]
    [Description("relevance (default; newest first without q), date (newest first) or date_asc (oldest first).")]
    public string? Sort { get; init; }

    [FromQuery(Name = "page")]
    [Description("Page number from 1.")]
    public string? Page { get; init; }

    [FromQuery(Name = "pageSize")]
    [Description("Hits per page, 1 to 100 (default 10); page × pageSize may not exceed 10000.")]
    public string? PageSize { get; init; }

    /// <exception cref="SearchRequestException">The first parameter that is not what it should be, with what is wrong.</exception>
    public SearchRequest ToRequest() => new()
    {
        Query = Q,
        Sections = Values(Section),
        Regions = Values(Region),
        From = Date("from", From),
        To = Date("to", To),
        Sort = SortOf(Sort),
        Page = Int("page", Page, 1),
        PageSize = Int("pageSize", PageSize, DefaultPageSize),
    };

    private static string[] Values(string[]? values) =>
        values is null ? [] : [.. values.Select(v => v.Trim()).Where(v => v.Length > 0).Distinct()];

    private static DateOnly? Date(string name, string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        return DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
            ? date
            : throw new SearchRequestException(name, $"'{value}' is not a date: use yyyy-MM-dd, as in 2024-03-05");
    }

    private static int Int(string name, string? value, int fallback)
    {
        if (string.IsNullOrWhiteSpace(value)) return fallback;
        return int.TryParse(value.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new SearchRequestException(name, $"'{value}' is not a whole number");
    }

    private static SearchSort SortOf(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return SearchSort.Relevance;
        return Wire.TryParse<SortOrder>(value.Trim()) switch
        {
            SortOrder.Relevance => SearchSort.Relevance,
            SortOrder.Date => SearchSort.Date,
            SortOrder.DateAsc => SearchSort.DateAscending,
            _ => throw new SearchRequestException("sort",
                $"'{value}' is not a sort order: use {string.Join(", ", Wire.NamesOf<SortOrder>().SkipLast(1))} or {Wire.NamesOf<SortOrder>().Last()}"),
        };
    }
}
