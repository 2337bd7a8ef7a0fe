using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using TestSupport;
using static SearchApi.Tests.Json;

namespace SearchApi.Tests;

/// <summary>/openapi/v1.json as a client generator reads it: parameter types, examples that validate, real answers that validate, a clean lint.</summary>
[Collection(ApiFixture.Collection)]
public sealed class OpenApiContractTests(ApiFixture api)
{
    private readonly HttpClient _client = api.Client;

    [Fact]
    public async Task The_openapi_document_describes_every_parameter_with_a_chinese_example()
    {
        var document = await _client.GetJson("/openapi/v1.json");

        var search = document["paths"]!["/api/search"]!["get"]!;
        search.Str("summary").Should().NotBeEmpty();
        var parameters = search["parameters"].Items();
        parameters.Select(p => p.Str("name")).Should().BeEquivalentTo("q", "section", "region", "from", "to", "sort", "page", "pageSize");
        parameters.Should().OnlyContain(p => !string.IsNullOrEmpty(p["description"]!.GetValue<string>()) && p["example"] != null);
        parameters.Single(p => p.Str("name") == "q")["example"]!.GetValue<string>().Should().Be("概念验证中心");
        var example = search["responses"]!["200"]!["content"]!["application/json"]!["example"]!;
        example["hits"]![0]!.Str("title").Should().Contain("未来产业");
        example["query"]!.Str("normalized").Should().Be("概念验证中心");
        foreach (var path in document["paths"]!.AsObject())
            foreach (var operation in path.Value!.AsObject())
            {
                var where = $"{operation.Key} {path.Key}";
                operation.Value!["summary"].Should().NotBeNull($"{where} needs a summary");
                operation.Value!["description"].Should().NotBeNull($"{where} needs a description");
                foreach (var response in operation.Value!["responses"]!.AsObject())
                {
                    new[] { "OK", "Bad Request", "Not Found" }.Should().NotContain(response.Value!.Str("description"), $"{where} {response.Key} needs a description of its own");
                    (response.Value!["content"]?.AsObject() ?? []).Should().NotContain(c => c.Value!["example"] == null, $"{where} {response.Key}");
                }
            }
        var problem = document["paths"]!["/api/articles/{id}"]!["get"]!["responses"]!["404"]!["content"]!["application/problem+json"]!;
        problem["example"]!.Int("status").Should().Be(404);
    }

    [Fact]
    public async Task Every_search_parameter_has_its_type_bounds_and_values()
    {
        var document = await _client.GetJson("/openapi/v1.json");
        var schemas = document["paths"]!["/api/search"]!["get"]!["parameters"].Items()
            .ToDictionary(p => p.Str("name"), p => p["schema"]!);

        Bounds(schemas["page"]).Should().Be(("integer", 1, 10_000, 1));
        Bounds(schemas["pageSize"]).Should().Be(("integer", 1, 100, 10));
        schemas["from"].Str("format").Should().Be("date");
        schemas["to"].Str("format").Should().Be("date");
        schemas["sort"]["enum"].Strings().Should().Equal("relevance", "date", "date_asc");
        schemas["sort"].Str("default").Should().Be("relevance");
        schemas["section"].Str("type").Should().Be("array");
        schemas["section"]["items"]!["enum"].Strings().Should().Equal("政策法规", "各地动态", "行业新闻", "产品市场", "知识产权", "标准化", "聚焦常州");
        schemas["region"].Str("type").Should().Be("array");
        schemas["region"]["items"]!.Str("type").Should().Be("string");
        schemas["q"].Int("maxLength").Should().Be(256);

        static (string, int, int, int) Bounds(JsonNode s) => (s.Str("type"), s.Int("minimum"), s.Int("maximum"), s.Int("default"));
    }

    [Fact]
    public async Task The_enums_of_the_answers_are_listed_as_the_json_spells_them()
    {
        var schemas = (await _client.GetJson("/openapi/v1.json"))["components"]!["schemas"]!;

        schemas["QueryMatch"]!["enum"].Strings().Should().Equal("all", "relaxed", "browse", "none");
        schemas["TermKind"]!["enum"].Strings().Should().Equal("word", "phrase", "excluded", "year");
        schemas["SortOrder"]!["enum"].Strings().Should().Equal("relevance", "date", "date_asc");
        schemas["ArticleDateSource"]!["enum"].Strings().Should().Equal("article", "issue", "estimated");
        schemas["ReindexStatus"]!["enum"].Strings().Should().Equal("running", "succeeded", "failed");
        var search = await _client.GetJson($"/api/search?q={Q("人工智能 -机器人")}&sort=date_asc");
        search["query"]!.Str("sort").Should().Be("date_asc");
        search["query"]!["terms"].Items().Select(t => t.Str("kind")).Should().Equal("word", "excluded");
        var typed = await _client.GetJson($"/api/search?q={Q("2022年常州惠企政策")}");
        typed["query"]!["terms"].Items().Should().Contain(t => t.Str("kind") == "year" && t.Str("text") == "2022年");
        typed["query"]!["years"]!.AsArray().Select(y => y!.GetValue<int>()).Should().Equal(2022);
    }

    [Fact]
    public async Task Admin_and_replication_operations_need_their_api_key_scheme_and_public_ones_none()
    {
        var document = await _client.GetJson("/openapi/v1.json");

        foreach (var name in new[] { "adminKey", "replicationKey" })
        {
            var scheme = document["components"]!["securitySchemes"]![name]!;
            (scheme.Str("type"), scheme.Str("in"), scheme.Str("name")).Should().Be(("apiKey", "header", "X-Api-Key"));
        }
        document["security"]!.ToJsonString().Should().Be("[{}]", "public by default");
        var operations = Operations(document).ToList();
        operations.Should().Contain(o => o.Path.StartsWith("/api/admin/")).And.Contain(o => o.Path.StartsWith("/replication/"));
        foreach (var (path, operation) in operations)
        {
            var security = operation["security"]?.ToJsonString();
            if (path.StartsWith("/api/admin/", StringComparison.Ordinal))
                security.Should().Be("""[{"adminKey":[]}]""", path);
            else if (path.StartsWith("/replication/", StringComparison.Ordinal))
                security.Should().Be("""[{"replicationKey":[]}]""", path);
            else
                security.Should().BeNull(path);
        }
        document["servers"].Items().Should().OnlyContain(s => !s.Str("url").EndsWith('/'));
    }

    [Fact]
    public async Task Every_documented_example_validates_against_its_schema()
    {
        var document = await _client.GetJson("/openapi/v1.json");
        var checkedExamples = 0;
        foreach (var (path, operation) in Operations(document))
        {
            foreach (var parameter in operation["parameters"]?.Items() ?? [])
            {
                Violations(parameter["example"], parameter["schema"]!, document).Should().BeEmpty($"{path} {parameter.Str("name")}");
                checkedExamples++;
            }
            foreach (var (status, response) in operation["responses"]!.AsObject())
                foreach (var (media, content) in response!["content"]?.AsObject() ?? [])
                {
                    content!["example"].Should().NotBeNull($"{path} {status} {media}");
                    Violations(content["example"], content["schema"]!, document).Should().BeEmpty($"{path} {status} {media}");
                    checkedExamples++;
                }
        }
        checkedExamples.Should().BeGreaterThan(30);
    }

    [Theory]
    [InlineData("/api/search?q=概念验证中心&section=政策法规&pageSize=3")]
    [InlineData("/api/search?q=常州有哪些企业完成融资")]
    [InlineData("/api/search?section=标准化&sort=date")]
    [InlineData("/api/facets")]
    [InlineData("/api/analyze?text=江蘇省科技廳")]
    [InlineData("/api/articles/000-cb2a098886c719ad-01")]
    [InlineData("/api/articles/000-cb2a098886c719ad-01/similar")]
    [InlineData("/api/articles/no-such-article")]
    [InlineData("/api/search?page=zwei")]
    public async Task Real_answers_validate_against_the_documented_schema(string url)
    {
        var document = await _client.GetJson("/openapi/v1.json");
        using var response = await _client.GetAsync(url);
        var body = JsonNode.Parse(await response.Content.ReadAsStringAsync());
        var template = document["paths"]!.AsObject().Single(p => Regex.IsMatch(url.Split('?')[0],
            "^" + Regex.Replace(p.Key, @"\{[^}]+\}", "[^/]+") + "$")).Value!;
        var status = ((int)response.StatusCode).ToString(CultureInfo.InvariantCulture);
        var content = template["get"]!["responses"]![status]!["content"]!.AsObject().Single().Value!;

        Violations(body, content["schema"]!, document).Should().BeEmpty(url);
    }

    [Fact]
    public async Task The_schema_check_finds_what_a_strict_client_would_reject()
    {
        var document = await _client.GetJson("/openapi/v1.json");
        var page = document["paths"]!["/api/search"]!["get"]!["parameters"].Items().Single(p => p.Str("name") == "page")["schema"]!;
        var hit = JsonNode.Parse("""{"$ref": "#/components/schemas/HitResponse"}""")!;

        Violations(JsonValue.Create("1"), page, document).Should().ContainSingle().Which.Should().Contain("integer");
        Violations(JsonValue.Create(0), page, document).Should().ContainSingle().Which.Should().Contain("minimum");
        Violations(JsonNode.Parse("""{"id": "x"}"""), hit, document).Should().Contain(v => v.Contains("title"));
        Violations(JsonNode.Parse("""{"id":"x","title":"t","section":"s","regions":[],"date":"2024-13-01","dateSource":"guessed","issue":"1","source":"s","score":1}"""), hit, document)
            .Should().HaveCount(2).And.Contain(v => v.Contains("date")).And.Contain(v => v.Contains("guessed"));
    }

    [Fact]
    public async Task Redocly_lint_with_the_recommended_rules_finds_no_errors_and_no_example_or_security_warnings()
    {
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():n}.json");
        await File.WriteAllTextAsync(file, await _client.GetStringAsync("/openapi/v1.json"));
        try
        {
            var report = JsonNode.Parse(await Redocly.Lint(file))!;
            var problems = report["problems"].Items()
                .Select(p => $"{p.Str("severity")} {p.Str("ruleId")}: {p.Str("message")}").ToList();

            problems.Should().NotContain(p => p.StartsWith("error", StringComparison.Ordinal));
            problems.Should().NotContain(p => p.Contains("example") || p.Contains("security"));
            // The one warning left: the project declares no licence, and the document does not invent one.
            problems.Should().OnlyContain(p => p.Contains("info-license"));
        }
        finally
        {
            File.Delete(file);
        }
    }

    [Fact]
    public async Task A_client_generated_by_nswag_compiles_with_integer_paging_and_enum_sort()
    {
        var file = Path.Combine(Path.GetTempPath(), $"openapi-{Guid.NewGuid():n}.json");
        await File.WriteAllTextAsync(file, await _client.GetStringAsync("/openapi/v1.json"));
        try
        {
            var (exit, output, error) = await Tools.Run("bash", [Path.Combine(RepoPaths.Root, "tools", "openapi-client", "check.sh"), file]);

            exit.Should().Be(0, output + error);
            output.Should().Contain("page and pageSize are int, sort is the enum").And.Contain("(Relevance, Date, Date_asc)");
        }
        finally
        {
            File.Delete(file);
        }
    }

    private static IEnumerable<(string Path, JsonNode Operation)> Operations(JsonNode document) =>
        from path in document["paths"]!.AsObject()
        from operation in path.Value!.AsObject()
        select (path.Key, operation.Value!);

    /// <summary>
    /// What JSON Schema (2020-12, as OpenAPI 3.1 uses it) finds wrong with <paramref name="value"/>: $ref into the
    /// document, type, enum, required, properties, items, bounds, maxLength, pattern and the date formats.
    /// </summary>
    private static List<string> Violations(JsonNode? value, JsonNode schema, JsonNode document, string at = "$")
    {
        if (schema["$ref"] is { } reference)
        {
            var target = reference.GetValue<string>().TrimStart('#').Split('/', StringSplitOptions.RemoveEmptyEntries)
                .Aggregate(document, (node, part) => node[part]!);
            return Violations(value, target, document, at);
        }
        if ((schema["oneOf"] ?? schema["anyOf"]) is { } alternatives)
            return alternatives.Items().Any(a => Violations(value, a, document, at).Count == 0) ? [] : [$"{at}: matches no alternative"];
        var found = new List<string>();
        var kind = KindOf(value);
        var types = schema["type"] switch
        {
            null => null,
            JsonArray many => many.Strings(),
            var one => [one.GetValue<string>()],
        };
        if (types is not null && !types.Contains(kind) && !(kind == "integer" && types.Contains("number")))
            return [$"{at}: is {kind}, the schema says {string.Join(" or ", types)}"];
        if (schema["enum"] is JsonArray values && !values.Any(v => JsonNode.DeepEquals(v, value)))
            found.Add($"{at}: {value?.ToJsonString()} is not one of {values.ToJsonString()}");
        switch (value)
        {
            case JsonObject obj:
                foreach (var name in schema["required"]?.Strings() ?? [])
                    if (!obj.ContainsKey(name)) found.Add($"{at}: lacks required {name}");
                foreach (var (name, property) in schema["properties"]?.AsObject() ?? [])
                    if (obj.TryGetPropertyValue(name, out var member))
                        found.AddRange(Violations(member, property!, document, $"{at}.{name}"));
                break;
            case JsonArray array when schema["items"] is { } items:
                for (var i = 0; i < array.Count; i++) found.AddRange(Violations(array[i], items, document, $"{at}[{i}]"));
                break;
            case JsonValue number when kind is "integer" or "number":
                var n = NumberOf(number);
                if (Number(schema["minimum"]) is { } min && n < min) found.Add($"{at}: {n} is below the minimum {min}");
                if (Number(schema["maximum"]) is { } max && n > max) found.Add($"{at}: {n} is above the maximum {max}");
                break;
            case JsonValue text when kind == "string":
                var s = text.GetValue<string>();
                if (schema["maxLength"] is { } length && s.Length > length.GetValue<int>()) found.Add($"{at}: longer than {length}");
                if (schema["pattern"] is { } pattern && !Regex.IsMatch(s, pattern.GetValue<string>())) found.Add($"{at}: does not match {pattern}");
                if (schema["format"]?.GetValue<string>() == "date" &&
                    !DateOnly.TryParseExact(s, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    found.Add($"{at}: '{s}' is not a date");
                if (schema["format"]?.GetValue<string>() == "date-time" &&
                    !DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.None, out _))
                    found.Add($"{at}: '{s}' is not a date-time");
                break;
        }
        return found;
    }

    private static string KindOf(JsonNode? value) => value?.GetValueKind() switch
    {
        null or JsonValueKind.Null => "null",
        JsonValueKind.Object => "object",
        JsonValueKind.Array => "array",
        JsonValueKind.String => "string",
        JsonValueKind.True or JsonValueKind.False => "boolean",
        _ => NumberOf(value) % 1 == 0 ? "integer" : "number",
    };

    private static double NumberOf(JsonNode value) => double.Parse(value.ToJsonString(), CultureInfo.InvariantCulture);

    private static double? Number(JsonNode? node) => node?.GetValueKind() switch
    {
        JsonValueKind.Number => NumberOf(node),
        JsonValueKind.String => double.Parse(node.GetValue<string>(), CultureInfo.InvariantCulture),
        _ => null,
    };
}

/// <summary>Redocly CLI from npm, installed into tools/redocly (as test.sh installs Chromium) when it is missing.</summary>
internal static class Redocly
{
    private static readonly string Folder = Path.Combine(RepoPaths.Root, "tools", "redocly");
    private static readonly SemaphoreSlim Installing = new(1, 1);

    /// <summary>The report of <c>redocly lint --format=json</c> with tools/redocly/redocly.yaml (the recommended rules).</summary>
    public static async Task<string> Lint(string file)
    {
        await Installing.WaitAsync();
        try
        {
            if (!File.Exists(Path.Combine(Folder, "node_modules", ".bin", "redocly")))
            {
                var (exit, _, error) = await Tools.Run("npm", ["install", "--no-audit", "--no-fund", "--prefix", Folder]);
                if (exit != 0) throw new InvalidOperationException($"npm install of @redocly/cli into {Folder} failed: {error}");
            }
        }
        finally
        {
            Installing.Release();
        }
        // lint exits 1 when it finds errors; the report says which, so the test shows them.
        var (_, report, _) = await Tools.Run(Path.Combine(Folder, "node_modules", ".bin", "redocly"),
            ["lint", file, "--format=json", "--config", Path.Combine(Folder, "redocly.yaml")]);
        return report;
    }
}

internal static class Tools
{
    public static async Task<(int Exit, string Output, string Error)> Run(string program, string[] arguments)
    {
        var start = new ProcessStartInfo(program) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = RepoPaths.Root };
        foreach (var argument in arguments) start.ArgumentList.Add(argument);
        start.Environment["REDOCLY_TELEMETRY"] = "off";
        start.Environment["REDOCLY_SUPPRESS_UPDATE_NOTICE"] = "true";
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        return (process.ExitCode, await output, await error);
    }
}
