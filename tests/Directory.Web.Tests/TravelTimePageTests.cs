using System.Text;
using Directory.Core.Roads;
using Directory.Core.Roads.Import;
using Directory.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Directory.Web.Tests;

/// <summary>
/// With a road network (the Aachen extract) and a family manager at Aachen's cathedral: the results say the minutes by
/// car and on foot, the coverage page offers minutes and shows them, and both stay accessible.
/// </summary>
public sealed class TravelTimePageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncLifetime
{
    private IBrowserContext? context;

    public async ValueTask InitializeAsync()
    {
        using var folder = new TemporaryDirectory();
        var list = folder.File("dom.csv");
        await File.WriteAllTextAsync(list,
            "Zertifikatsnummer;Nachname;Vorname;AGS;Organisation;PLZ;Ort;Zertifiziert am;Status;Veröffentlichen;Breitengrad;Längengrad\n" +
            "DOM-0001;Domhof;Dora;05334002;Stadt Aachen;52062;Aachen;01.06.2020;aktiv;ja;50,774722;6,083889\n", Encoding.UTF8);
        if (await browser.Services.GetRequiredService<Directory.Core.Snapshot.SnapshotProvider>().Current.Served.Roads is null)
        {
            await browser.ImportRoadsAsync(RoadNetwork.Prepare(OsmRoadReader.Read(RepositoryPaths.OsmExtract("aachen.osm.pbf"))), list);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    private async Task<IPage> NewPageAsync()
    {
        context = await browser.Browser.NewContextAsync(new() { Locale = "de-DE", ViewportSize = new() { Width = 1280, Height = 1000 } });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task EachResultSaysTheMinutesByCarAndOnFootWithTheSourceOfTheRoads()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(browser.BaseAddress + "?lat=50.7677&lon=6.0912&umkreis=10");

        var first = page.Locator("#results li").First;
        await Assertions.Expect(first).ToContainTextAsync("Dora Domhof");
        await Assertions.Expect(first.Locator(".travel")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"^ca\. \d+ Min\. mit dem Auto · \d+ Min\. zu Fuß$"));
        await Assertions.Expect(page.Locator("#origin-info")).ToContainTextAsync("© OpenStreetMap-Mitwirkende, ODbL");
        // A manager outside the extract: estimated by straight line, and said so.
        await Assertions.Expect(page.Locator("#results li .travel", new() { HasText = "Luftlinie" }).First).ToBeVisibleAsync();
        await BrowserFixture.InjectAxeAsync(page);
        Assert.Equal(0, (await BrowserFixture.AxeViolationsAsync(page)).GetArrayLength());
    }

    [Fact]
    public async Task TheCoveragePageSwitchesBetweenKilometresAndMinutes()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(browser.BaseAddress.TrimEnd('/') + "/abdeckung");
        await Assertions.Expect(page.Locator("#coverage-summary")).ToContainTextAsync("km Luftlinie");
        await Assertions.Expect(page.Locator("#reach-choice")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#method-travel")).ToContainTextAsync("© OpenStreetMap-Mitwirkende");

        await page.Locator("#reach-select").SelectOptionAsync("auto");

        await Assertions.Expect(page.Locator("#coverage-summary")).ToContainTextAsync("in höchstens 15 Min. mit dem Auto");
        await Assertions.Expect(page.Locator("#radius-output")).ToHaveTextAsync("15 Min. mit dem Auto");
        Assert.Contains("reichweite=auto", page.Url);
        Assert.Contains("minuten=15", page.Url);
        await Assertions.Expect(page.Locator("#csv-link")).ToHaveAttributeAsync("href", new System.Text.RegularExpressions.Regex("minutes=15&mode=car"));
        await Assertions.Expect(page.Locator("#planning-caption")).ToContainTextAsync("15 Min. mit dem Auto");
        // Planning in minutes is answered for a Kreis or a Gemeinde only (issue 32): for NRW the page says so.
        await Assertions.Expect(page.Locator("#planning-summary")).ToContainTextAsync("für einen Kreis oder eine Gemeinde");
        await BrowserFixture.InjectAxeAsync(page);
        Assert.Equal(0, (await BrowserFixture.AxeViolationsAsync(page)).GetArrayLength());

        // The URL keeps the choice.
        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#reach-select")).ToHaveValueAsync("auto");
        await Assertions.Expect(page.Locator("#coverage-summary")).ToContainTextAsync("Min. mit dem Auto");
    }
}
