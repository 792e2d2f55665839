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
        await Assertions.Expect(page.Locator("section.method")).ToContainTextAsync("Zensus 2022");
        await page.ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "coverage.png"), FullPage = true });
    }

    [Fact]
    public async Task TheFirstLoadAsksForTheHistoryOnce()
    {
        context = await browser.Browser.NewContextAsync(new() { Locale = "de-DE", BypassCSP = true, ViewportSize = new() { Width = 1280, Height = 1000 } });
        var page = await context.NewPageAsync();
        var histories = new System.Collections.Concurrent.ConcurrentBag<string>();
        page.Request += (_, request) =>
        {
            if (request.Url.Contains("/api/coverage/history", StringComparison.Ordinal))
            {
                histories.Add(request.Url);
            }
        };

        await page.GotoAsync(browser.BaseAddress.TrimEnd('/') + "/abdeckung");
        await Assertions.Expect(page.Locator("#history-table tbody tr").First).ToBeVisibleAsync();

        Assert.Single(histories);
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

    [Fact]
    public async Task PlanningShowsNumberedSuggestionsOnTheMapAndInTheTable()
    {
        var page = await OpenAsync("?gebiet=05958");

        await Assertions.Expect(page.Locator("#planning-table tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#coverage-map .suggestion-marker")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("#planning-caption")).ToContainTextAsync("Hochsauerlandkreis");
        await Assertions.Expect(page.Locator("#planning-summary")).ToContainTextAsync("Einwohner");
        await Assertions.Expect(page.Locator("#planning .method")).ToContainTextAsync("kein Büro");

        // Keyboard only: from the radius to the target group, the arrow key chooses children.
        await page.Locator("#planning-radius").FocusAsync();
        await page.Keyboard.PressAsync("Tab");
        await page.Keyboard.PressAsync("ArrowDown");

        await Assertions.Expect(page.Locator("#planning-caption")).ToContainTextAsync("Kinder unter 15 Jahren");
        await Assertions.Expect(page.Locator("#planning-table tbody tr")).ToHaveCountAsync(3);
        await page.Locator("#planning").ScreenshotAsync(new() { Path = Path.Combine(AppContext.BaseDirectory, "screenshots", "coverage-planning.png") });
    }

    [Fact]
    public async Task TheHistoryHasAChartAndATableAndTheDateChoiceShowsAnEarlierStand()
    {
        var page = await OpenAsync("?stand=2018");

        // The demo list's first certificates are from 2016: one row per year from 2016 to this year.
        await Assertions.Expect(page.Locator("#history-table tbody tr")).ToHaveCountAsync(DateTime.Now.Year - 2016 + 1);
        await Assertions.Expect(page.Locator("#history-chart svg")).ToHaveAttributeAsync("role", "img");
        await Assertions.Expect(page.Locator("#coverage-summary")).ToContainTextAsync("Stand: Ende 2018");
        await Assertions.Expect(page.GetByLabel("Stand", new() { Exact = true })).ToHaveValueAsync("2018");

        await page.GetByLabel("Stand", new() { Exact = true }).SelectOptionAsync("");

        await Assertions.Expect(page.Locator("#coverage-summary")).Not.ToContainTextAsync("Stand:");
        Assert.DoesNotContain("stand=", page.Url);
    }

    [Fact]
    public async Task TheProfilePrintsOnOneA4Page()
    {
        context = await browser.Browser.NewContextAsync(new() { Locale = "de-DE", BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseAddress.TrimEnd('/') + "/abdeckung/steckbrief?gebiet=05966");
        await Assertions.Expect(page.Locator("body")).ToHaveAttributeAsync("data-ready", "true");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Steckbrief: Kreis Olpe");
        await Assertions.Expect(page.Locator("#profile-planning tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#profile-trend thead th")).Not.ToHaveCountAsync(0);

        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        System.IO.Directory.CreateDirectory(folder);
        var pdf = await page.PdfAsync(new() { Format = "A4", PrintBackground = true, Path = Path.Combine(folder, "steckbrief-05966.pdf") });
        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, "steckbrief-05966.png"), FullPage = true });

        // Chromium writes each page as an object "/Type /Page" (the tree is "/Type /Pages").
        var pages = System.Text.RegularExpressions.Regex.Matches(System.Text.Encoding.Latin1.GetString(pdf), @"/Type\s*/Page(?!s)").Count;
        Assert.Equal(1, pages);

        await BrowserFixture.InjectAxeAsync(page);
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
            ".map(v => ({ id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))");
        Assert.True(violations.GetArrayLength() == 0, violations.ToString());
    }
}
