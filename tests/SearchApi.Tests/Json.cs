using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace SearchApi.Tests;

internal static class Json
{
    public static async Task<JsonNode> ReadJson(this HttpResponseMessage response, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var body = await response.Content.ReadAsStringAsync();
        response.StatusCode.Should().Be(expected, body);
        return JsonNode.Parse(body)!;
    }

    public static async Task<JsonNode> GetJson(this HttpClient client, string url, HttpStatusCode expected = HttpStatusCode.OK)
    {
        using var response = await client.GetAsync(url);
        return await response.ReadJson(expected);
    }

    public static List<string> Strings(this JsonNode? array) =>
        [.. array!.AsArray().Select(n => n!.GetValue<string>())];

    public static List<JsonNode> Items(this JsonNode? array) => [.. array!.AsArray().Select(n => n!)];

    public static string Str(this JsonNode node, string name) => node[name]!.GetValue<string>();

    public static int Int(this JsonNode node, string name) => node[name]!.GetValue<int>();

    public static string Q(string text) => Uri.EscapeDataString(text);

    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web);
}
