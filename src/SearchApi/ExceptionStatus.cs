using ArchiveSearch.Search;

namespace SearchApi;

/// <summary>The problem answer for an exception that escaped an endpoint: its status, and what to tell the caller.</summary>
public static class ExceptionStatus
{
    public const string NotReadyDetail = "No index is open yet; the first build (on a replica, the first copy from the primary) may still be running.";

    public static int For(Exception exception) => exception switch
    {
        // Only before the first index is published, e.g. while the first build runs.
        IndexNotReadyException => StatusCodes.Status503ServiceUnavailable,
        BadHttpRequestException bad => bad.StatusCode,
        _ => StatusCodes.Status500InternalServerError,
    };

    /// <summary>Explains the exceptions that are the caller's to know about; a 500's cause stays in the log.</summary>
    public static void Describe(ProblemDetailsContext context)
    {
        if (context.Exception is not IndexNotReadyException) return;
        context.ProblemDetails.Title = "Not ready";
        context.ProblemDetails.Detail = NotReadyDetail;
    }
}
