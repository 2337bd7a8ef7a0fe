namespace ArchiveSearch.Search;

/// <summary>
/// The normalised request a first pass answers: the generation, the query text as folded (parsing is a function of it),
/// the folded filters, the order and how deep the ranking goes (every page within it shares the entry).
/// </summary>
internal readonly record struct ResultKey(string Generation, string? Query, string Sections, string Regions,
    DateOnly? From, DateOnly? To, SearchSort Sort, int Depth)
{
    public long Bytes => 96 + 2L * (Generation.Length + (Query?.Length ?? 0) + Sections.Length + Regions.Length);
}

/// <summary>A page cut from a cached first pass: where it starts, how long it is, and whether it has snippets.</summary>
internal readonly record struct PageKey(ResultKey Result, int Start, int Size, bool Snippets)
{
    public long Bytes => Result.Bytes + 16;

    /// <summary>
    /// The bytes a page of hits takes, estimated: the hit and article records 200, each string's characters and header,
    /// a region 8 (the names themselves are shared with the article cache). And the page as the API keeps it encoded
    /// beside the entry, as long as it is held: 3 bytes a character of those strings (UTF-8 of Chinese) and 100 a hit
    /// for the names, numbers and regions. On the bundled corpus's page of 创新 that is 7,513 bytes for 6,734 encoded.
    /// </summary>
    public static long Of(IReadOnlyList<SearchHit> hits) => 64 + hits.Sum(h => 200L + 100
        + Chars(h.Article.Id) + Chars(h.Article.Issue) + Chars(h.Article.Title) + Chars(h.Article.Source) + Chars(h.Snippet)
        + 8L * h.Article.Regions.Count);

    /// <summary>A string's header and UTF-16 characters on the heap, and its UTF-8 in the API's encoded page.</summary>
    private static long Chars(string? s) => s is null ? 0 : 24 + 2L * s.Length + 3L * s.Length;
}
