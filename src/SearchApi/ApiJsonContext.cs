using System.Text.Json;
using System.Text.Json.Serialization;
using ArchiveSearch.Search;

namespace SearchApi;

/// <summary>
/// The API's answers, serialised by source-generated code: no reflection over the response types on the first
/// request or any other. Registered first in the HTTP JSON options' resolver chain (Program.cs); what it does not
/// list (ProblemDetails and the like) falls through to the default resolver.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SearchResponse))]
[JsonSerializable(typeof(ArticleResponse))]
[JsonSerializable(typeof(SimilarResponse))]
[JsonSerializable(typeof(FacetCounts))]
[JsonSerializable(typeof(AnalyzeResponse))]
[JsonSerializable(typeof(HealthResponse))]
[JsonSerializable(typeof(ManifestResponse))]
[JsonSerializable(typeof(ReindexResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
