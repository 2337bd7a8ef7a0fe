using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace SearchApi;

/// <summary>The X-Api-Key check shared by the admin and the replication endpoints, each with a key of its own.</summary>
public static class ApiKeys
{
    public const string Header = "X-Api-Key";

    /// <summary>
    /// An endpoint filter that refuses with 401 unless the header equals the key <paramref name="key"/> selects; it
    /// refuses every request when no key is configured, and compares in constant time.
    /// </summary>
    public static Func<EndpointFilterInvocationContext, EndpointFilterDelegate, ValueTask<object?>> Require(
        string what, string setting, Func<SearchOptions, string?> key) =>
        async (context, next) =>
        {
            var configured = key(context.HttpContext.RequestServices.GetRequiredService<IOptions<SearchOptions>>().Value);
            var given = context.HttpContext.Request.Headers[Header].ToString();
            if (!string.IsNullOrEmpty(configured) &&
                CryptographicOperations.FixedTimeEquals(Encoding.UTF8.GetBytes(given), Encoding.UTF8.GetBytes(configured)))
                return await next(context);
            return TypedResults.Problem(
                statusCode: StatusCodes.Status401Unauthorized,
                title: $"{what} key required",
                detail: string.IsNullOrEmpty(configured)
                    ? $"{what} endpoints are disabled: no {setting} is configured."
                    : $"Send the configured {what.ToLowerInvariant()} key in the {Header} header.");
        };
}
