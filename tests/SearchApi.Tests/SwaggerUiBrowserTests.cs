using Microsoft.Playwright;

namespace SearchApi.Tests;

/// <summary>A person in Chromium trying a search in Swagger UI.</summary>
[Collection(ApiFixture.Collection)]
public sealed class SwaggerUiBrowserTests(ApiFixture api)
{
    [Fact]
    public async Task A_person_can_search_for_concept_verification_centres_in_swagger_ui()
    {
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new()
        {
            ExecutablePath = "/usr/bin/chromium",
            Headless = true,
            // The machine has no network beyond loopback: keep Chromium from reaching out.
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run"],
        });
        var page = await browser.NewPageAsync();

        await page.GotoAsync(new Uri(api.Factory.Address, "/").ToString());
        page.Url.Should().EndWith("/swagger/index.html");
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
