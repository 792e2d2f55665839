using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Api.Tests.Security;

/// <summary>
/// The demo list plus two entries that must never be public (no consent; inactive), all in Olpe where searches land.
/// </summary>
public sealed class NonPublicEntriesFixture : IAsyncLifetime
{
    /// <summary>Texts that must not appear in any public answer: the two entries' names, e-mails, phones and
    /// certificate numbers, and a public entry's internal certificate number.</summary>
    public static readonly string[] Secrets =
    [
        "Verschwiegen", "Xaveria", "xaveria.verschwiegen@intern.example", "0271 4711-99", "GEHEIM-0001",
        "Ruhestand", "Quirin", "quirin.ruhestand@intern.example", "GEHEIM-0002",
        "FM-2025-001",
    ];

    private DirectoryApiFactory? factory;
    private HttpClient? client;

    public DirectoryApiFactory Factory => factory ?? TestStore.SkipUnavailable<DirectoryApiFactory>();

    public HttpClient Client => client ?? TestStore.SkipUnavailable<HttpClient>();

    public int HiddenId { get; private set; }

    public int InactiveId { get; private set; }

    public async ValueTask InitializeAsync()
    {
        if (TestStore.Unavailable is not null)
        {
            return;
        }

        // Several hundred requests from one client (every HSDS service and organization among them): without the rate limits.
        factory = new DirectoryApiFactory().With("Security:PermitsPerMinute", "0").With("Reports:PerHour", "0");
        client = factory.CreateClient();
        using var folder = new TemporaryDirectory();
        var list = folder.File("geheim.csv");
        await File.WriteAllTextAsync(list,
            "Zertifikatsnummer;Nachname;Vorname;AGS;Organisation;PLZ;Ort;E-Mail;Telefon;Status;Veröffentlichen;Breitengrad;Längengrad\n" +
            "GEHEIM-0001;Verschwiegen;Xaveria;05966024;Stadt Olpe;57462;Olpe;xaveria.verschwiegen@intern.example;0271 4711-99;aktiv;nein;51,0290;7,8515\n" +
            "GEHEIM-0002;Ruhestand;Quirin;05966;Kreis Olpe;57462;Olpe;quirin.ruhestand@intern.example;;inaktiv;ja;51,0280;7,8500\n",
            Encoding.UTF8);
        await using var db = DirectoryDatabase.CreateContext(Factory.Database);
        var report = await ListImporter.ImportAsync(db, await GeographySnapshot.LoadAsync(db, default), list,
            new ListImportOptions(ListImportMode.Merge), default);
        Assert.Equal(ListImportResult.Applied, report.Result);
        HiddenId = await db.FamilyManagers.Where(m => m.CertificateNumber == "GEHEIM-0001").Select(m => m.Id).SingleAsync();
        InactiveId = await db.FamilyManagers.Where(m => m.CertificateNumber == "GEHEIM-0002").Select(m => m.Id).SingleAsync();

        // Serve the new state now rather than at the refresher's next tick.
        var snapshots = Factory.Services.GetRequiredService<Directory.Core.Snapshot.SnapshotProvider>();
        snapshots.Publish(await Factory.Services.GetRequiredService<SnapshotLoader>().LoadAsync(db, default));
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}

/// <summary>
/// Requests every documented public endpoint (docs/security.md), with parameters aimed at the hidden entries, and
/// searches every answer (bodies and error messages) for their names, e-mails and internal numbers.
/// </summary>
public sealed class NonPublicDataTests(NonPublicEntriesFixture fixture) : IClassFixture<NonPublicEntriesFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task NoPublicAnswerContainsANonPublicEntryOrAnInternalField()
    {
        // The hidden entries are really in the database and the staff export has them: the search below can hit.
        await using (var db = DirectoryDatabase.CreateContext(fixture.Factory.Database))
        {
            Assert.Equal(2, await db.FamilyManagers.CountAsync(m => m.CertificateNumber!.StartsWith("GEHEIM"), Cancel));
        }

        var requests = await RequestsAsync();
        var documented = PublicEndpointList.Read().Select(e => e.Route).ToHashSet();
        var missing = documented.Where(route => !requests.ContainsKey(route)).ToList();
        Assert.True(missing.Count == 0, "public endpoints without sample requests in this test: " + string.Join(", ", missing));

        var answered = 0;
        foreach (var url in requests.Values.SelectMany(u => u))
        {
            // "POST /api/…": a report about the entry (its answer must say no more than a missing entry's).
            var response = url.StartsWith("POST ", StringComparison.Ordinal)
                ? await fixture.Client.PostAsJsonAsync(url[5..], new { kind = "contact", message = "Stimmt das noch?" }, Cancel)
                : await fixture.Client.GetAsync(url, Cancel);
            Assert.True((int)response.StatusCode < 500, $"{url} answered {(int)response.StatusCode}");
            var body = await response.Content.ReadAsStringAsync(Cancel);
            if (url.Contains("radiusKm=100", StringComparison.Ordinal))
            {
                // The searches aimed at the hidden entry's position must be real answers with public entries in them,
                // not a 400 that would contain nothing anyway.
                Assert.Equal(HttpStatusCode.OK, response.StatusCode);
                Assert.True(JsonDocument.Parse(body).RootElement.GetProperty("results").GetArrayLength() > 10, url);
            }

            // A request's own text echoed in an error ("„Verschwiegen“ ist kein Schlüssel") tells nothing; the rest must be absent.
            foreach (var secret in NonPublicEntriesFixture.Secrets.Where(s => !url.Contains(s, StringComparison.OrdinalIgnoreCase)))
            {
                Assert.False(body.Contains(secret, StringComparison.OrdinalIgnoreCase), $"{url} ({(int)response.StatusCode}) contains „{secret}“");
            }

            answered++;
        }

        Assert.True(answered > 40);
    }

    [Fact]
    public async Task AHiddenEntryIsNotFoundAsIfItDidNotExist()
    {
        var hidden = await fixture.Client.GetAsync($"/api/managers/{fixture.HiddenId}", Cancel);
        var unknown = await fixture.Client.GetAsync("/api/managers/999999", Cancel);
        Assert.Equal(HttpStatusCode.NotFound, hidden.StatusCode);
        var hiddenProblem = JsonDocument.Parse(await hidden.Content.ReadAsStringAsync(Cancel)).RootElement;
        var unknownProblem = JsonDocument.Parse(await unknown.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.Equal(unknownProblem.GetProperty("title").GetString(), hiddenProblem.GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound,
            (await fixture.Client.GetAsync($"/ogc/collections/familienmanager/items/{fixture.InactiveId}", Cancel)).StatusCode);
    }

    private async Task<Dictionary<string, List<string>>> RequestsAsync()
    {
        string[] olpe = ["lat=51.0290&lon=7.8515", "plz=57462", "place=Olpe"];
        var collections = JsonDocument.Parse(await fixture.Client.GetStringAsync("/ogc/collections", Cancel)).RootElement
            .GetProperty("collections").EnumerateArray().Select(c => c.GetProperty("id").GetString()!).ToList();
        // Every HSDS service and organization, and the ids a hidden entry's area would have (it has no public one).
        static IEnumerable<string> Ids(JsonElement page) => page.GetProperty("contents").EnumerateArray().Select(c => c.GetProperty("id").GetString()!);
        var hsdsServices = Ids(JsonDocument.Parse(await fixture.Client.GetStringAsync("/hsds/services?per_page=500", Cancel)).RootElement)
            .Append(Directory.Api.Hsds.HsdsIds.For("service", "05966024")).ToList();
        var hsdsOrganizations = Ids(JsonDocument.Parse(await fixture.Client.GetStringAsync("/hsds/organizations?per_page=500", Cancel)).RootElement)
            .Append(Directory.Api.Hsds.HsdsIds.For("organization", "05966024")).ToList();
        var requests = new Dictionary<string, List<string>>
        {
            ["/openapi/{documentname}.json"] = ["/openapi/v1.json", "/openapi/ogc.json"],
            ["/api/health"] = ["/api/health"],
            ["/api/ping"] = ["/api/ping"],
            ["/api/regions"] = ["/api/regions", "/api/regions?level=gemeinde"],
            ["/api/regions/boundaries"] = ["/api/regions/boundaries"],
            ["/api/regions/{key}"] = ["/api/regions/05966024", "/api/regions/05966", "/api/regions/053", "/api/regions/Verschwiegen"],
            ["/api/regions/{key}/managers"] = ["/api/regions/05966024/managers", "/api/regions/05966/managers", "/api/regions/053/managers"],
            ["/api/locate"] = ["/api/locate?" + olpe[0]],
            ["/api/map/config"] = ["/api/map/config"],
            ["/api/managers"] = ["/api/managers"],
            ["/api/managers/{id}"] = [$"/api/managers/{fixture.HiddenId}", $"/api/managers/{fixture.InactiveId}", "/api/managers/1"],
            ["/api/managers/nearby"] = [.. olpe.Select(o => $"/api/managers/nearby?{o}&radiusKm=100&limit=100"),
                "/api/managers/nearby?place=Verschwiegen", "/api/managers/nearby?lat=51.0290&lon=7.8515&radiusKm=0.1"],
            ["/api/places"] = ["/api/places?q=Olpe", "/api/places?q=Verschwiegen", "/api/places?q=Quirin", "/api/places?q=57462"],
            ["/api/coverage"] = ["/api/coverage", "/api/coverage?format=csv", "/api/coverage?format=geojson", "/api/coverage?level=gemeinde&radiusKm=50"],
            ["/api/coverage/gaps"] = ["/api/coverage/gaps", "/api/coverage/gaps?radiusKm=1"],
            ["/api/coverage/history"] = ["/api/coverage/history", "/api/coverage/history?level=gemeinde&within=05966&radiusKm=1"],
            ["/api/planning/suggestions"] = ["/api/planning/suggestions?count=20", "/api/planning/suggestions?within=05966&target=children&radiusKm=1&date=2020-12-31"],
            ["/ogc"] = ["/ogc", "/ogc?f=html"],
            ["/ogc/api"] = ["/ogc/api"],
            ["/ogc/conformance"] = ["/ogc/conformance"],
            ["/ogc/collections"] = ["/ogc/collections", "/ogc/collections?f=html"],
            ["/ogc/collections/{collectionid}"] = [.. collections.Select(c => $"/ogc/collections/{c}")],
            ["/ogc/collections/{collectionid}/items"] = [.. collections.SelectMany(c => new[]
            {
                $"/ogc/collections/{c}/items?limit=10000", $"/ogc/collections/{c}/items?limit=10000&f=html",
                $"/ogc/collections/{c}/items?bbox=7.7,50.9,8.0,51.1&limit=10000",
                $"/ogc/collections/{c}/items?ags=05966024&limit=10000",
                $"/ogc/collections/{c}/items?crs=http://www.opengis.net/def/crs/EPSG/0/25832&limit=10000",
                // Filters aimed at the hidden entries' names and places.
                $"/ogc/collections/{c}/items?limit=10000&filter=" + Uri.EscapeDataString("name LIKE '%Geheim%' OR name LIKE '%Verschwiegen%'"),
                $"/ogc/collections/{c}/items?limit=10000&filter=" + Uri.EscapeDataString("S_INTERSECTS(geometry, BBOX(7.7,50.9,8.0,51.1))"),
            })],
            ["/ogc/collections/{collectionid}/queryables"] = [.. collections.Select(c => $"/ogc/collections/{c}/queryables")],
            ["/ogc/collections/{collectionid}/items/{featureid}"] =
            [
                $"/ogc/collections/familienmanager/items/{fixture.HiddenId}", $"/ogc/collections/familienmanager/items/{fixture.InactiveId}",
                $"/ogc/collections/familienmanager/items/{fixture.HiddenId}?f=html",
            ],
            ["/abdeckung"] = ["/abdeckung"],
            ["/abdeckung/steckbrief"] = ["/abdeckung/steckbrief?gebiet=05966"],
            ["/verwaltung/anmelden"] = ["/verwaltung/anmelden"],
            ["/api/changes.atom"] = ["/api/changes.atom", "/api/changes.atom?kreis=05966", "/api/changes.atom?gemeinde=05966024"],
            ["/hsds"] = ["/hsds"],
            ["/hsds/services"] = ["/hsds/services?per_page=500", "/hsds/services?search=Geheim", "/hsds/services?search=Verschwiegen"],
            ["/hsds/services/{id}"] = [.. hsdsServices.Select(id => $"/hsds/services/{id}")],
            ["/hsds/organizations"] = ["/hsds/organizations?per_page=500"],
            ["/hsds/organizations/{id}"] = [.. hsdsOrganizations.Select(id => $"/hsds/organizations/{id}")],
            ["/api/managers/{id}/reports"] = [$"POST /api/managers/{fixture.HiddenId}/reports", $"POST /api/managers/{fixture.InactiveId}/reports"],
        };

        // The static pages too: they are served beside the endpoints.
        requests["static"] = ["/", "/index.html", "/api.html", "/barrierefreiheit.html", "/abdeckung.html", "/familienmanagerin", "/leichte-sprache",
            $"/eintrag?id={fixture.HiddenId}", "/einbetten", "/einbetten/karte?gebiet=05966", "/einbetten/karte?gebiet=05966024&umkreis=25"];
        return requests;
    }
}
