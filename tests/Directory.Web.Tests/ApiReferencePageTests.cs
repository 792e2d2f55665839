using System.Text.Json;
using Directory.Testing;
using Microsoft.Playwright;

namespace Directory.Web.Tests;

public sealed class ApiReferencePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private IBrowserContext? context;

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task TheReferenceShowsEveryOperationOfTheOpenApiDocumentAccessibly()
    {
        context = await browser.Browser.NewContextAsync(new() { Locale = "de-DE", BypassCSP = true /* see SearchPageTests */ });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseAddress.TrimEnd('/') + "/api.html");
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("Aufrufe");

        var document = JsonDocument.Parse(await page.EvaluateAsync<string>("async () => await (await fetch('/openapi/v1.json')).text()"));
        var operations = document.RootElement.GetProperty("paths").EnumerateObject().Sum(p => p.Value.EnumerateObject().Count());
        Assert.Equal(operations, await page.Locator("section.operation").CountAsync());
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "GET /api/managers/nearby" })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("section.operation", new() { HasText = "GET /api/managers/nearby" })).ToContainTextAsync("radiusKm");

        await BrowserFixture.InjectAxeAsync(page);
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations.map(v => v.id)");
        Assert.True(violations.GetArrayLength() == 0, violations.ToString());
    }
}
