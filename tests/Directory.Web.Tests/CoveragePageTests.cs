using System.Text.Json;
using Directory.Testing;
using Microsoft.Playwright;

namespace Directory.Web.Tests;

public sealed class CoveragePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private IBrowserContext? context;

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    private async Task<IPage> OpenAsync(string query = "")
    {
        context = await browser.Browser.NewContextAsync(new() { Locale = "de-DE", BypassCSP = true /* see SearchPageTests */, ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseAddress.TrimEnd('/') + "/abdeckung" + query);
        await Assertions.Expect(page.Locator("#coverage-summary")).ToContainTextAsync("Gemeinden haben");
        return page;
    }

    [Fact]
    public async Task ThePageShowsTheChoroplethAndTheTableOfAllKreise()
    {
        var page = await OpenAsync();

        await Assertions.Expect(page.Locator("#coverage-table tbody tr")).ToHaveCountAsync(53);
        // Every Kreis is drawn in one of the responsibility classes, and the legend names them.
        await page.WaitForFunctionAsync("document.querySelectorAll('#coverage-map path.resp-own, #coverage-map path.resp-partly, #coverage-map path.resp-none').length === 53");
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync("keine Gemeinde abgedeckt");
        await Assertions.Expect(page.Locator("#chart svg")).ToHaveAttributeAsync("role", "img");
        await Assertions.Expect(page.Locator(".method")).ToContainTextAsync("2011");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "coverage.png"), FullPage = true });
    }

    [Fact]
    public async Task TheTableSortsByKeyboard()
    {
        var page = await OpenAsync("?ebene=kreis&umkreis=10");
        var header = page.Locator("#coverage-table th", new() { HasText = "Einwohner" }).First;
        await Assertions.Expect(header).ToHaveAttributeAsync("aria-sort", "none");

        await page.GetByRole(AriaRole.Button, new() { Name = "Einwohner", Exact = true }).FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.Locator("#coverage-table th", new() { HasText = "Einwohner" }).First).ToHaveAttributeAsync("aria-sort", "descending");
        // The largest district of NRW comes first: Köln (1,024,621 residents, GV100).
        await Assertions.Expect(page.Locator("#coverage-table tbody tr").First).ToContainTextAsync("Köln");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#coverage-table th", new() { HasText = "Einwohner" }).First).ToHaveAttributeAsync("aria-sort", "ascending");
    }

    [Fact]
    public async Task TheUrlRestoresLevelViewRadiusAndRegion()
    {
        var page = await OpenAsync("?ebene=gemeinde&ansicht=erreichbarkeit&umkreis=5&gebiet=05966");

        await Assertions.Expect(page.Locator("#coverage-table tbody tr")).ToHaveCountAsync(7);
        await Assertions.Expect(page.Locator("#radius-output")).ToHaveTextAsync("5 km");
        await Assertions.Expect(page.GetByLabel("Gebiet", new() { Exact = true })).ToHaveValueAsync("05966");
        await Assertions.Expect(page.Locator("#detail-content")).ToContainTextAsync("Kreis Olpe im Vergleich");
        await Assertions.Expect(page.Locator("#legend")).ToContainTextAsync("Umkreis von 5 km");
    }

    [Fact]
    public async Task ChangingTheRadiusChangesTheFiguresAndTheUrl()
    {
        var page = await OpenAsync("?umkreis=10");
        var summary = await page.Locator("#coverage-summary").InnerTextAsync();

        await page.Locator("#radius").FillAsync("2");

        await Assertions.Expect(page.Locator("#coverage-summary")).Not.ToHaveTextAsync(summary);
        Assert.Contains("umkreis=2", page.Url);
    }

    [Fact]
    public async Task AxeFindsNoWcag21AaViolations()
    {
        var page = await OpenAsync("?gebiet=05966");
        await Assertions.Expect(page.Locator("#detail-content table")).ToBeVisibleAsync();

        await BrowserFixture.InjectAxeAsync(page);
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
            ".map(v => ({ id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))");

        Assert.True(violations.GetArrayLength() == 0, violations.ToString());
    }
}
