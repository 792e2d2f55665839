using System.Globalization;
using System.Text.Json;
using Directory.Testing;
using Microsoft.Playwright;

namespace Directory.Web.Tests;

public sealed class SearchPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private IBrowserContext? context;

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    private async Task<IPage> OpenAsync(string query = "", BrowserNewContextOptions? options = null)
    {
        options ??= new BrowserNewContextOptions();
        options.Locale = "de-DE";
        // These tests read the page with page.EvaluateAsync, which the page's CSP (no eval) would refuse; CspTests
        // checks the policy itself with contexts that do not bypass it.
        options.BypassCSP = true;
        options.ViewportSize ??= new ViewportSize { Width = 1280, Height = 900 };
        context = await browser.Browser.NewContextAsync(options);
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseAddress + query);
        await page.WaitForFunctionAsync("document.querySelectorAll('path[data-ags]').length === 396");
        return page;
    }

    private static async Task<List<double>> DistancesAsync(IPage page) =>
        (await page.Locator("#result-list .distance").AllInnerTextsAsync())
        .Select(t => double.Parse(t.Split(' ')[0], CultureInfo.GetCultureInfo("de-DE"))).ToList();

    [Fact]
    public async Task SearchingAPostcodeListsTheNearestFirst()
    {
        var page = await OpenAsync();

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Ort oder Postleitzahl" }).FillAsync("57462");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();

        await Assertions.Expect(page.Locator("#result-status")).ToContainTextAsync("im Umkreis von 25 km");
        var distances = await DistancesAsync(page);
        Assert.NotEmpty(distances);
        Assert.Equal(distances.Order(), distances);
        Assert.All(distances, d => Assert.True(d <= 25));
        await Assertions.Expect(page.Locator("#origin-info")).ToContainTextAsync("Olpe");
        Assert.Contains("ort=57462", page.Url);
        await BrowserFixture.ScreenshotAsync(page, "search-57462");
    }

    [Fact]
    public async Task MyLocationSearchesFromWhereTheBrowserSaysIAm()
    {
        var page = await OpenAsync(options: new BrowserNewContextOptions
        {
            Geolocation = new Geolocation { Latitude = 50.9413f, Longitude = 6.9583f },
            Permissions = ["geolocation"],
        });

        await page.GetByRole(AriaRole.Button, new() { Name = "Meinen Standort verwenden" }).ClickAsync();

        await Assertions.Expect(page.Locator("#origin-info")).ToContainTextAsync("In Köln");
        Assert.NotEmpty(await DistancesAsync(page));
    }

    [Fact]
    public async Task ARefusedLocationIsExplainedAndNothingBreaks()
    {
        var page = await OpenAsync();
        await context!.ClearPermissionsAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Meinen Standort verwenden" }).ClickAsync();

        await Assertions.Expect(page.Locator("#search-message")).ToContainTextAsync("Ort oder eine Postleitzahl ein");
        Assert.Equal(0, await page.Locator("#result-list li").CountAsync());
    }

    [Fact]
    public async Task ADeepLinkRestoresTheSearch()
    {
        var page = await OpenAsync("?ort=Olpe&umkreis=10");

        await Assertions.Expect(page.Locator("#result-status")).ToContainTextAsync("im Umkreis von 10 km");
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Ort oder Postleitzahl" })).ToHaveValueAsync("Olpe");
        await Assertions.Expect(page.GetByLabel("Umkreis")).ToHaveValueAsync("10");
    }

    [Fact]
    public async Task BackAndForwardReturnToEarlierSearches()
    {
        var page = await OpenAsync();
        var field = page.GetByRole(AriaRole.Combobox, new() { Name = "Ort oder Postleitzahl" });
        await field.FillAsync("Olpe");
        await field.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#origin-info")).ToContainTextAsync("In Olpe");
        await field.FillAsync("48143");
        await field.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#origin-info")).ToContainTextAsync("Münster");

        await page.GoBackAsync();
        await Assertions.Expect(page.Locator("#origin-info")).ToContainTextAsync("In Olpe");
        await page.GoForwardAsync();
        await Assertions.Expect(page.Locator("#origin-info")).ToContainTextAsync("Münster");
    }

    [Fact]
    public async Task TheKeyboardAloneLeadsFromTheSearchFieldToAResultsEmailLink()
    {
        var page = await OpenAsync();

        // The first Tab reaches the skip link to the search field.
        await page.Keyboard.PressAsync("Tab");
        await Assertions.Expect(page.Locator(":focus")).ToHaveTextAsync("Zur Suche springen");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#place-input")).ToBeFocusedAsync();
        await page.Keyboard.TypeAsync("Olp");
        await Assertions.Expect(page.GetByRole(AriaRole.Option).First).ToBeVisibleAsync();
        await page.Keyboard.PressAsync("ArrowDown");
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.Locator("#result-list li").First).ToBeVisibleAsync();

        for (var i = 0; i < 40; i++)
        {
            await page.Keyboard.PressAsync("Tab");
            var href = await page.EvaluateAsync<string?>("document.activeElement?.getAttribute('href')");
            if (href?.StartsWith("mailto:", StringComparison.Ordinal) == true
                && await page.EvaluateAsync<bool>("!!document.activeElement.closest('#result-list')"))
            {
                return;
            }
        }

        Assert.Fail("No e-mail link of a result was reached with Tab.");
    }

    [Fact]
    public async Task AHostileNameIsShownAsTextAndNeverRun()
    {
        var page = await OpenAsync();
        var dialogs = 0;
        page.Dialog += (_, dialog) => { dialogs++; _ = dialog.DismissAsync(); };

        await page.GetByRole(AriaRole.Combobox, new() { Name = "Ort oder Postleitzahl" }).FillAsync("Olpe");
        await page.GetByRole(AriaRole.Button, new() { Name = "Suchen" }).ClickAsync();

        await Assertions.Expect(page.Locator("#result-list")).ToContainTextAsync(BrowserFixture.HostileName);
        Assert.Equal(0, await page.Locator("#result-list img").CountAsync());
        await page.WaitForTimeoutAsync(300);
        Assert.Equal(0, dialogs);
    }

    [Theory]
    [InlineData("")]
    [InlineData("?ort=Olpe&umkreis=25")]
    public async Task AxeFindsNoWcag21AaViolations(string query)
    {
        var page = await OpenAsync(query);
        if (query.Length > 0)
        {
            await Assertions.Expect(page.Locator("#result-list li").First).ToBeVisibleAsync();
        }

        var result = await BrowserFixture.AxeViolationsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, query.Length == 0 ? "start" : "result");

        Assert.True(result.GetArrayLength() == 0, result.ToString());
    }

    [Fact]
    public async Task ThePageWorksAt320PixelsWidth()
    {
        var page = await OpenAsync("?ort=57462", new BrowserNewContextOptions { ViewportSize = new ViewportSize { Width = 320, Height = 640 } });

        await Assertions.Expect(page.Locator("#result-list li").First).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("document.documentElement.scrollWidth > document.documentElement.clientWidth");
        Assert.False(overflow, "the page scrolls sideways at 320 px");
        await BrowserFixture.ScreenshotAsync(page, "mobile-320");
    }

    [Fact]
    public async Task PrintingShowsTheListWithoutTheMap()
    {
        var page = await OpenAsync("?ort=Olpe");
        await Assertions.Expect(page.Locator("#result-list li").First).ToBeVisibleAsync();

        await page.EmulateMediaAsync(new() { Media = Media.Print });

        await Assertions.Expect(page.Locator("#map")).ToBeHiddenAsync();
        await Assertions.Expect(page.Locator("#result-list li").First).ToBeVisibleAsync();
    }

    [Fact]
    public async Task AClusterHasANameAndOpensWithTheKeyboard()
    {
        var page = await OpenAsync();
        var cluster = page.Locator(".marker-cluster").First;
        await Assertions.Expect(cluster).ToBeVisibleAsync();
        await Assertions.Expect(cluster).ToHaveAccessibleNameAsync(new System.Text.RegularExpressions.Regex("^[0-9]+ Familienmanager:innen an dieser Stelle"));
        var zoomBefore = await page.EvaluateAsync<string>("document.querySelector('.leaflet-proxy')?.style.transform ?? ''");

        await cluster.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await page.WaitForFunctionAsync("before => (document.querySelector('.leaflet-proxy')?.style.transform ?? '') !== before", zoomBefore);
    }

    [Fact]
    public async Task HoveringAResultHighlightsItsMarkerAndTheOtherWayRound()
    {
        var page = await OpenAsync("?ort=57462&umkreis=10");
        var first = page.Locator("#result-list li").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        var id = await first.GetAttributeAsync("data-manager-id");
        await page.WaitForTimeoutAsync(800); // the map flies to the results

        await first.HoverAsync();
        await Assertions.Expect(page.Locator($".manager-pin[data-manager='{id}']")).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("highlighted"));

        await page.Locator("#search-heading").HoverAsync();
        await page.Locator($".manager-pin[data-manager='{id}']").HoverAsync();
        await Assertions.Expect(first).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("highlighted"));

        await page.Locator("#search-heading").HoverAsync();
        await Assertions.Expect(first).Not.ToHaveClassAsync(new System.Text.RegularExpressions.Regex("highlighted"));
        await page.Locator($".manager-pin[data-manager='{id}']").FocusAsync();
        await Assertions.Expect(first).ToHaveClassAsync(new System.Text.RegularExpressions.Regex("highlighted"));
    }

    [Fact]
    public async Task TheAccessibilityStatementIsLinkedAndItselfAccessible()
    {
        var page = await OpenAsync();

        await page.GetByRole(AriaRole.Link, new() { Name = "Erklärung zur Barrierefreiheit" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Erklärung zur Barrierefreiheit", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Feedback und Kontakt" })).ToBeVisibleAsync();
        await BrowserFixture.InjectAxeAsync(page);
        var violations = await page.EvaluateAsync<int>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations.length");
        Assert.Equal(0, violations);
    }

    [Fact]
    public async Task EachResultSaysWhetherFamiliesMayTurnToThePersonWhereTheListSaysIt()
    {
        var page = await OpenAsync("?ort=Olpe&umkreis=50");
        await Assertions.Expect(page.Locator("#result-list li").First).ToBeVisibleAsync();
        var answer = await page.EvaluateAsync<JsonElement>("fetch('/api/managers/nearby?place=Olpe&radiusKm=50').then((r) => r.json())");

        var seen = new HashSet<JsonValueKind>();
        foreach (var result in answer.GetProperty("results").EnumerateArray())
        {
            var manager = result.GetProperty("manager");
            var kind = manager.GetProperty("familyContact").ValueKind;
            seen.Add(kind);
            var text = await page.Locator($"#result-list li[data-manager-id=\"{manager.GetProperty("id").GetInt32()}\"]").InnerTextAsync();
            Assert.Equal(kind == JsonValueKind.True, text.Contains("Ansprechpartnerin oder Ansprechpartner für Familien.", StringComparison.Ordinal));
            Assert.Equal(kind == JsonValueKind.False, text.Contains("Keine Beratung für Familien", StringComparison.Ordinal));
        }

        Assert.Equal(3, seen.Count); // yes, no and not stated all among the results
    }

    [Fact]
    public async Task ASearchDrawsItsRadiusToScaleAndEachResultLinksARouteAndItsPlaceOnTheMap()
    {
        var page = await OpenAsync("?ort=Olpe&umkreis=25");
        await Assertions.Expect(page.Locator("#result-status")).ToContainTextAsync("im Umkreis von 25 km");
        await Assertions.Expect(page.Locator(".origin-label")).ToContainTextAsync("Olpe");
        // The map's move ends before it is measured.
        await page.WaitForTimeoutAsync(1_500);

        // The circle's radius against the scale bar (its width in pixels stands for its label's distance).
        var circle = (await page.Locator("path.search-radius").BoundingBoxAsync())!;
        var scale = page.Locator(".leaflet-control-scale-line");
        var scaleMetres = double.Parse((await scale.InnerTextAsync()).Split(' ')[0], CultureInfo.InvariantCulture)
            * ((await scale.InnerTextAsync()).EndsWith("km", StringComparison.Ordinal) ? 1_000 : 1);
        var scalePixels = double.Parse((await scale.EvaluateAsync<string>("e => e.style.width")).Replace("px", ""), CultureInfo.InvariantCulture);
        var radiusMetres = circle.Width / 2 / (scalePixels / scaleMetres);
        Assert.InRange(radiusMetres, 25_000 * 0.99, 25_000 * 1.01);

        // Route: OpenStreetMap's directions from the origin (Olpe's label point) to the entry, in a new tab.
        var first = page.Locator("#result-list li").First;
        var route = first.GetByRole(AriaRole.Link, new() { NameRegex = new System.Text.RegularExpressions.Regex("^Route planen zu ") });
        var href = await route.GetAttributeAsync("href");
        Assert.Matches(@"^https://www\.openstreetmap\.org/directions\?route=51\.\d+%2C7\.\d+%3B5\d\.\d+%2C[678]\.\d+$", href);
        Assert.Equal(("_blank", "noopener"), (await route.GetAttributeAsync("target"), await route.GetAttributeAsync("rel")));

        // "Auf der Karte zeigen" opens the entry's card on the map.
        var name = await first.Locator("h3").InnerTextAsync();
        await first.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("auf der Karte zeigen$") }).ClickAsync();
        await Assertions.Expect(page.Locator(".leaflet-popup-content")).ToContainTextAsync(name);
    }
}
