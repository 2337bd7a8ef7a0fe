using ArchiveSearch.Ingest;

namespace ArchiveSearch.Search;

public enum SearchSort
{
    /// <summary>Best match first; without a query, newest first.</summary>
    Relevance,
    /// <summary>Newest first.</summary>
    Date,
    /// <summary>Oldest first.</summary>
    DateAscending,
}

/// <summary>The names of the sort orders, as the query interpretation and the API spell them.</summary>
public static class SearchSortNames
{
    public static string Of(SearchSort sort) => sort switch
    {
        SearchSort.Date => "date",
        SearchSort.DateAscending => "date_asc",
        _ => "relevance",
    };
}

/// <summary>A search: query text in the syntax of <see cref="UserQuery"/>, exact filters, order and page.</summary>
public sealed record SearchRequest
{
    public const int MaxPageSize = 100;
    /// <summary>How deep paging may go: page × pageSize.</summary>
    public const int MaxResultWindow = 10_000;
    /// <summary>Characters of query text at most.</summary>
    public const int MaxQueryLength = 256;

    /// <summary>Without a query, the filters alone select (browse).</summary>
    public string? Query { get; init; }
    /// <summary>Any of these sections.</summary>
    public IReadOnlyList<string> Sections { get; init; } = [];
    /// <summary>Any of these regions; a province matches articles about its cities too (they carry the province).</summary>
    public IReadOnlyList<string> Regions { get; init; } = [];
    /// <summary>Inclusive.</summary>
    public DateOnly? From { get; init; }
    /// <summary>Inclusive.</summary>
    public DateOnly? To { get; init; }
    public SearchSort Sort { get; init; } = SearchSort.Relevance;
    /// <summary>From 1.</summary>
    public int Page { get; init; } = 1;
    public int PageSize { get; init; } = 10;
    public bool Snippets { get; init; } = true;

    /// <summary>The section and region filters folded as the index's text is: 政策法規 and 江蘇 select as 政策法规 and 江苏.</summary>
    internal SearchRequest WithFoldedFilters() => Sections.Count == 0 && Regions.Count == 0 ? this : this with
    {
        Sections = [.. Sections.Select(ScriptFolding.Default.Fold).Distinct()],
        Regions = [.. Regions.Select(ScriptFolding.Default.Fold).Distinct()],
    };

    /// <exception cref="SearchRequestException">The first thing wrong with the request.</exception>
    public void Validate()
    {
        if (Page < 1)
            throw new SearchRequestException("page", $"must be 1 or more, not {Page}");
        if (PageSize is < 1 or > MaxPageSize)
            throw new SearchRequestException("pageSize", $"must be between 1 and {MaxPageSize}, not {PageSize}");
        if ((long)Page * PageSize > MaxResultWindow)
            throw new SearchRequestException("page",
                $"goes too deep: page × pageSize is {(long)Page * PageSize}, the limit is {MaxResultWindow}; narrow the query instead");
        if (From > To)
            throw new SearchRequestException("from", $"({From:yyyy-MM-dd}) is after to ({To:yyyy-MM-dd})");
        if (Query?.Length > MaxQueryLength)
            throw new SearchRequestException("q", $"is {Query.Length} characters long; the limit is {MaxQueryLength}");
    }
}
