using System.Text.Json.Nodes;
using ArchiveSearch.Ingest;
using ArchiveSearch.Search;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchApi.OpenApi;

/// <summary>
/// What <c>/openapi/v1.json</c> says beyond what the endpoints' signatures show: the types, bounds and enums of the
/// search parameters (bound as text for their named 400s), the API-key scheme of the admin operations, and response
/// schemas that require only what the JSON always has (it omits nulls).
/// </summary>
public static class OpenApiContract
{
    /// <summary>The security scheme of the admin operations: the <c>X-Api-Key</c> header with Search:AdminApiKey.</summary>
    public const string AdminKeyScheme = "adminKey";

    /// <summary>The security scheme of the replication operations: the <c>X-Api-Key</c> header with Search:Replication:ApiKey.</summary>
    public const string ReplicationKeyScheme = "replicationKey";

    private static readonly Dictionary<string, string> KeySettings = new()
    {
        [AdminKeyScheme] = "The key configured as Search:AdminApiKey.",
        [ReplicationKeyScheme] = "The key configured as Search:Replication:ApiKey (replicas send it).",
    };

    public static void Configure(OpenApiOptions options)
    {
        options.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "《4.0 信息速报》 archive search";
            document.Info.Description = "Chinese full-text search over the newsletter archive: ranked queries with section, region and date filters, facets, snippets.";
            // Paths start with a slash, so a server URL ending in one would double it.
            foreach (var server in document.Servers ?? []) server.Url = server.Url?.TrimEnd('/');
            document.Tags = new HashSet<OpenApiTag>
            {
                new() { Name = "Search", Description = "Ranked search, articles, facets and analysis; no key needed." },
                new() { Name = "Admin", Description = "Operator endpoints: send the admin key in the X-Api-Key header (Authorize in Swagger UI)." },
                new() { Name = "Replication", Description = "The serving generation for replicas to copy: send the replication key in the X-Api-Key header." },
            };
            document.Components ??= new OpenApiComponents();
            document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
            foreach (var (scheme, description) in KeySettings)
                document.Components.SecuritySchemes[scheme] = new OpenApiSecurityScheme
                {
                    Type = SecuritySchemeType.ApiKey, In = ParameterLocation.Header, Name = ApiKeys.Header, Description = description,
                };
            // Public by default: an empty requirement means no credentials; the admin operations name their scheme.
            document.Security = [new OpenApiSecurityRequirement()];
            return Task.CompletedTask;
        });
        options.AddOperationTransformer<OpenApiExamples>();
        options.AddOperationTransformer((operation, context, _) =>
        {
            if (context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().Any(n => n.EndpointName == "Search"))
                DeclareSearchParameters(operation);
            return Task.CompletedTask;
        });
        options.AddSchemaTransformer((schema, context, _) =>
        {
            // The JSON omits a null (WhenWritingNull), so a nullable property is not required.
            if (schema.Required is { Count: > 0 } required)
                foreach (var property in context.JsonTypeInfo.Properties)
                    if (property.IsGetNullable || Nullable.GetUnderlyingType(property.PropertyType) is not null)
                        required.Remove(property.Name);
            return Task.CompletedTask;
        });
    }

    /// <summary>Marks the operations of <paramref name="builder"/> as needing the key of <paramref name="scheme"/>.</summary>
    public static TBuilder RequireApiKeyScheme<TBuilder>(this TBuilder builder, string scheme) where TBuilder : IEndpointConventionBuilder =>
        builder.AddOpenApiOperationTransformer((operation, context, _) =>
        {
            operation.Security = [new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, context.Document)] = [] }];
            return Task.CompletedTask;
        });

    /// <summary>The types <see cref="SearchParameters.ToRequest"/> accepts, which the binder sees as text.</summary>
    private static void DeclareSearchParameters(OpenApiOperation operation)
    {
        foreach (var parameter in operation.Parameters?.OfType<OpenApiParameter>() ?? [])
        {
            parameter.Schema = parameter.Name switch
            {
                "q" => new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = SearchRequest.MaxQueryLength },
                "section" => Array(Enumeration(Sections.Names)),
                "region" => Array(new OpenApiSchema { Type = JsonSchemaType.String }),
                "from" or "to" => new OpenApiSchema { Type = JsonSchemaType.String, Format = "date" },
                "sort" => Enumeration(Wire.NamesOf<SortOrder>(), Wire.Name(SortOrder.Relevance)),
                "page" => Integer(1, SearchRequest.MaxResultWindow, 1),
                "pageSize" => Integer(1, SearchRequest.MaxPageSize, SearchParameters.DefaultPageSize),
                _ => parameter.Schema,
            };
        }
    }

    private static OpenApiSchema Integer(int minimum, int maximum, int @default) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = "int32",
        Minimum = minimum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Maximum = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture),
        Default = @default,
    };

    private static OpenApiSchema Enumeration(IEnumerable<string> values, string? @default = null) => new()
    {
        Type = JsonSchemaType.String,
        Enum = [.. values.Select(v => (JsonNode)v)],
        Default = @default,
    };

    private static OpenApiSchema Array(OpenApiSchema items) => new() { Type = JsonSchemaType.Array, Items = items };
}
