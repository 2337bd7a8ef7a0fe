using Microsoft.Playwright;

namespace SearchApi.Tests;

/// <summary>A person in Chromium trying a search in Swagger UI.</summary>
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
}
