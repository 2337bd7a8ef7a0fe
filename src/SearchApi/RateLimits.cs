using System.Globalization;
using System.Threading.RateLimiting;
using Microsoft.AspNetCore.RateLimiting;

namespace SearchApi;

/// <summary>
/// Overload protection: a bounded number of concurrent API requests with a bounded queue, and an optional
/// per-client rate. Either way a refusal is a 429 problem with Retry-After.
/// </summary>
public static class RateLimits
{
    public const string SearchPolicy = "search";

    public static void Configure(RateLimiterOptions options, SearchOptions settings)
    {
        options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
        options.AddConcurrencyLimiter(SearchPolicy, o =>
        {
            o.PermitLimit = settings.MaxConcurrentSearches;
            o.QueueLimit = settings.SearchQueueLimit;
            o.QueueProcessingOrder = QueueProcessingOrder.OldestFirst;
        });
        var permits = settings.RateLimit.PermitsPerSecond;
        if (permits > 0)
        {
            options.GlobalLimiter = PartitionedRateLimiter.Create<HttpContext, string>(http =>
                Unlimited(http.Request.Path)
                    ? RateLimitPartition.GetNoLimiter("operations")
                    : RateLimitPartition.GetTokenBucketLimiter(http.Connection.RemoteIpAddress?.ToString() ?? "unknown", _ =>
                        new TokenBucketRateLimiterOptions
                        {
                            TokenLimit = permits,
                            TokensPerPeriod = permits,
                            ReplenishmentPeriod = TimeSpan.FromSeconds(1),
                            QueueLimit = 0,
                            AutoReplenishment = true,
                        }));
        }
        options.OnRejected = async (context, cancellation) =>
        {
            var retryAfter = context.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                ? Math.Max(1, (int)Math.Ceiling(wait.TotalSeconds))
                : 1;
            var http = context.HttpContext;
            http.Response.Headers.RetryAfter = retryAfter.ToString(CultureInfo.InvariantCulture);
            await http.RequestServices.GetRequiredService<IProblemDetailsService>().WriteAsync(new ProblemDetailsContext
            {
                HttpContext = http,
                ProblemDetails =
                {
                    Status = StatusCodes.Status429TooManyRequests,
                    Title = "Too many requests",
                    Detail = $"The service is at its limit for searches; retry after {retryAfter} s.",
                },
            });
        };
    }

    /// <summary>Health checks, metrics scrapes and replicas' copies (the last two behind their own key or network) are not rate limited.</summary>
    private static bool Unlimited(PathString path) =>
        path.StartsWithSegments("/health") || path.StartsWithSegments("/metrics") || path.StartsWithSegments("/replication");
}
