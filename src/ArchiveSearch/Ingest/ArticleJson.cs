using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ArchiveSearch.Ingest;

/// <summary>
/// The one JSON shape of an article, shared by <c>indexer parse</c> (writes it) and the JSONL reader (reads it):
/// camelCase fields, dates as yyyy-MM-dd, dateSource in lower case, Chinese left unescaped.
/// </summary>
public static class ArticleJson
{
    public static JsonSerializerOptions Options { get; } = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        Converters = { new JsonStringEnumConverter<DateSource>(JsonNamingPolicy.CamelCase, allowIntegerValues: false) },
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
    };

    /// <summary>One line of JSONL, without the line break.</summary>
    public static string Serialize(Article article) => JsonSerializer.Serialize(article, Options);

    /// <summary>Reads one JSONL line; throws <see cref="JsonException"/> when it is not a complete article.</summary>
    public static Article Deserialize(string line) =>
        JsonSerializer.Deserialize<Article>(line, Options) ?? throw new JsonException("null instead of an article");
}
