using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchApi.OpenApi;

/// <summary>Puts a Chinese example on every parameter and on every JSON response of the OpenAPI document.</summary>
public sealed class OpenApiExamples : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, JsonNode> ParameterExamples = new()
    {
        ["q"] = "概念验证中心",
        ["section"] = new JsonArray("政策法规"),
        ["region"] = new JsonArray("江苏"),
        ["from"] = "2022-01-01",
        ["to"] = "2024-12-31",
        ["sort"] = "relevance",
        ["page"] = 1,
        ["pageSize"] = 10,
        ["id"] = "000-cb2a098886c719ad-01",
        ["text"] = "江苏省科技厅发布政策解读",
        ["generation"] = "gen-20261125T120003000-4242",
        ["file"] = "_3.fdt",
    };

    private static readonly JsonNode Hit = new JsonObject
    {
        ["id"] = "000-cb2a098886c719ad-01",
        ["title"] = "江苏省科技厅发布政策解读《加快科技创新引领未来产业发展“5个100”行动方案（2024-2026年）》",
        ["section"] = "政策法规",
        ["regions"] = new JsonArray("江苏"),
        ["date"] = "2024-03-05",
        ["dateSource"] = "article",
        ["issue"] = "000",
        ["source"] = "江苏省科技厅",
        ["snippet"] = "…布局一批<em>概念验证中心</em>，支持高校院所建设早期试验场景…",
        ["score"] = 12.5,
    };

    private static readonly Dictionary<string, JsonNode> ResponseExamples = new()
    {
        ["Search"] = new JsonObject
        {
            ["query"] = new JsonObject
            {
                ["text"] = "概念驗證中心", ["normalized"] = "概念验证中心", ["match"] = "all",
                ["terms"] = new JsonArray(
                    new JsonObject { ["text"] = "概念", ["kind"] = "word", ["tokens"] = new JsonArray("概念"), ["synonyms"] = new JsonArray() },
                    new JsonObject { ["text"] = "验证", ["kind"] = "word", ["tokens"] = new JsonArray("验证"), ["synonyms"] = new JsonArray() },
                    new JsonObject { ["text"] = "中心", ["kind"] = "word", ["tokens"] = new JsonArray("中心"), ["synonyms"] = new JsonArray() }),
                ["ignored"] = new JsonArray(), ["sections"] = new JsonArray(), ["regions"] = new JsonArray(), ["sort"] = "relevance",
                ["dropped"] = new JsonArray(), ["years"] = new JsonArray(), ["places"] = new JsonArray(),
            },
            ["total"] = 1, ["page"] = 1, ["pageSize"] = 10, ["tookMs"] = 3,
            ["hits"] = new JsonArray(Hit.DeepClone()),
            ["facets"] = new JsonObject
            {
                ["section"] = new JsonArray(new JsonObject { ["value"] = "政策法规", ["count"] = 1 }),
                ["region"] = new JsonArray(new JsonObject { ["value"] = "江苏", ["count"] = 1 }),
                ["year"] = new JsonArray(new JsonObject { ["value"] = "2024", ["count"] = 1 }),
            },
        },
        ["GetArticle"] = new JsonObject
        {
            ["id"] = "000-cb2a098886c719ad-01", ["issue"] = "000", ["section"] = "政策法规",
            ["title"] = "江苏省科技厅发布政策解读《加快科技创新引领未来产业发展“5个100”行动方案（2024-2026年）》",
            ["source"] = "江苏省科技厅", ["regions"] = new JsonArray("江苏"), ["date"] = "2024-03-05", ["dateSource"] = "article",
            ["body"] = "近日，江苏省科技厅、省发改委联合印发了《加快科技创新引领未来产业发展“5个100”行动方案（2024-2026年）》…",
        },
        ["SimilarArticles"] = new JsonObject { ["id"] = "000-cb2a098886c719ad-01", ["hits"] = new JsonArray(Hit.DeepClone()) },
        ["Facets"] = new JsonObject
        {
            ["section"] = new JsonArray(new JsonObject { ["value"] = "各地动态", ["count"] = 18 }),
            ["region"] = new JsonArray(new JsonObject { ["value"] = "江苏", ["count"] = 28 }),
            ["year"] = new JsonArray(new JsonObject { ["value"] = "2024", ["count"] = 32 }),
        },
        ["Analyze"] = new JsonObject
        {
            ["text"] = "江蘇省科技廳",
            ["tokens"] = new JsonArray(
                new JsonObject { ["token"] = "江苏省", ["original"] = "江蘇省", ["start"] = 0, ["end"] = 3, ["position"] = 0 },
                new JsonObject { ["token"] = "科技", ["original"] = "科技", ["start"] = 3, ["end"] = 5, ["position"] = 1 },
                new JsonObject { ["token"] = "厅", ["original"] = "廳", ["start"] = 5, ["end"] = 6, ["position"] = 2 }),
        },
        ["StartReindex"] = new JsonObject { ["id"] = "3f2a…", ["status"] = "running", ["startedAt"] = "2026-11-25T12:00:00+00:00" },
        ["ReindexStatus"] = new JsonObject
        {
            ["id"] = "3f2a…", ["status"] = "succeeded", ["startedAt"] = "2026-11-25T12:00:00+00:00",
            ["finishedAt"] = "2026-11-25T12:00:03+00:00", ["generation"] = "gen-20261125T120003000-4242", ["articles"] = 79,
        },
        ["ReplicationManifest"] = new JsonObject
        {
            ["generation"] = "gen-20261125T120003000-4242", ["documents"] = 79,
            ["files"] = new JsonArray(
                new JsonObject { ["name"] = "_3.fdt", ["size"] = 197976, ["sha256"] = "4c49b8591c0322646fc10842ebc4fbc97c8fdeb4569fc5d9f9ca3cf90e0ecc03" },
                new JsonObject { ["name"] = "segments_1", ["size"] = 89, ["sha256"] = "e493407ecfd11c2f3584cb50dba47eacdbb1e975829bdcd9049693a9fc4634b7" }),
        },
    };

    private static readonly Dictionary<string, string> SuccessDescriptions = new()
    {
        ["Search"] = "One page of ranked hits with the total, facet counts and how the query was understood.",
        ["GetArticle"] = "The whole article.",
        ["SimilarArticles"] = "The most similar articles, best first.",
        ["Facets"] = "Counts per section, region and year over the whole archive.",
        ["Analyze"] = "SmartCn's tokens (folded terms) with the original text, offsets and positions.",
        ["StartReindex"] = "The rebuild started; follow it at the Location header.",
        ["ReindexStatus"] = "Where the rebuild stands.",
        ["ReplicationManifest"] = "The serving generation: its name, document count and every file with its size and SHA-256.",
        ["ReplicationFile"] = "The file's bytes (206 with the requested range).",
    };

    /// <summary>What each error status means here, with an example problem document.</summary>
    private static readonly Dictionary<string, (string Description, string Title, string Detail)> Problems = new()
    {
        ["400"] = ("A parameter is invalid: the problem document names it and says what is wrong.",
            "Invalid parameter 'q'", "q has an unbalanced quote: a phrase opened with \" is never closed"),
        ["401"] = ("The X-Api-Key header is missing or wrong, or no key is configured (the admin key for admin endpoints, the replication key for replication).",
            "Admin key required", "Send the configured admin key in the X-Api-Key header."),
        ["404"] = ("No article (or rebuild, or generation file) has this id.", "Article not found", "No article has the id '000-cb2a098886c719ad-99'."),
        ["409"] = ("A rebuild is already running, or this instance is a replica (it never rebuilds).", "A rebuild is already running",
            "Rebuild 3f2a… is still running; follow it at /api/admin/reindex/3f2a…."),
        ["429"] = ("Too many requests: retry after the seconds in the Retry-After header.", "Too many requests",
            "The service is at its limit for searches; retry after 1 s."),
        ["503"] = ("No index is open yet, for example while the first build runs.", "Not ready", ExceptionStatus.NotReadyDetail),
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter concrete && ParameterExamples.TryGetValue(concrete.Name ?? "", out var example))
                concrete.Example = example.DeepClone();
        }
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName ?? "";
        foreach (var (status, response) in operation.Responses ?? [])
        {
            if (response is not OpenApiResponse concreteResponse) continue;
            JsonNode? example = null;
            if (status.StartsWith('2'))
            {
                if (SuccessDescriptions.TryGetValue(name, out var description)) concreteResponse.Description = description;
                example = ResponseExamples.GetValueOrDefault(name);
            }
            else if (Problems.TryGetValue(status, out var problem))
            {
                concreteResponse.Description = problem.Description;
                example = new JsonObject
                {
                    ["type"] = "https://tools.ietf.org/html/rfc9110",
                    ["title"] = problem.Title,
                    ["status"] = int.Parse(status, System.Globalization.CultureInfo.InvariantCulture),
                    ["detail"] = problem.Detail,
                };
            }
            foreach (var media in concreteResponse.Content?.Values ?? [])
                media.Example = example?.DeepClone() ?? media.Example;
        }
        return Task.CompletedTask;
    }
}
