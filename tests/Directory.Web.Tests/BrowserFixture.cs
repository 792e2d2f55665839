using System.Text.Json;
using Directory.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Directory.Web.Tests;

/// <summary>
/// The service on a real Kestrel port over its own copy of the imported geography, and Debian's Chromium driven by
/// Playwright. Playwright never downloads a browser here: it is given /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory folder = new();
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseAddress { get; private set; } = "";

    /// <summary>
    /// An origin on 127.0.0.1 (a free port, nothing listening yet) that Security:FrameAncestors allows to embed the
    /// embedded view; a test serves its host page there.
    /// </summary>
    public string PartnerOrigin { get; } = $"http://127.0.0.1:{FreePort()}";

    /// <summary>A port free on 127.0.0.1 now.</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public async ValueTask InitializeAsync()
    {
        var chromium = ExternalTool.Require("chromium", "chromium");
        var database = Database;
        await ImportedGeography.CopyToAsync(database);
        await SeedAsync(database);

        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("ConnectionStrings:Directory", $"Data Source={database}");
            builder.UseSetting("Directory:GeographySource", RepositoryPaths.Data);
            // One browser runs many tests' worth of requests from one address in seconds; the limit has its own tests.
            builder.UseSetting("Security:PermitsPerMinute", "0");
            builder.UseSetting("Reports:PerHour", "0");
            builder.UseSetting("Security:FrameAncestors:0", PartnerOrigin);
        });
        factory.UseKestrel();
        factory.StartServer();
        await factory.Services.GetRequiredService<Directory.Api.Startup.DirectoryInitializer>().Ready;
        BaseAddress = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        // The tests check what the pages do, not how fast: CI runs the six suites at once on a small machine, where a
        // class's first page (the map's boundaries, the first coverage model) took longer than Playwright's 5 s.
        Assertions.SetDefaultExpectTimeout(20_000);
        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    /// <summary>
    /// Loads axe-core into <paramref name="page"/> as a script of the page's own origin, answered by Playwright and not
    /// by the service: the pages' Content-Security-Policy refuses inline scripts and eval, and the test must not
    /// weaken it to run axe.
    /// </summary>
    public static async Task InjectAxeAsync(IPage page)
    {
        var url = new Uri(new Uri(page.Url), "/__test__/axe.min.js").ToString();
        await page.RouteAsync(url, route => route.FulfillAsync(new()
        {
            Path = Path.Combine(RepositoryPaths.Root, "Directory.Web", "node_modules", "axe-core", "axe.min.js"),
            ContentType = "text/javascript",
        }));
        await page.AddScriptTagAsync(new() { Url = url });
    }

    /// <summary>axe-core's WCAG 2.1 A and AA violations on <paramref name="page"/>: rule, help and the first three nodes.</summary>
    public static async Task<JsonElement> AxeViolationsAsync(IPage page)
    {
        await InjectAxeAsync(page);
        return await page.EvaluateAsync<JsonElement>(
            "async () => (await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] } })).violations" +
            ".map(v => ({ id: v.id, help: v.help, nodes: v.nodes.slice(0, 3).map(n => n.target.join(' ')) }))");
    }

    /// <summary>A full-page screenshot kept with the test results (<c>screenshots/NAME.png</c>), to look at.</summary>
    public static async Task ScreenshotAsync(IPage page, string name)
    {
        var folder = Path.Combine(AppContext.BaseDirectory, "screenshots");
        System.IO.Directory.CreateDirectory(folder);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(folder, name + ".png"), FullPage = true });
    }

    /// <summary>Makes a staff account as <c>Directory.Import user add</c> does and returns its one-time password.</summary>
    public async Task<string> AddStaffAccountAsync(string name)
    {
        await using var scope = Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Directory.Core.Staff.StaffUser>>();
        var password = Directory.Core.Staff.Accounts.StaffIdentity.GenerateOneTimePassword();
        var result = await users.CreateAsync(new Directory.Core.Staff.StaffUser { UserName = name, MustChangePassword = true, CreatedAtUtc = DateTime.UtcNow }, password);
        Assert.True(result.Succeeded, Directory.Core.Staff.Accounts.StaffIdentity.Describe(result));
        return password;
    }

    /// <summary>Signs <paramref name="page"/> in as a new account <paramref name="name"/> with its own password; ends on the overview.</summary>
    public async Task SignInAsNewStaffAsync(IPage page, string name)
    {
        const string ownPassword = "Ein Satz als eigenes Passwort";
        var oneTime = await AddStaffAccountAsync(name);
        await page.GotoAsync(BaseAddress + "/verwaltung/anmelden");
        await page.GetByLabel("Kontoname").FillAsync(name);
        await page.GetByLabel("Passwort", new() { Exact = true }).FillAsync(oneTime);
        await page.GetByRole(AriaRole.Button, new() { Name = "Anmelden" }).ClickAsync();
        await page.GetByLabel("Bisheriges Passwort").FillAsync(oneTime);
        await page.GetByLabel("Neues Passwort", new() { Exact = true }).FillAsync(ownPassword);
        await page.GetByLabel("Neues Passwort wiederholen").FillAsync(ownPassword);
        await page.GetByRole(AriaRole.Button, new() { Name = "Passwort speichern" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Übersicht", Level = 1 })).ToBeVisibleAsync();
    }

    /// <summary>The service's own services, e.g. to make a staff account as the CLI does.</summary>
    public IServiceProvider Services => factory!.Services;

    /// <summary>The name of an entry made to attack the page: it must show as text.</summary>
    public const string HostileName = "<img src=x onerror=alert(1)>";

    /// <summary>The demo list, plus one entry in Olpe whose first name is markup.</summary>
    private string Database => folder.File("directory.gpkg");

    /// <summary>
    /// Stores <paramref name="network"/> as the service's road network and the family manager of
    /// <paramref name="extraList"/> (merged), publishes the data and waits until the network has loaded.
    /// </summary>
    public async Task ImportRoadsAsync(Directory.Core.Roads.RoadNetwork network, string extraList)
    {
        await using var db = Directory.Core.Storage.DirectoryDatabase.CreateContext(Database);
        var geography = await Directory.Core.Snapshot.GeographySnapshot.LoadAsync(db, CancellationToken.None);
        var report = await Directory.Core.Managers.Lists.ListImporter.ImportAsync(db, geography, extraList,
            new Directory.Core.Managers.Lists.ListImportOptions(Directory.Core.Managers.ListImportMode.Merge), CancellationToken.None);
        Assert.Equal(Directory.Core.Managers.Lists.ListImportResult.Applied, report.Result);
        await Directory.Core.Storage.RoadNetworkStore.ReplaceAsync(db, network, "aachen.osm.pbf", CancellationToken.None);
        var snapshots = Services.GetRequiredService<Directory.Core.Snapshot.SnapshotProvider>();
        snapshots.Publish(await Services.GetRequiredService<Directory.Core.Snapshot.SnapshotLoader>().LoadAsync(db, CancellationToken.None));
        Assert.NotNull(await snapshots.Current.Served.Roads);
    }

    private async Task SeedAsync(string database)
    {
        var hostile = folder.File("hostile.csv");
        await File.WriteAllTextAsync(hostile,
            "Zertifikatsnummer;Nachname;Vorname;AGS;E-Mail;Veröffentlichen;Breitengrad;Längengrad\n" +
            $"XSS-1;Angriff;{HostileName};05966024;angriff@olpe.example;ja;51,0300;7,8500\n");
        await using var db = Directory.Core.Storage.DirectoryDatabase.CreateContext(database);
        var geography = await Directory.Core.Snapshot.GeographySnapshot.LoadAsync(db, CancellationToken.None);
        foreach (var (list, mode) in new[] { (Path.Combine(RepositoryPaths.Root, "seeds", "familienmanager-demo.csv"), Directory.Core.Managers.ListImportMode.Replace), (hostile, Directory.Core.Managers.ListImportMode.Merge) })
        {
            var report = await Directory.Core.Managers.Lists.ListImporter.ImportAsync(db, geography, list,
                new Directory.Core.Managers.Lists.ListImportOptions(mode), CancellationToken.None);
            Assert.Equal(Directory.Core.Managers.Lists.ListImportResult.Applied, report.Result);
        }

        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        folder.Dispose();
    }
}
