namespace SearchApi.Observability;

/// <summary>
/// One structured line per search under the category <see cref="Category"/> (not filtered with the framework's
/// per-request logs): the query, its filters, the total, the time and how it matched, and the client's address
/// (the real client's behind a known proxy). A search slower than Search:SlowQueryMs is the same line as a warning.
/// </summary>
public sealed partial class SearchLog(ILoggerFactory loggers, Microsoft.Extensions.Options.IOptions<SearchOptions> options)
{
    public const string Category = "SearchApi.Searches";

    private readonly ILogger _logger = loggers.CreateLogger(Category);
    private readonly int _slowMs = options.Value.SlowQueryMs;

    public void Searched(HttpContext http, ArchiveSearch.Search.SearchRequest request, int total, string match, long tookMs)
    {
        // The line's values cost a request about a microsecond to format: not where the line is not written.
        if (!_logger.IsEnabled(tookMs > _slowMs ? LogLevel.Warning : LogLevel.Information)) return;
        var client = http.Connection.RemoteIpAddress?.ToString();
        var sections = string.Join(',', request.Sections);
        var regions = string.Join(',', request.Regions);
        var sort = ArchiveSearch.Search.SearchSortNames.Of(request.Sort);
        if (tookMs > _slowMs)
            Slow(_logger, request.Query, sections, regions, request.From, request.To, sort, request.Page, total, match, tookMs, client, _slowMs);
        else
            Search(_logger, request.Query, sections, regions, request.From, request.To, sort, request.Page, total, match, tookMs, client);
    }

    [LoggerMessage(EventId = 1, Level = LogLevel.Information,
        Message = "Search q={Query} sections={Sections} regions={Regions} from={From} to={To} sort={Sort} page={Page}: {Total} hits, match {Match}, {TookMs} ms, client {Client}")]
    private static partial void Search(ILogger logger, string? query, string sections, string regions, DateOnly? from, DateOnly? to,
        string sort, int page, int total, string match, long tookMs, string? client);

    [LoggerMessage(EventId = 2, Level = LogLevel.Warning,
        Message = "Slow search q={Query} sections={Sections} regions={Regions} from={From} to={To} sort={Sort} page={Page}: {Total} hits, match {Match}, {TookMs} ms (over {SlowQueryMs} ms), client {Client}")]
    private static partial void Slow(ILogger logger, string? query, string sections, string regions, DateOnly? from, DateOnly? to,
        string sort, int page, int total, string match, long tookMs, string? client, int slowQueryMs);
}
