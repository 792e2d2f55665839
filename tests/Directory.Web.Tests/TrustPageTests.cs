using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Directory.Web.Tests;

/// <summary>
/// Trust in the entries and the map on other sites, in the browser: a citizen reports an error, staff see it, edit
/// the entry and mark the report done; the entries say when they were checked; another origin embeds the view.
/// </summary>
public sealed class TrustPageTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private IBrowserContext? context;

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    private async Task<IPage> NewPageAsync(bool bypassCsp = false)
    {
        context = await browser.Browser.NewContextAsync(new() { Locale = "de-DE", BypassCSP = bypassCsp, ViewportSize = new() { Width = 1280, Height = 900 } });
        return await context.NewPageAsync();
    }

    [Fact]
    public async Task ACitizenReportsAnErrorStaffSeeItEditTheEntryAndMarkItDone()
    {
        var page = await NewPageAsync();
        var cspViolations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                cspViolations.Add(message.Text);
            }
        };

        // From a search result to the entry's own page and its form.
        await page.GotoAsync(browser.BaseAddress + "/?ort=Olpe&umkreis=10");
        var first = page.Locator("#result-list li").First;
        await Assertions.Expect(first).ToBeVisibleAsync();
        await Assertions.Expect(first.Locator(".last-checked")).ToHaveTextAsync(new Regex(@"^Stand: (Januar|Februar|März|April|Mai|Juni|Juli|August|September|Oktober|November|Dezember) 20\d\d$"));
        var name = await first.Locator("h3").InnerTextAsync();
        await first.GetByRole(AriaRole.Link, new() { Name = $"Fehler melden zum Eintrag von {name}" }).ClickAsync();
        await Assertions.Expect(page).ToHaveURLAsync(new Regex(@"/eintrag\?id=\d+#fehler-melden$"));
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = name, Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#fehler-melden")).ToBeFocusedAsync();

        // Nothing chosen: the form says what is missing, and sends nothing.
        await page.GetByRole(AriaRole.Button, new() { Name = "Meldung senden" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-kind-error")).ToHaveTextAsync("Bitte wählen Sie, was nicht stimmt.");

        const string text = "Die Telefonnummer stimmt nicht mehr. <b>Neue</b>: 02761 83-999";
        await page.GetByLabel("Kontaktdaten (E-Mail, Telefon, Website)").CheckAsync();
        await page.GetByLabel("Was genau?").FillAsync(text);
        await page.GetByLabel("Ihre E-Mail-Adresse für eine Antwort").FillAsync("leser@example.org");
        await page.GetByLabel("Ich bin einverstanden").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Meldung senden" }).ClickAsync();
        await Assertions.Expect(page.Locator("#report-result")).ToHaveTextAsync("Danke! Ihre Meldung ist angekommen.");
        var entryId = new Regex(@"id=(\d+)").Match(page.Url).Groups[1].Value;

        // Staff: the overview counts it, "Meldungen" shows it as text, with the way to the entry.
        await browser.SignInAsNewStaffAsync(page, "mara");
        await Assertions.Expect(page.Locator("#offene-meldungen")).ToContainTextAsync("offene Meldung");
        await page.GetByRole(AriaRole.Navigation).GetByRole(AriaRole.Link, new() { Name = "Meldungen" }).ClickAsync();
        var group = page.Locator($"section[aria-labelledby=meldungen-{entryId}]");
        await Assertions.Expect(group.Locator(".report-message").First).ToHaveTextAsync(text);
        await Assertions.Expect(group).ToContainTextAsync("leser@example.org");

        await group.GetByRole(AriaRole.Link, new() { Name = "Eintrag bearbeiten" }).ClickAsync();
        await page.GetByLabel("Telefon").FillAsync("02761 83-999");
        await page.GetByRole(AriaRole.Button, new() { Name = "Speichern" }).ClickAsync();
        await Assertions.Expect(page.Locator("#gespeichert")).ToContainTextAsync("Telefon");

        await page.GotoAsync(browser.BaseAddress + "/verwaltung/meldungen");
        await page.Locator($"section[aria-labelledby=meldungen-{entryId}]").GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Meldung vom .* als erledigt markieren$") }).First.ClickAsync();
        await Assertions.Expect(page.Locator("#erledigt-hinweis")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator($"section[aria-labelledby=meldungen-{entryId}]")).ToHaveCountAsync(0);

        await page.GotoAsync(browser.BaseAddress + "/verwaltung/verlauf");
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "Meldung erledigt" }).First;
        await Assertions.Expect(row).ToContainTextAsync("mara");
        Assert.True(cspViolations.Count == 0, string.Join("\n", cspViolations));
    }

    [Fact]
    public async Task TheNewPagesHaveNoAxeViolations()
    {
        var page = await NewPageAsync(bypassCsp: true);
        foreach (var (path, ready) in new[]
                 {
                     ("/eintrag?id=1#fehler-melden", "#report-form"),
                     ("/eintrag?id=1&sprache=ar", "#report-form"),
                     ("/einbetten", "#embed-code"),
                     ("/einbetten/karte?gebiet=05966", "#embed-list li"),
                     ("/einbetten/karte?gebiet=05966024&umkreis=10&sprache=en", "#embed-list li"),
                 })
        {
            await page.GotoAsync(browser.BaseAddress + path);
            await Assertions.Expect(page.Locator(ready).First).ToBeVisibleAsync();
            var violations = await BrowserFixture.AxeViolationsAsync(page);
            Assert.True(violations.GetArrayLength() == 0, $"{path}: {violations}");
        }

        await browser.SignInAsNewStaffAsync(page, "axel");
        foreach (var path in new[] { "/verwaltung", "/verwaltung/meldungen", "/verwaltung/eintraege/1" })
        {
            await page.GotoAsync(browser.BaseAddress + path);
            var violations = await BrowserFixture.AxeViolationsAsync(page);
            Assert.True(violations.GetArrayLength() == 0, $"{path}: {violations}");
        }
    }

    [Fact]
    public async Task TheGeneratorsSnippetEmbedsTheViewItPreviews()
    {
        var page = await NewPageAsync();
        await page.GotoAsync(browser.BaseAddress + "/einbetten");
        await page.GetByLabel("Gebiet").SelectOptionAsync(new SelectOptionValue { Label = "Kreis Olpe" });
        await page.GetByLabel("Umkreis (freiwillig)").SelectOptionAsync("10");
        await page.GetByLabel("Sprache der Ansicht").SelectOptionAsync("tr");

        var code = await page.GetByLabel("HTML zum Einfügen").InputValueAsync();
        Assert.Matches("^<iframe src=\"http://127\\.0\\.0\\.1:\\d+/einbetten/karte\\?gebiet=05966&amp;umkreis=10&amp;sprache=tr\" title=\"Familienmanager:innen für Kreis Olpe\" width=\"100%\" height=\"560\" style=\"border:0\" loading=\"lazy\"></iframe>$", code);
        var preview = page.FrameLocator("#embed-preview");
        await Assertions.Expect(preview.Locator("#embed-list li").First).ToBeVisibleAsync();
        await Assertions.Expect(preview.Locator("html")).ToHaveAttributeAsync("lang", "tr");
        await Assertions.Expect(preview.Locator("#embed-heading")).ToHaveTextAsync("Kreis Olpe için aile yöneticileri");
    }

    [Fact]
    public async Task AListedOriginOn127001EmbedsTheViewAndItWorksAnUnlistedOneIsRefused()
    {
        var frameSource = browser.BaseAddress + "/einbetten/karte?gebiet=05966&sprache=de";
        using var partner = HostPage.Serve(browser.PartnerOrigin, frameSource);
        using var stranger = HostPage.Serve($"http://127.0.0.1:{BrowserFixture.FreePort()}", frameSource);
        var page = await NewPageAsync();

        // Listed: the view loads inside the other origin's page, with its list, map and entries.
        await page.GotoAsync(partner.Address);
        var frame = page.FrameLocator("iframe");
        await Assertions.Expect(frame.Locator("#embed-heading")).ToHaveTextAsync("Familienmanager:innen für Kreis Olpe");
        var entries = frame.Locator("#embed-list li");
        await Assertions.Expect(entries.First).ToBeVisibleAsync();
        Assert.True(await entries.CountAsync() >= 3);
        await Assertions.Expect(frame.Locator("path[data-ags]").First).ToBeAttachedAsync();
        // Its links open a new tab, never inside the host's frame.
        var popup = await page.RunAndWaitForPopupAsync(() => entries.First.GetByRole(AriaRole.Link, new() { NameRegex = new Regex("^Fehler melden") }).ClickAsync());
        await Assertions.Expect(popup).ToHaveURLAsync(new Regex(@"/eintrag\?id=\d+&sprache=de#fehler-melden$"));
        await popup.CloseAsync();
        Assert.Equal(partner.Address, page.Url);

        // Not listed: the browser refuses to show the view (CSP frame-ancestors); nothing of it is in the frame.
        var refused = new TaskCompletionSource<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("frame-ancestors", StringComparison.Ordinal))
            {
                refused.TrySetResult(message.Text);
            }
        };
        await page.GotoAsync(stranger.Address);
        Assert.Contains("frame-ancestors", await refused.Task.WaitAsync(TimeSpan.FromSeconds(20), TestContext.Current.CancellationToken));
        await Assertions.Expect(page.FrameLocator("iframe").Locator("#embed-heading")).ToHaveCountAsync(0);
    }

    /// <summary>A page on another origin that frames the view: a real HTTP server on 127.0.0.1.</summary>
    private sealed class HostPage : IDisposable
    {
        private readonly HttpListener listener = new();
        private readonly CancellationTokenSource stop = new();

        private HostPage(string origin, string frameSource)
        {
            Address = origin + "/";
            listener.Prefixes.Add(Address);
            listener.Start();
            var html = Encoding.UTF8.GetBytes(
                $"<!doctype html><html lang=\"de\"><head><title>Partnerseite</title></head><body><h1>Stadt Beispiel</h1>" +
                $"<iframe src=\"{WebUtility.HtmlEncode(frameSource)}\" title=\"Familienmanager:innen\" width=\"900\" height=\"560\"></iframe></body></html>");
            _ = Task.Run(async () =>
            {
                while (!stop.IsCancellationRequested)
                {
                    HttpListenerContext context;
                    try
                    {
                        context = await listener.GetContextAsync();
                    }
                    catch (Exception) when (stop.IsCancellationRequested)
                    {
                        return;
                    }

                    context.Response.ContentType = "text/html; charset=utf-8";
                    await context.Response.OutputStream.WriteAsync(html);
                    context.Response.Close();
                }
            });
        }

        public string Address { get; }

        public static HostPage Serve(string origin, string frameSource) => new(origin, frameSource);

        public void Dispose()
        {
            stop.Cancel();
            listener.Stop();
            listener.Close();
        }
    }
}
