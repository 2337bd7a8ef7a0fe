using System.Text.Encodings.Web;
using ArchiveSearch.Search;
using Microsoft.AspNetCore.Http.Timeouts;
using Microsoft.AspNetCore.RateLimiting;
using Microsoft.Extensions.Options;
using SearchApi;
using SearchApi.Endpoints;
using SearchApi.OpenApi;
using SearchApi.Observability;
using SearchApi.Replication;
using SearchApi.Services;

var builder = WebApplication.CreateBuilder(args);
// dotnet run works in the repository root (the index-data defaults), not the project folder: find wwwroot through the
// build's static web assets manifest, as Development does by default (a published app carries wwwroot itself).
builder.WebHost.UseStaticWebAssets();
// Per-request framework logs (request starting/finished, endpoint matched) cost a quarter of a search's CPU under
// load; warnings and errors still show, and the Logging configuration section can turn them back on.
builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);

builder.Services.AddOptions<SearchOptions>()
    .Bind(builder.Configuration.GetSection(SearchOptions.Section))
    .ValidateDataAnnotations()
    .ValidateOnStart();
builder.Services.AddSingleton<IValidateOptions<SearchOptions>, SearchOptionsProblem>();

builder.Services.AddSingleton(sp =>
{
    var search = sp.GetRequiredService<IOptions<SearchOptions>>().Value;
    return new ArchiveSearcher(search.IndexPath, logger: sp.GetRequiredService<ILogger<ArchiveSearcher>>(),
        cache: search.Cache.Settings());
});
builder.Services.AddSingleton<ReindexJobs>();
builder.Services.AddHostedService<InitialIndexBuild>();
builder.AddReplication();
builder.AddMetrics();
builder.AddForwardedHeaders();

builder.Services.AddProblemDetails(o => o.CustomizeProblemDetails = ExceptionStatus.Describe);
builder.Services.ConfigureHttpJsonOptions(o =>
{
    // Chinese and the snippets' <em> stay readable in the JSON.
    o.SerializerOptions.Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping;
    o.SerializerOptions.DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull;
    // Numbers are written as numbers and the document types them so (the web default would also read them from strings).
    o.SerializerOptions.NumberHandling = System.Text.Json.Serialization.JsonNumberHandling.Strict;
    o.SerializerOptions.Converters.Add(Wire.Converter());
    o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
});
builder.Services.AddSingleton<FastJsonWriters>();
builder.Services.AddSingleton<EncodedAnswers>();
builder.Services.AddOpenApi(OpenApiContract.Configure);

// Limits read the validated options when the middleware first needs them.
builder.Services.AddRequestTimeouts();
builder.Services.AddOptions<RequestTimeoutOptions>().Configure<IOptions<SearchOptions>>((o, search) =>
    o.DefaultPolicy = new RequestTimeoutPolicy
    {
        Timeout = TimeSpan.FromSeconds(search.Value.RequestTimeoutSeconds),
        TimeoutStatusCode = StatusCodes.Status503ServiceUnavailable,
    });
builder.Services.AddRateLimiter(_ => { });
builder.Services.AddOptions<RateLimiterOptions>().Configure<IOptions<SearchOptions>>((o, search) => RateLimits.Configure(o, search.Value));

var app = builder.Build();

app.UseForwardedHeaders();
app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ExceptionStatus.For });
app.UseStatusCodePages();
app.UseRateLimiter();
app.UseRequestTimeouts();

app.MapOpenApi();
// Swagger UI's middleware looks at every request for its own paths and files (1.3% of the API's CPU on cached
// searches, measured with perf); it serves only under /swagger.
app.UseWhen(http => http.Request.Path.StartsWithSegments("/swagger"), swagger => swagger.UseSwaggerUI(o =>
{
    o.SwaggerEndpoint("/openapi/v1.json", "v1");
    o.RoutePrefix = "swagger";
    o.DocumentTitle = "《4.0 信息速报》 archive search";
}));
app.MapSearchPage();

app.MapGroup("/api")
    .RequireRateLimiting(RateLimits.SearchPolicy)
    .ProducesProblem(StatusCodes.Status429TooManyRequests)
    .WithTags("Search")
    .MapSearchEndpoints()
    .MapAdminEndpoints();
// Probes for the orchestrator, not part of the clients' contract (they answer no 4xx a client could act on).
app.MapGroup("/health").ExcludeFromDescription().MapHealthEndpoints();
app.MapReplication();
app.MapMetrics();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory in tests.</summary>
public partial class Program;
