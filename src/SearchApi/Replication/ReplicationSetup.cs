using Microsoft.Extensions.DependencyInjection.Extensions;
using SearchApi.Endpoints;

namespace SearchApi.Replication;

/// <summary>Wiring of replication: every instance publishes its serving generation; one with a primary follows it.</summary>
public static class ReplicationSetup
{
    public static WebApplicationBuilder AddReplication(this WebApplicationBuilder builder)
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<ReplicaState>();
        builder.Services.AddSingleton<GenerationManifests>();
        builder.Services.AddHostedService<ReplicaSync>();
        return builder;
    }

    public static WebApplication MapReplication(this WebApplication app)
    {
        app.MapGroup("/replication").WithTags("Replication").MapReplicationEndpoints();
        return app;
    }
}
