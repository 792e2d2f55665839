using System.Text.Json;
using Microsoft.Playwright;

namespace Directory.Web.Tests;

/// <summary>
/// The public pages in each language, as a reader of that language sees them: lang and dir, the texts the scripts
/// write, accessibility, right to left for Arabic with the map left to right; and the map's own names.
/// </summary>
public sealed class LanguagePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private IBrowserContext? context;

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    private async Task<IPage> OpenAsync(string query, string locale = "de-DE", int width = 1280)
    {
        context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            Locale = locale,
            BypassCSP = true, // page.EvaluateAsync; CspTests checks the policy itself
            ViewportSize = new ViewportSize { Width = width, Height = 900 },
        });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseAddress + query);
        await page.WaitForFunctionAsync("document.querySelectorAll('path[data-ags]').length === 396");
        return page;
    }

    public static TheoryData<string, string, string> Languages => new()
    {
        { "de", "ltr", "im Umkreis von 25 km" },
        { "en", "ltr", "within 25 km" },
        { "tr", "ltr", "25 km içinde" },
        { "ar", "rtl", "ضمن 25 كم" },
        { "uk", "ltr", "радіусі 25 км" },
    };

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task TheStartAndResultPagesSpeakTheLanguageWithoutAxeViolations(string language, string dir, string resultPhrase)
    {
        var page = await OpenAsync($"?sprache={language}");
        Assert.Equal(language, await page.GetAttributeAsync("html", "lang"));
        Assert.Equal(dir, await page.GetAttributeAsync("html", "dir"));
        Assert.Equal("ltr", await page.GetAttributeAsync("#map", "dir")); // the map is never mirrored
        var startViolations = await BrowserFixture.AxeViolationsAsync(page);

        await page.GotoAsync(browser.BaseAddress + $"?sprache={language}&ort=Olpe&umkreis=25");
        await Assertions.Expect(page.Locator("#result-status")).ToContainTextAsync(resultPhrase);
        await Assertions.Expect(page.Locator("#result-list li").First).ToBeVisibleAsync();
        // The language stays chosen in the address the search wrote and in the page's links.
        Assert.Contains($"sprache={language}", page.Url);
        Assert.EndsWith($"abdeckung?sprache={language}", await page.Locator("header nav:not(.language-switch) a").Nth(1).GetAttributeAsync("href"));
        var resultViolations = await BrowserFixture.AxeViolationsAsync(page);
        await BrowserFixture.ScreenshotAsync(page, $"result-{language}");

        Assert.True(startViolations.GetArrayLength() == 0, startViolations.ToString());
        Assert.True(resultViolations.GetArrayLength() == 0, resultViolations.ToString());
    }

    [Fact]
    public async Task TheEnglishResultPageHasNoGermanInterfaceText()
    {
        var page = await OpenAsync("?ort=Olpe&umkreis=25", locale: "en-GB"); // the browser's language decides
        await Assertions.Expect(page.Locator("#result-list li").First).ToBeVisibleAsync();
        await page.Locator("#municipality-select").SelectOptionAsync("05966024"); // Olpe: the region panel too
        await Assertions.Expect(page.Locator("#region-info h3")).ToHaveTextAsync("Olpe");

        // Names of places, people and organisations are German; everything the interface says is not.
        var interfaceText = await page.EvaluateAsync<string>("""
            () => {
              const copy = document.body.cloneNode(true);
              copy.querySelectorAll('.result-list h3, .manager-card, .origin-label, .map-label, .leaflet-tooltip, #municipality-select, [lang="de"], .leaflet-control-attribution, #region-info h3, #region-info li, #region-info dd, .site-footer li')
                .forEach((e) => e.remove());
              return copy.innerText;
            }
            """);

        Assert.Equal("en", await page.GetAttributeAsync("html", "lang"));
        foreach (var phrase in new[] { "Umkreis", "Suche", "Ergebnisse", "Gemeinde auswählen", "Familienmanager:in", "Karte", "entfernt",
                     "Route planen", "Auf der Karte", "Datenquellen", "Einwohner", "Fläche", "Gesucht ab", "arbeitet", "zuständig" })
        {
            Assert.DoesNotContain(phrase, interfaceText);
        }

        Assert.Contains("Plan a route", interfaceText);
        Assert.Contains("Residents", interfaceText);
    }

    [Fact]
    public async Task ArabicIsMirroredButTheMapIsNot()
    {
        var page = await OpenAsync("?sprache=ar&ort=Olpe&umkreis=25");
        await Assertions.Expect(page.Locator("#result-list li").First).ToBeVisibleAsync();
        await page.WaitForTimeoutAsync(1_000); // the map's move to the result
        await BrowserFixture.ScreenshotAsync(page, "rtl-ar");

        // The list and its panel stand on the right, the map on the left; inside the map, west is on the left.
        var side = (await page.Locator(".side").BoundingBoxAsync())!;
        var map = (await page.Locator("#map").BoundingBoxAsync())!;
        Assert.True(side.X > map.X, $"side at {side.X}, map at {map.X}");
        // Nothing hangs out on the scrolling side (to the left in right-to-left text): no sideways scrolling.
        Assert.True(await page.EvaluateAsync<bool>("document.documentElement.scrollWidth <= document.documentElement.clientWidth"));
        Assert.Equal("rtl", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('.result-list')).direction"));
        Assert.Equal("ltr", await page.EvaluateAsync<string>("getComputedStyle(document.querySelector('#map')).direction"));
        var west = await page.EvaluateAsync<double>("(() => { const e = document.querySelector('path[data-ags=\"05334002\"]').getBoundingClientRect(); return e.x; })()"); // Aachen
        var east = await page.EvaluateAsync<double>("(() => { const e = document.querySelector('path[data-ags=\"05966024\"]').getBoundingClientRect(); return e.x; })()"); // Olpe
        Assert.True(west < east);
        // Numbers in the language's form, the distance in its unit.
        await Assertions.Expect(page.Locator("#result-list .distance").First).ToContainTextAsync("كم");
    }

    public static TheoryData<string> TextPages => new("/familienmanagerin", "/barrierefreiheit", "/abdeckung", "/leichte-sprache");

    [Theory]
    [MemberData(nameof(TextPages))]
    public async Task TheOtherPagesHaveNoAxeViolationsInEnglishAndArabic(string path)
    {
        foreach (var language in new[] { "en", "ar" })
        {
            context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", BypassCSP = true });
            var page = await context.NewPageAsync();
            await page.GotoAsync(browser.BaseAddress + path + $"?sprache={language}");
            if (path == "/abdeckung")
            {
                await page.WaitForFunctionAsync("document.querySelectorAll('#coverage-table tbody tr').length > 0");
            }

            var violations = await BrowserFixture.AxeViolationsAsync(page);
            Assert.True(violations.GetArrayLength() == 0, $"{path} {language}: {violations}");
            await context.DisposeAsync();
            context = null;
        }
    }

    [Fact]
    public async Task TheLanguageSwitchKeepsTheSearch()
    {
        var page = await OpenAsync("?ort=Olpe&umkreis=10");
        await Assertions.Expect(page.Locator("#result-list li").First).ToBeVisibleAsync();

        await page.Locator(".language-switch a[data-language=tr]").ClickAsync();
        await page.WaitForFunctionAsync("document.querySelectorAll('path[data-ags]').length === 396");

        Assert.Equal("tr", await page.GetAttributeAsync("html", "lang"));
        await Assertions.Expect(page.Locator("#result-status")).ToContainTextAsync("10 km içinde");
        Assert.Contains("ort=Olpe", page.Url);
    }

    [Fact]
    public async Task MapNamesShowKreiseAtTheOverviewAndGemeindenCloserWithoutOverlapping()
    {
        var page = await OpenAsync("");
        var overview = await LabelsAsync(page);
        Assert.All(overview, l => Assert.Equal("kreis", l.Kind));
        Assert.Contains(overview, l => l.Name == "Köln");
        Assert.True(overview.Count >= 20, $"{overview.Count} names at the overview");
        AssertDisjoint(overview);
        Assert.Equal("true", await page.GetAttributeAsync(".map-labels", "aria-hidden"));

        // Closer: a search within 10 km of Olpe fits the map to its circle, with the Gemeinden around it.
        await page.Locator("#place-input").FillAsync("Olpe");
        await page.Locator("#radius-select").SelectOptionAsync("10");
        await page.Locator("#search-form button[type=submit]").ClickAsync();
        await page.WaitForFunctionAsync("document.querySelector('.map-label-gemeinde') !== null", null, new() { Timeout = 10_000 });
        await page.WaitForTimeoutAsync(1_000); // the fly to the circle ends
        var close = await LabelsAsync(page);
        Assert.All(close, l => Assert.Equal("gemeinde", l.Kind));
        Assert.Contains(close, l => l.Name == "Olpe");
        Assert.True(close.Count >= 5, $"{close.Count} names close up");
        AssertDisjoint(close);
        await BrowserFixture.ScreenshotAsync(page, "labels-olpe");
    }

    private sealed record Label(string Name, string Kind, double X, double Y, double Width, double Height);

    private static async Task<List<Label>> LabelsAsync(IPage page)
    {
        var labels = await page.EvaluateAsync<JsonElement>("""
            () => [...document.querySelectorAll('.map-label')].map((e) => {
              const r = e.getBoundingClientRect();
              return { name: e.textContent, kind: e.classList.contains('map-label-kreis') ? 'kreis' : 'gemeinde', x: r.x, y: r.y, width: r.width, height: r.height,
                visible: getComputedStyle(e).visibility !== 'hidden' && getComputedStyle(e.parentElement).visibility !== 'hidden' };
            })
            """);
        Assert.All(labels.EnumerateArray(), l => Assert.True(l.GetProperty("visible").GetBoolean()));
        return labels.EnumerateArray().Select(l => new Label(l.GetProperty("name").GetString()!, l.GetProperty("kind").GetString()!,
            l.GetProperty("x").GetDouble(), l.GetProperty("y").GetDouble(), l.GetProperty("width").GetDouble(), l.GetProperty("height").GetDouble())).ToList();
    }

    private static void AssertDisjoint(List<Label> labels)
    {
        Assert.All(labels, l => Assert.True(l.Width > 0 && l.Height > 0, l.Name));
        for (var i = 0; i < labels.Count; i++)
        {
            for (var j = i + 1; j < labels.Count; j++)
            {
                var (a, b) = (labels[i], labels[j]);
                var overlap = a.X < b.X + b.Width && b.X < a.X + a.Width && a.Y < b.Y + b.Height && b.Y < a.Y + a.Height;
                Assert.False(overlap, $"{a.Name} and {b.Name} overlap");
            }
        }
    }
}
