using System.Buffers;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Options;

namespace SearchApi;

/// <summary>
/// 200 with a JSON body written by the source-generated serializer's own code for the type (<see cref="ApiJsonContext"/>),
/// the same JSON <c>TypedResults.Ok</c> writes. System.Text.Json runs that code only when the options ask for nothing it
/// was not generated for, and our relaxed encoder (readable Chinese) is one such thing, so <c>Ok</c> walks the
/// metadata instead: on cached searches that was 29% of the API's CPU.
/// </summary>
public sealed class FastJson<T>(T value) : IResult, IEndpointMetadataProvider
{
    public Task ExecuteAsync(HttpContext http) =>
        FastJsonWriters.WriteAsync(http, (writer, writers) => writers.Handler<T>()(writer, value));

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(T), ["application/json"]));
}

/// <summary>The generated writers, bound to the API's JSON options (their encoder and enum names).</summary>
public sealed class FastJsonWriters(IOptions<JsonOptions> options)
{
    private readonly ApiJsonContext _context = new(new JsonSerializerOptions(options.Value.SerializerOptions));

    public JsonWriterOptions WriterOptions { get; } = new()
    {
        Encoder = options.Value.SerializerOptions.Encoder,
        SkipValidation = true,
    };

    public Action<Utf8JsonWriter, T> Handler<T>() =>
        ((JsonTypeInfo<T>)_context.GetTypeInfo(typeof(T))!).SerializeHandler
        ?? throw new InvalidOperationException($"{typeof(T).Name} has no generated writer: list it in ApiJsonContext");

    /// <summary>The value's JSON, as the response would hold it.</summary>
    public byte[] Encode<T>(T value)
    {
        var buffer = new ArrayBufferWriter<byte>();
        using (var writer = new Utf8JsonWriter(buffer, WriterOptions))
            Handler<T>()(writer, value);
        return buffer.WrittenSpan.ToArray();
    }

    /// <summary>A 200 whose JSON body <paramref name="write"/> writes.</summary>
    public static async Task WriteAsync(HttpContext http, Action<Utf8JsonWriter, FastJsonWriters> write)
    {
        var writers = http.RequestServices.GetRequiredService<FastJsonWriters>();
        http.Response.StatusCode = StatusCodes.Status200OK;
        http.Response.ContentType = "application/json; charset=utf-8";
        await using (var writer = new Utf8JsonWriter(http.Response.BodyWriter, writers.WriterOptions))
            write(writer, writers);
        await http.Response.BodyWriter.FlushAsync(http.RequestAborted);
    }
}
