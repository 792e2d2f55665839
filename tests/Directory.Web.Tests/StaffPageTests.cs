using System.Text.Json;
using System.Text.RegularExpressions;
using Directory.Testing;
using Microsoft.Playwright;

namespace Directory.Web.Tests;

/// <summary>
/// The staff area in a real browser, under its Content-Security-Policy: sign in with the one-time password, set an
/// own one, upload a list with errors and read the report, upload a correct list and apply it, sign out.
/// </summary>
public sealed class StaffPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private static readonly string Lists = Path.Combine(RepositoryPaths.Root, "tests", "TestData", "lists");
    private const string OwnPassword = "Ein Satz als eigenes Passwort";
    private IBrowserContext? context;

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    [Fact]
    public async Task StaffSignInUploadAListWithErrorsReadTheReportThenApplyACorrectOne()
    {
        var oneTime = await AddAccountAsync("tina");
        context = await browser.Browser.NewContextAsync(new() { Locale = "de-DE" });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };

        // Without a session the area leads to the sign-in.
        await page.GotoAsync(browser.BaseAddress + "/verwaltung");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/verwaltung/anmelden\\?ReturnUrl=%2Fverwaltung$"));
        await page.GetByLabel("Kontoname").FillAsync("tina");
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(oneTime);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();

        // The one-time password leads to the password page first.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/verwaltung/passwort$"));
        await page.GetByLabel("Bisheriges Passwort").FillAsync(oneTime);
        await page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync(OwnPassword);
        await page.GetByLabel("Neues Passwort wiederholen").FillAsync(OwnPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Übersicht", Level = 1 })).ToBeVisibleAsync();

        // A list with errors: the report names row and column, and nothing can be applied.
        await page.GetByRole(AriaRole.Link, new() { Name = "Liste hochladen" }).First.ClickAsync();
        await page.GetByLabel("Datei").SetInputFilesAsync(Path.Combine(Lists, "problems.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfen und Vorschau zeigen" }).ClickAsync();
        var problems = page.GetByRole(AriaRole.Table, new() { Name = "Probleme je Zeile" });
        await Assertions.Expect(problems.GetByRole(AriaRole.Row).Filter(new() { HasText = "„4711“ ist keine gültige Postleitzahl" }))
            .ToContainTextAsync("PLZ");
        await Assertions.Expect(page.GetByText("Import abgebrochen: 12 Fehler")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Button, new() { Name = "Übernehmen" })).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Button, new() { Name = "Verwerfen" }).ClickAsync();

        // A correct list, added to the directory: preview, then apply.
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/verwaltung/hochladen$"));
        await page.GetByLabel("Datei").SetInputFilesAsync(Path.Combine(Lists, "utf8-bom-semicolon-wgs84.csv"));
        await page.GetByLabel("ergänzt das Verzeichnis").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfen und Vorschau zeigen" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Neu (3):")).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Jürgen Beispiel (K-001, 05966024)")).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Übernehmen" }).ClickAsync();

        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/verwaltung/verlauf#eintrag-\\d+$"));
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "utf8-bom-semicolon-wgs84.csv" });
        await Assertions.Expect(row).ToContainTextAsync("tina");
        await Assertions.Expect(row).ToContainTextAsync("ergänzen");

        // The public sees the new entry with consent, and not the one without.
        using var http = new HttpClient();
        var managers = await http.GetStringAsync(browser.BaseAddress + "/api/managers/nearby?plz=57462&radius=5&limit=100", TestContext.Current.CancellationToken);
        Assert.Contains("Jürgen Beispiel", managers);
        Assert.DoesNotContain("Käthe Muster", managers);

        // Signing out from the header ends the session: the cookie is gone, and a copy of it opens nothing.
        var session = (await context.CookiesAsync()).Where(c => c.Name.EndsWith("FamilienmanagerNrw.Verwaltung", StringComparison.Ordinal)).ToList();
        Assert.Single(session);
        await page.GetByRole(AriaRole.Button, new() { Name = "Abmelden (tina)" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/verwaltung/anmelden$"));
        Assert.DoesNotContain(await context.CookiesAsync(), c => c.Name.EndsWith("FamilienmanagerNrw.Verwaltung", StringComparison.Ordinal));
        await using var copied = await browser.Browser.NewContextAsync(new() { Locale = "de-DE" });
        await copied.AddCookiesAsync(session.Select(c => new Cookie { Name = c.Name, Value = c.Value, Domain = c.Domain, Path = c.Path }));
        var withOldCookie = await (await copied.NewPageAsync()).GotoAsync(browser.BaseAddress + "/verwaltung/eintraege");
        Assert.Equal(401, withOldCookie!.Status);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task AxeFindsNoWcag21AaViolationsOnTheStaffPages()
    {
        var oneTime = await AddAccountAsync("uwe");
        // axe is evaluated in the page; this context bypasses the CSP (the test above checks it).
        context = await browser.Browser.NewContextAsync(new() { Locale = "de-DE", BypassCSP = true });
        var page = await context.NewPageAsync();
        await page.GotoAsync(browser.BaseAddress + "/verwaltung/anmelden");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Kontoname").FillAsync("uwe");
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(oneTime);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/verwaltung/passwort$"));
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Bisheriges Passwort").FillAsync(oneTime);
        await page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync(OwnPassword);
        await page.GetByLabel("Neues Passwort wiederholen").FillAsync(OwnPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Übersicht", Level = 1 })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GotoAsync(browser.BaseAddress + "/verwaltung/hochladen");
        await AssertAccessibleAsync(page);
        await page.GetByLabel("Datei").SetInputFilesAsync(Path.Combine(Lists, "problems.csv"));
        await page.GetByRole(AriaRole.Button, new() { Name = "Prüfen und Vorschau zeigen" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Probleme je Zeile" })).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);

        await page.GotoAsync(browser.BaseAddress + "/verwaltung/eintraege?q=Olpe");
        await AssertAccessibleAsync(page);
        await page.GetByRole(AriaRole.Table).GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByLabel("E-Mail")).ToBeVisibleAsync();
        await AssertAccessibleAsync(page);
        await page.GotoAsync(browser.BaseAddress + "/verwaltung/verlauf");
        await AssertAccessibleAsync(page);
    }

    private static async Task AssertAccessibleAsync(IPage page)
    {
        await BrowserFixture.InjectAxeAsync(page);
        var violations = await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
            ".map(v => ({ id: v.id, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))");
        Assert.True(violations.GetArrayLength() == 0, $"{page.Url}: {violations}");
    }

    private Task<string> AddAccountAsync(string name) => browser.AddStaffAccountAsync(name);
}
