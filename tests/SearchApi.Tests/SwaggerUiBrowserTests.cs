using Microsoft.Playwright;

namespace SearchApi.Tests;

/// <summary>A person in Chromium trying a search, and an operator the admin reindex, in Swagger UI.</summary>
[Collection(ApiFixture.Collection)]
public sealed class SwaggerUiBrowserTests(ApiFixture api)
{
    [Fact]
    public async Task A_person_can_search_for_concept_verification_centres_in_swagger_ui()
    {
        await using var chromium = await Chromium.Open(api.Factory.Address);
        var page = chromium.Page;

        // The search page links to Swagger UI from its footer.
        await page.GotoAsync("/");
        await page.GetByRole(AriaRole.Link, new() { Name = "API 文档（Swagger UI）" }).ClickAsync();
        await page.WaitForURLAsync("**/swagger/index.html");
        await page.Locator("#operations-Search-Search").ClickAsync();
        await page.Locator("#operations-Search-Search .try-out__btn").ClickAsync();
        var q = page.Locator("#operations-Search-Search tr[data-param-name='q'] input");
        await q.FillAsync("概念验证中心");
        await page.Locator("#operations-Search-Search .execute").ClickAsync();
        var body = page.Locator("#operations-Search-Search .live-responses-table .response-col_description .microlight").First;
        await Assertions.Expect(body).ToContainTextAsync("江苏省概念验证中心建设工作指引", new() { Timeout = 15_000 });

        var text = await body.InnerTextAsync();
        text.Should().Contain("\"total\"").And.Contain("<em>");
        await page.ScreenshotAsync(new() { Path = Path.Combine(Path.GetTempPath(), "swagger-search.png"), FullPage = false });
    }

    [Fact]
    public async Task An_operator_authorizes_with_the_admin_key_in_swagger_ui_and_starts_a_reindex()
    {
        // An app of its own, so the rebuild it starts is waited for here and no other test meets it.
        using var factory = api.Start(new() { ["Search:AdminApiKey"] = ApiFixture.AdminKey });
        await using var chromium = await Chromium.Open(factory.Address);
        var page = chromium.Page;
        await page.GotoAsync("/swagger/index.html");
        var operation = page.Locator("#operations-Admin-StartReindex");
        var status = operation.Locator(".live-responses-table .response .response-col_status").First;

        // Without the key the reindex is refused …
        await operation.ClickAsync();
        await operation.Locator(".try-out__btn").ClickAsync();
        await operation.Locator(".execute").ClickAsync();
        await Assertions.Expect(status).ToContainTextAsync("401");

        // … and Authorize takes it: the lock on the operation closes and the same request starts a rebuild.
        await page.Locator(".scheme-container .btn.authorize").ClickAsync();
        var dialog = page.Locator(".auth-container").Filter(new() { HasText = "adminKey" });
        await dialog.Locator("input").FillAsync(ApiFixture.AdminKey);
        await dialog.Locator("button.authorize").ClickAsync();
        await page.Locator(".btn-done").First.ClickAsync();
        await Assertions.Expect(operation.Locator("button.authorization__btn[aria-label='authorization button locked']")).ToBeVisibleAsync();
        await operation.Locator(".btn-clear").ClickAsync();
        await operation.Locator(".execute").ClickAsync();
        await Assertions.Expect(status).ToContainTextAsync("202");
        var answer = operation.Locator(".live-responses-table .response-col_description .microlight").First;
        await Assertions.Expect(answer).ToContainTextAsync("\"status\": \"running\"");

        using var client = factory.CreateClient();
        var id = System.Text.Json.Nodes.JsonNode.Parse(await answer.InnerTextAsync())!["id"]!.GetValue<string>();
        var deadline = DateTime.UtcNow.AddSeconds(60);
        string state;
        do
        {
            await Task.Delay(200);
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/admin/reindex/{id}") { Headers = { { "X-Api-Key", ApiFixture.AdminKey } } };
            using var response = await client.SendAsync(request);
            state = (await response.ReadJson()).Str("status");
        }
        while (state == "running" && DateTime.UtcNow < deadline);
        state.Should().Be("succeeded");
    }
}
