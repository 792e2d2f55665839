using System.Globalization;
using System.Text.Json;
using Directory.Testing;
using Microsoft.Playwright;

namespace Directory.Web.Tests;

public sealed class MapPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private IBrowserContext? context;

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    private async Task<(IPage Page, List<string> Requests)> OpenAsync()
    {
        context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions { Locale = "de-DE", BypassCSP = true /* see SearchPageTests */, ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var requests = new List<string>();
        var failures = new List<string>();
        page.Request += (_, request) => requests.Add(request.Url);
        page.Response += (_, response) =>
        {
            if (response.Status >= 400)
            {
                failures.Add($"{response.Status} {response.Url}");
            }
        };
        await page.GotoAsync(browser.BaseAddress);
        // Leaflet has drawn every municipality when 396 paths carry their AGS.
        await page.WaitForFunctionAsync("document.querySelectorAll('path[data-ags]').length === 396");
        Assert.Empty(failures);
        return (page, requests);
    }

    /// <summary>The population as the source file gives it, formatted as a German reader expects it.</summary>
    private static string SourcePopulation(string ags)
    {
        using var source = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.DataFile("nrw-gemeinden.geojson")));
        var population = source.RootElement.GetProperty("features").EnumerateArray()
            .Single(f => f.GetProperty("properties").GetProperty("ags").GetString() == ags)
            .GetProperty("properties").GetProperty("population").GetInt32();
        return population.ToString("N0", CultureInfo.GetCultureInfo("de-DE"));
    }

    [Fact]
    public async Task ThePageDrawsAllMunicipalitiesAndKreisBordersFromTheServiceAlone()
    {
        var (page, requests) = await OpenAsync();

        Assert.Equal(396, await page.Locator("path[data-ags]").CountAsync());
        // Kreis borders: 53 more, non-interactive paths drawn on top.
        Assert.Equal(396 + 53, await page.Locator(".leaflet-overlay-pane path[data-ags], .leaflet-overlay-pane path:not(.leaflet-interactive)").CountAsync());
        // The loading message is gone (the status line is emptied, not replaced by an error).
        await Assertions.Expect(page.Locator("#map-status")).ToHaveTextAsync("");
        Assert.All(requests, url => Assert.StartsWith(browser.BaseAddress, url));
    }

    [Fact]
    public async Task ClickingAMunicipalityShowsItsNameKreisPopulationAndWhoWorksForIt()
    {
        var (page, _) = await OpenAsync();

        // Hallenberg: no manager of its own, so no marker in the way; the Hochsauerlandkreis has a Kreis-level office.
        await page.Locator("path[data-ags='05958020']").ClickAsync();

        var info = page.Locator("#region-info");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Hallenberg", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(info).ToContainTextAsync(SourcePopulation("05958020"));
        await Assertions.Expect(info).ToContainTextAsync("Hochsauerlandkreis");
        await Assertions.Expect(info).ToContainTextAsync("für den ganzen Kreis");
        await Assertions.Expect(page.GetByRole(AriaRole.Combobox, new() { Name = "Gemeinde auswählen" })).ToHaveValueAsync("05958020");
    }

    [Fact]
    public async Task AMunicipalityCanBeChosenWithTheKeyboardFromTheList()
    {
        var (page, _) = await OpenAsync();

        var list = page.GetByRole(AriaRole.Combobox, new() { Name = "Gemeinde auswählen" });
        await list.FocusAsync();
        await list.SelectOptionAsync(new SelectOptionValue { Label = "Olpe" });

        var info = page.Locator("#region-info");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Olpe", Exact = true })).ToBeVisibleAsync();
        await Assertions.Expect(info).ToContainTextAsync("Kreis Olpe");
        await Assertions.Expect(info).ToContainTextAsync("Arnsberg");
        await Assertions.Expect(info).ToContainTextAsync(SourcePopulation("05966024"));
    }
}
