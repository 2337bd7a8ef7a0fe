using System.Reflection;
using System.Text.Json;
using ArchiveSearch.Search;
using Microsoft.AspNetCore.Http.Metadata;

namespace SearchApi;

/// <summary>
/// A search's 200: a <see cref="SearchResponse"/> in the JSON the generated writer writes for one, its interpretation,
/// hits and facets written from <see cref="EncodedAnswers"/> when the caches keep them, by the generated writers when they
/// do not.
/// </summary>
public sealed class SearchJson(SearchResult result, long tookMs, byte[]? query, byte[]? hits, byte[]? facets)
    : IResult, IEndpointMetadataProvider
{
    // SearchResponse's properties, in its order and as its generated writer names them (a test holds the two equal).
    private static readonly JsonEncodedText Query = JsonEncodedText.Encode("query");
    private static readonly JsonEncodedText Total = JsonEncodedText.Encode("total");
    private static readonly JsonEncodedText Page = JsonEncodedText.Encode("page");
    private static readonly JsonEncodedText PageSize = JsonEncodedText.Encode("pageSize");
    private static readonly JsonEncodedText TookMs = JsonEncodedText.Encode("tookMs");
    private static readonly JsonEncodedText Hits = JsonEncodedText.Encode("hits");
    private static readonly JsonEncodedText Facets = JsonEncodedText.Encode("facets");

    public Task ExecuteAsync(HttpContext http) => FastJsonWriters.WriteAsync(http, (writer, writers) =>
    {
        writer.WriteStartObject();
        writer.WritePropertyName(Query);
        if (query is not null) writer.WriteRawValue(query, skipInputValidation: true);
        else writers.Handler<QueryResponse>()(writer, QueryResponse.Of(result.Query));
        writer.WriteNumber(Total, result.Total);
        writer.WriteNumber(Page, result.Page);
        writer.WriteNumber(PageSize, result.PageSize);
        writer.WriteNumber(TookMs, tookMs);
        writer.WritePropertyName(Hits);
        if (hits is not null) writer.WriteRawValue(hits, skipInputValidation: true);
        else writers.Handler<IReadOnlyList<HitResponse>>()(writer, HitResponse.Of(result.Hits));
        writer.WritePropertyName(Facets);
        if (facets is not null) writer.WriteRawValue(facets, skipInputValidation: true);
        else writers.Handler<FacetsResponse>()(writer, FacetsResponse.From(result.Facets));
        writer.WriteEndObject();
    });

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(SearchResponse), ["application/json"]));
}
