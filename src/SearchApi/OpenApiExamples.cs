using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace SearchApi;

/// <summary>Puts a Chinese example on every parameter and on every JSON response of the OpenAPI document.</summary>
public sealed class OpenApiExamples : IOpenApiOperationTransformer
{
    private static readonly Dictionary<string, JsonNode> ParameterExamples = new()
    {
        ["q"] = "概念验证中心",
        ["section"] = "政策法规",
        ["region"] = "江苏",
        ["from"] = "2022-01-01",
        ["to"] = "2024-12-31",
        ["sort"] = "relevance",
        ["page"] = "1",
        ["pageSize"] = "10",
        ["id"] = "000-cb2a098886c719ad-01",
        ["text"] = "江苏省科技厅发布政策解读",
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
                ["text"] = "概念验证中心", ["match"] = "all",
                ["terms"] = new JsonArray(new JsonObject
                {
                    ["text"] = "概念验证中心", ["kind"] = "word",
                    ["tokens"] = new JsonArray("概念", "验证", "中心"), ["synonyms"] = new JsonArray(),
                }),
                ["ignored"] = new JsonArray(), ["sections"] = new JsonArray(), ["regions"] = new JsonArray(), ["sort"] = "relevance",
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
            ["text"] = "江苏省科技厅",
            ["tokens"] = new JsonArray(
                new JsonObject { ["token"] = "江苏省", ["start"] = 0, ["end"] = 3, ["position"] = 0 },
                new JsonObject { ["token"] = "科技厅", ["start"] = 3, ["end"] = 6, ["position"] = 1 }),
        },
        ["StartReindex"] = new JsonObject { ["id"] = "3f2a…", ["status"] = "running", ["startedAt"] = "2026-11-25T12:00:00+00:00" },
        ["ReindexStatus"] = new JsonObject
        {
            ["id"] = "3f2a…", ["status"] = "succeeded", ["startedAt"] = "2026-11-25T12:00:00+00:00",
            ["finishedAt"] = "2026-11-25T12:00:03+00:00", ["generation"] = "gen-20261125T120003000-4242", ["articles"] = 79,
        },
    };

    private static readonly JsonNode ProblemExample = new JsonObject
    {
        ["type"] = "https://tools.ietf.org/html/rfc9110#section-15.5.1",
        ["title"] = "Invalid parameter 'q'",
        ["status"] = 400,
        ["detail"] = "q has an unbalanced quote: a phrase opened with \" is never closed",
        ["errors"] = new JsonObject { ["q"] = new JsonArray("has an unbalanced quote: a phrase opened with \" is never closed") },
    };

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in operation.Parameters ?? [])
        {
            if (parameter is OpenApiParameter concrete && ParameterExamples.TryGetValue(concrete.Name ?? "", out var example))
                concrete.Example = example.DeepClone();
        }
        var name = context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName;
        foreach (var (status, response) in operation.Responses ?? [])
        {
            foreach (var (_, media) in response.Content ?? new Dictionary<string, OpenApiMediaType>())
            {
                media.Example = status.StartsWith('2') && name is not null && ResponseExamples.TryGetValue(name, out var body)
                    ? body.DeepClone()
                    : status.StartsWith('4') ? ProblemExample.DeepClone() : media.Example;
            }
        }
        return Task.CompletedTask;
    }
}
