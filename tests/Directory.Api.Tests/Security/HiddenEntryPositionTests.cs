using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using Directory.Core.Geo;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.Extensions.DependencyInjection;
using NetTopologySuite.Geometries;

namespace Directory.Api.Tests.Security;

/// <summary>
/// Issue 19: a hidden entry (consent "nein") counts for coverage only at its area's label point, so no public answer
/// changes when it moves inside its Gemeinde; a public entry that moves does change coverage (so the first test can
/// fail). The answers compared: the JSON API, coverage in every level and format, gaps, OGC and the page's data
/// requests, over a set of radii, with status, type and ETag.
/// </summary>
public sealed partial class HiddenEntryPositionTests
{
    private const string Olpe = "05966024";
    private static readonly int[] Radii = [0, 1, 2, 3, 5, 8, 10, 15, 25, 50, 200];

    [GeneratedRegex("\"(timeStamp|loadedAt)\":\"[^\"]*\"")]
    private static partial Regex TimeStamps();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task MovingAHiddenEntryInsideItsMunicipalityChangesNoPublicAnswer()
    {
        var answers = await AnswersWithEntryMovedAsync(published: false);
        for (var i = 1; i < answers.Count; i++)
        {
            AssertSame(answers[0], answers[i], i);
        }
    }

    [Fact]
    public async Task MovingAPublicEntryInsideItsMunicipalityChangesCoverage()
    {
        var answers = await AnswersWithEntryMovedAsync(published: true);
        for (var i = 1; i < answers.Count; i++)
        {
            var changed = answers[0].Keys.Where(url => url.StartsWith("/api/coverage", StringComparison.Ordinal)
                && !answers[0][url].SequenceEqual(answers[i][url])).ToList();
            Assert.True(changed.Count > 0, $"position {i}: no coverage answer changed when a public entry moved");
        }
    }

    private static void AssertSame(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual, int position)
    {
        Assert.Equal(expected.Keys.Order(), actual.Keys.Order());
        var differing = expected.Keys.Where(url => !expected[url].SequenceEqual(actual[url])).ToList();
        Assert.True(differing.Count == 0,
            $"position {position}: {differing.Count} public answers changed when the hidden entry moved, e.g. {string.Join(", ", differing.Take(5))}");
    }

    /// <summary>
    /// The demo list plus one entry in Olpe, placed at three points of Olpe far apart; for each placement every
    /// public answer's bytes (status line, content type and ETag included).
    /// </summary>
    private static async Task<List<Dictionary<string, byte[]>>> AnswersWithEntryMovedAsync(bool published)
    {
        // Several hundred requests per placement: without the rate limit.
        await using var factory = (await DirectoryApiFactory.WithGeographyAsync()).With("Security:PermitsPerMinute", "0");
        var client = factory.CreateClient();
        using var folder = new TemporaryDirectory();
        await using var db = DirectoryDatabase.CreateContext(factory.Database);
        var geography = await GeographySnapshot.LoadAsync(db, Cancel);
        var demo = await ListImporter.ImportAsync(db, geography, Path.Combine(RepositoryPaths.Root, "seeds", "familienmanager-demo.csv"),
            new ListImportOptions(ListImportMode.Replace), Cancel);
        Assert.Equal(ListImportResult.Applied, demo.Result);
        // Issue 25: reach in minutes too, over a grid of streets every 500 m across Kreis Olpe and around it.
        var kreis = geography.Find("05966")!.Boundary.EnvelopeInternal.Copy();
        kreis.ExpandBy(5_000);
        await Core.Storage.RoadNetworkStore.ReplaceAsync(db, GridRoadNetwork.Over(kreis, 500), "raster", Cancel);

        var results = new List<Dictionary<string, byte[]>>();
        foreach (var point in PointsInside(geography.Find(Olpe)!.Boundary))
        {
            var (lon, lat) = Reprojector.Transform(point.X, point.Y, Crs.Etrs89Utm32N, Crs.Wgs84);
            var list = folder.File($"eintrag-{results.Count}.csv");
            await File.WriteAllTextAsync(list,
                "Zertifikatsnummer;Nachname;Vorname;AGS;Organisation;PLZ;Ort;Zertifiziert am;Status;Veröffentlichen;Breitengrad;Längengrad\n" +
                $"PRUEF-0001;Wandermann;Wilma;{Olpe};Stadt Olpe;57462;Olpe;01.06.2020;aktiv;{(published ? "ja" : "nein")};" +
                $"{lat.ToString("0.000000", CultureInfo.GetCultureInfo("de-DE"))};{lon.ToString("0.000000", CultureInfo.GetCultureInfo("de-DE"))}\n",
                Encoding.UTF8);
            var report = await ListImporter.ImportAsync(db, geography, list, new ListImportOptions(ListImportMode.Merge), Cancel);
            Assert.Equal(ListImportResult.Applied, report.Result);
            var snapshots = factory.Services.GetRequiredService<SnapshotProvider>();
            snapshots.Publish(await factory.Services.GetRequiredService<SnapshotLoader>().LoadAsync(db, Cancel));
            Assert.NotNull(await snapshots.Current.Served.Roads);
            results.Add(await PublicAnswersAsync(client));
        }

        return results;
    }

    /// <summary>Three points inside the boundary, at least 2 km apart and 300 m from its edge.</summary>
    private static List<Point> PointsInside(MultiPolygon boundary)
    {
        var inner = boundary.Buffer(-300);
        var envelope = boundary.EnvelopeInternal;
        var points = new List<Point>();
        for (var fx = 0.1; fx < 1; fx += 0.1)
        {
            for (var fy = 0.1; fy < 1; fy += 0.1)
            {
                var point = boundary.Factory.CreatePoint(new Coordinate(envelope.MinX + (fx * envelope.Width), envelope.MinY + (fy * envelope.Height)));
                if (inner.Contains(point) && points.All(p => p.Distance(point) >= 2_000))
                {
                    points.Add(point);
                }
            }
        }

        Assert.True(points.Count >= 3, $"only {points.Count} points found inside the boundary");
        return points.Take(3).ToList();
    }

    private static async Task<Dictionary<string, byte[]>> PublicAnswersAsync(HttpClient client)
    {
        var urls = new List<string>
        {
            "/api/health", "/api/managers", "/api/regions?level=gemeinde", "/api/regions/05966024", "/api/regions/05966",
            "/api/regions/05966024/managers", "/api/regions/05966/managers", "/api/regions/boundaries?level=gemeinde",
            "/api/regions/boundaries?level=kreis", "/api/map/config", "/api/locate?lat=51.0290&lon=7.8515",
            "/api/places?q=Olpe", "/ogc/collections", "/ogc/collections/familienmanager/items?limit=10000",
            "/ogc/collections/familienmanager/items?bbox=7.7,50.9,8.0,51.1&f=html",
            "/ogc/collections/gemeinden/items?kreis=05966&limit=100",
        };
        foreach (var origin in new[] { "place=Olpe", "plz=57462", "lat=51.0290&lon=7.8515" })
        {
            urls.AddRange(new[] { 1, 10, 25, 200 }.Select(r => $"/api/managers/nearby?{origin}&radiusKm={r}&limit=100"));
        }

        foreach (var radius in Radii)
        {
            foreach (var level in new[] { "gemeinde", "kreis", "regierungsbezirk", "land" })
            {
                urls.AddRange(new[] { "json", "csv", "geojson" }.Select(f => $"/api/coverage?level={level}&radiusKm={radius}&format={f}"));
            }

            urls.Add($"/api/coverage?level=gemeinde&within=05966&radiusKm={radius}");
            urls.Add($"/api/coverage/gaps?radiusKm={radius}");
            urls.Add($"/api/coverage/gaps?within=05966&radiusKm={radius}");
            urls.Add($"/api/coverage/gaps?within=053&radiusKm={radius}");
            // Issue 21: dates, the history and planning see the hidden entry at its label point too (at fewer radii:
            // each is a computation of its own per placement, and planning stops at Limits:PlanningRadiusKm).
            if (radius is 0 or 2 or 5 or 10 or 25)
            {
                urls.Add($"/api/coverage?level=gemeinde&within=05966&radiusKm={radius}&date=2020-12-31");
                urls.Add($"/api/coverage/history?radiusKm={radius}");
                urls.Add($"/api/coverage/history?level=kreis&within=059&radiusKm={radius}");
                urls.Add($"/api/planning/suggestions?radiusKm={radius}&count=3");
                urls.Add($"/api/planning/suggestions?radiusKm={radius}&count=2&within=05966");
                urls.Add($"/api/planning/suggestions?radiusKm={radius}&count=2&within=05966&target=children&date=2021-01-01");
            }
        }

        foreach (var minutes in new[] { 0, 3, 5, 8, 12, 20, 45 })
        {
            foreach (var mode in new[] { "car", "foot" })
            {
                urls.AddRange(new[] { "gemeinde", "kreis", "land" }.Select(level => $"/api/coverage?level={level}&minutes={minutes}&mode={mode}"));
                urls.Add($"/api/coverage?level=gemeinde&within=05966&minutes={minutes}&mode={mode}&format=csv");
                urls.Add($"/api/coverage/gaps?within=05966&minutes={minutes}&mode={mode}");
                if (minutes is 5 or 12 or 20)
                {
                    urls.Add($"/api/planning/suggestions?minutes={minutes}&mode={mode}&count=2&within=05966");
                }
            }
        }

        var answers = new Dictionary<string, byte[]>();
        foreach (var url in urls)
        {
            using var response = await client.GetAsync(url, Cancel);
            var head = $"{(int)response.StatusCode} {response.Content.Headers.ContentType} {response.Headers.ETag}\n";
            var body = await response.Content.ReadAsByteArrayAsync(Cancel);
            // When the answer was made (OGC) and when the snapshot was loaded (health) say when, never where: masked.
            var masked = TimeStamps().Replace(Encoding.UTF8.GetString(body), "\"$1\":\"…\"");
            answers[url] = Encoding.UTF8.GetBytes(head + masked);
            Assert.True(response.IsSuccessStatusCode, $"{url} answered {(int)response.StatusCode}");
        }

        return answers;
    }
}
