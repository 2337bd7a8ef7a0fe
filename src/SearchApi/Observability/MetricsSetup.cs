using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace SearchApi.Observability;

/// <summary>
/// /metrics in Prometheus text: the ASP.NET Core instrumentation's request rate and latency per route, and
/// <see cref="ApiMetrics"/>; and the per-search log line (<see cref="SearchLog"/>) the search endpoint writes beside them.
/// <c>Search:MetricsEnabled=false</c> leaves OpenTelemetry out (the baseline of benchmarks/proxy-cost).
/// </summary>
public static class MetricsSetup
{
    /// <summary>The <c>service_name</c> every series carries, so a scrape of several instances groups as one service.</summary>
    public const string ServiceName = "archive-search";

    public static WebApplicationBuilder AddMetrics(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<ApiMetrics>();
        builder.Services.AddSingleton<SearchLog>();
        if (Enabled(builder.Configuration))
        {
            builder.Services.AddOpenTelemetry()
                .ConfigureResource(resource => resource.AddService(ServiceName))
                .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                // Three of ASP.NET Core's series updated on every request say what another already does or only what
                // Kestrel's buffers are doing: leaving them out made a cached search 2% cheaper (docs/performance.md).
                .AddView("aspnetcore.memory_pool.*", MetricStreamConfiguration.Drop)
                .AddView("aspnetcore.routing.match_attempts", MetricStreamConfiguration.Drop)
                .AddView("aspnetcore.rate_limiting.request_lease.duration", MetricStreamConfiguration.Drop)
                .AddMeter(ApiMetrics.MeterName)
                .AddPrometheusExporter());
        }
        return builder;
    }

    public static WebApplication MapMetrics(this WebApplication app)
    {
        if (Enabled(app.Configuration)) app.MapPrometheusScrapingEndpoint().ExcludeFromDescription();
        return app;
    }

    private static bool Enabled(IConfiguration configuration) =>
        configuration.GetValue($"{SearchOptions.Section}:MetricsEnabled", true);
}
