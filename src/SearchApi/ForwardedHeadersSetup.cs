using System.Net;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Options;

namespace SearchApi;

/// <summary>
/// Behind nginx, the client's address comes in X-Forwarded-For. It is believed only from the addresses in
/// Search:ForwardedHeaders:KnownProxies (the framework's default trust of loopback is dropped), so the rate limit,
/// the logs and the metrics see the real client, and a client sending the header itself changes nothing.
/// </summary>
public static class ForwardedHeadersSetup
{
    public static WebApplicationBuilder AddForwardedHeaders(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ForwardedHeadersOptions>().Configure<IOptions<SearchOptions>>((o, search) =>
        {
            o.ForwardedHeaders = ForwardedHeaders.XForwardedFor;
            o.KnownProxies.Clear();
            o.KnownIPNetworks.Clear();
            foreach (var proxy in search.Value.ForwardedHeaders.KnownProxies) o.KnownProxies.Add(IPAddress.Parse(proxy));
        });
        return builder;
    }
}
