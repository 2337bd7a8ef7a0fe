using ArchiveSearch.Search;

namespace SearchApi;

/// <summary>The status of a problem answer for an exception that escaped an endpoint.</summary>
public static class ExceptionStatus
{
    public static int For(Exception exception) => exception switch
    {
        // Only before the first index is published, e.g. while the first build runs.
        IndexNotReadyException => StatusCodes.Status503ServiceUnavailable,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };
}
