using Microsoft.Playwright;

namespace Directory.Web.Tests;

/// <summary>The OGC API's HTML pages in the browser: the features of a page on a map beside their table, accessible.</summary>
public sealed class OgcPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private IBrowserContext? context;

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/ogc/collections/gemeinden/items?f=html&limit=20&filter=kreis%3D'05966'", 7, "path.leaflet-interactive")]
    [InlineData("/ogc/collections/familienmanager/items?f=html&limit=25&crs=http://www.opengis.net/def/crs/EPSG/0/25832", 25, "path.leaflet-interactive")]
    [InlineData("/ogc/collections/kreise/items/05966?f=html", 1, "path.leaflet-interactive")]
    public async Task APageShowsItsFeaturesOnAMapBesideTheTableWithoutAxeViolations(string path, int features, string drawn)
    {
        context = await browser.Browser.NewContextAsync(new() { Locale = "de-DE", BypassCSP = true, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseAddress + path);

        // Drawn from the page's own GeoJSON, in degrees even when the page was asked in EPSG:25832.
        await page.WaitForFunctionAsync($"document.querySelectorAll('#ogc-map {drawn}').length === {features}");
        var map = (await page.Locator("#ogc-map").BoundingBoxAsync())!;
        var table = (await page.Locator(".ogc-table").BoundingBoxAsync())!;
        Assert.True(map.X + map.Width <= table.X + 1, "the map stands beside the table");
        if (features > 1)
        {
            Assert.Equal(features, await page.Locator(".ogc-table tbody tr").CountAsync());
        }

        var violations = await BrowserFixture.AxeViolationsAsync(page);
        Assert.True(violations.GetArrayLength() == 0, violations.ToString());
        await BrowserFixture.ScreenshotAsync(page, "ogc-" + path.Split('?')[0].Replace('/', '-').Trim('-'));
    }
}
