using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Directory.Core.Geo;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Roads;
using Directory.Core.Roads.Import;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Testing;

namespace Directory.Api.Tests.Search;

/// <summary>
/// The demo list, one more family manager at Aachen's cathedral, and the road network of the Aachen extract: the
/// service started on that.
/// </summary>
public sealed class AachenRoadsFixture : IAsyncLifetime
{
    /// <summary>Where the added manager works (Aachener Dom, WGS84).</summary>
    public const double Lat = 50.774722, Lon = 6.083889;

    private DirectoryApiFactory? factory;

    public DirectoryApiFactory Factory => factory ?? TestStore.SkipUnavailable<DirectoryApiFactory>();

    public HttpClient Client { get; private set; } = null!;

    /// <summary>The network as the reader builds it from the extract.</summary>
    public RoadNetwork Network { get; } = RoadNetwork.Prepare(OsmRoadReader.Read(RepositoryPaths.OsmExtract("aachen.osm.pbf")));

    public async ValueTask InitializeAsync()
    {
        if (TestStore.Unavailable is not null)
        {
            return;
        }

        factory = (await DirectoryApiFactory.WithGeographyAsync()).With("Security:PermitsPerMinute", "0");
        Client = factory.CreateClient();
        var cancel = TestContext.Current.CancellationToken;
        await factory.ImportDemoListAsync(cancel);
        using var folder = new TemporaryDirectory();
        var list = folder.File("aachen.csv");
        var german = CultureInfo.GetCultureInfo("de-DE");
        await File.WriteAllTextAsync(list,
            "Zertifikatsnummer;Nachname;Vorname;AGS;Organisation;PLZ;Ort;Zertifiziert am;Status;Veröffentlichen;Breitengrad;Längengrad\n" +
            $"DOM-0001;Domhof;Dora;05334002;Stadt Aachen;52062;Aachen;01.06.2020;aktiv;ja;{Lat.ToString(german)};{Lon.ToString(german)}\n",
            Encoding.UTF8, cancel);
        await using (var db = DirectoryDatabase.CreateContext(factory.Database))
        {
            var geography = await GeographySnapshot.LoadAsync(db, cancel);
            var report = await ListImporter.ImportAsync(db, geography, list, new ListImportOptions(ListImportMode.Merge), cancel);
            Assert.Equal(ListImportResult.Applied, report.Result);
        }

        await factory.ImportRoadsAsync(Network, cancel);
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}

/// <summary>Travel times over the road network in searches, coverage and planning; and none without a network.</summary>
public sealed class TravelTimeTests(AachenRoadsFixture aachen) : IClassFixture<AachenRoadsFixture>
{
    // Aachen Hauptbahnhof.
    private const string Origin = "lat=50.7677&lon=6.0912";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<JsonElement> GetAsync(string url) => aachen.Client.GetFromJsonAsync<JsonElement>(url, Cancel);

    [Fact]
    public async Task EachResultCarriesMinutesByCarAndOnFootAndSaysWhichAreStraightLineEstimates()
    {
        var answer = await GetAsync($"/api/managers/nearby?{Origin}&limit=4");
        var results = answer.GetProperty("results").EnumerateArray().ToList();
        Assert.Contains("OpenStreetMap", answer.GetProperty("distance").GetString());

        // The nearest is the manager at the cathedral, inside the extract: routed both ways.
        var dom = results[0];
        Assert.Equal("Dora Domhof", dom.GetProperty("manager").GetProperty("name").GetString());
        var travel = dom.GetProperty("travelMinutes");
        Assert.Empty(travel.GetProperty("straightLine").EnumerateArray());
        var (car, foot) = (travel.GetProperty("car").GetInt64(), travel.GetProperty("foot").GetInt64());
        var (ox, oy) = Reprojector.Transform(6.0912, 50.7677, Crs.Wgs84, Crs.Etrs89Utm32N);
        var (dx, dy) = Reprojector.Transform(AachenRoadsFixture.Lon, AachenRoadsFixture.Lat, Crs.Wgs84, Crs.Etrs89Utm32N);
        var expected = (Car: TravelTimes.From(aachen.Network, TravelMode.Car, ox, oy, [(dx, dy)])[0],
            Foot: TravelTimes.From(aachen.Network, TravelMode.Foot, ox, oy, [(dx, dy)])[0]);
        Assert.Equal(Math.Max(1, (long)Math.Round(expected.Car.Minutes)), car);
        Assert.Equal(Math.Max(1, (long)Math.Round(expected.Foot.Minutes)), foot);
        // No faster than the straight line at the fastest road (car) or at walking speed (foot); a walk is longer.
        var metres = dom.GetProperty("distanceM").GetInt64();
        Assert.True(car >= (metres / 1000.0 / aachen.Network.FastestCarKmh * 60) - 0.5, $"{car} min for {metres} m");
        Assert.True(foot >= (metres / 1000.0 / 4.5 * 60) - 0.5, $"{foot} min on foot for {metres} m");
        Assert.True(foot > car);

        // Demo managers outside the extract: straight-line estimates at 40 km/h and 3.5 km/h, said so.
        foreach (var other in results.Skip(1).Where(r => r.GetProperty("distanceM").GetInt64() > 12_000))
        {
            var estimate = other.GetProperty("travelMinutes");
            Assert.Equal(["car", "foot"], estimate.GetProperty("straightLine").EnumerateArray().Select(e => e.GetString()));
            var km = other.GetProperty("distanceM").GetInt64() / 1000.0;
            Assert.Equal(Math.Round(km / 40 * 60), estimate.GetProperty("car").GetInt64(), 1.0);
            Assert.Equal(Math.Round(km / 3.5 * 60), estimate.GetProperty("foot").GetInt64(), 1.0);
        }
    }

    [Fact]
    public async Task ThePagesAreToldThatTravelTimesExist() =>
        Assert.True((await GetAsync("/api/map/config")).GetProperty("travelTimes").GetBoolean());

    [Fact]
    public async Task CoverageInMinutesUsesTheNetworkWhereItIsAndTheStraightLineElsewhere()
    {
        var answer = await GetAsync("/api/coverage?level=land&minutes=15&mode=car");
        Assert.Equal((15, "car"), (answer.GetProperty("minutes").GetInt32(), answer.GetProperty("mode").GetString()));
        Assert.Equal(JsonValueKind.Null, answer.GetProperty("radiusKm").ValueKind);
        var total = answer.GetProperty("total");
        Assert.Equal(JsonValueKind.Null, total.GetProperty("meanDistanceKm").ValueKind);
        Assert.True(total.GetProperty("meanMinutes").GetDouble() > 0);
        Assert.Contains("OpenStreetMap", answer.GetProperty("attribution").GetString());
        // The extract covers about 50 of NRW's 34,000 km²: nearly every inhabited cell is a straight-line estimate.
        var estimated = answer.GetProperty("cellsByStraightLine").GetInt32();
        Assert.InRange(estimated, 26_000, 27_570);
        Assert.Contains(estimated.ToString("N0", CultureInfo.GetCultureInfo("de-DE")), answer.GetProperty("method").GetString());

        // ... and 15 minutes at 40 km/h are 10 km: outside Aachen, reach is that of the 10 km radius.
        var byRadius = await GetAsync("/api/coverage?level=land&radiusKm=10");
        Assert.Equal(byRadius.GetProperty("total").GetProperty("shareWithinReach").GetDouble(), total.GetProperty("shareWithinReach").GetDouble(), 0.01);

        var aachenCity = await GetAsync("/api/coverage?level=gemeinde&within=05334&minutes=5&mode=foot");
        Assert.Equal("foot", aachenCity.GetProperty("mode").GetString());
        using var csv = await aachen.Client.GetAsync("/api/coverage?level=kreis&minutes=15&format=csv", Cancel);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Contains("Mittlere Fahrzeit (Min.)", await csv.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("15min-auto", csv.Content.Headers.ContentDisposition?.FileName);
        var gaps = await GetAsync("/api/coverage/gaps?minutes=20&mode=car&within=05334");
        Assert.Equal(20, gaps.GetProperty("minutes").GetInt32());
    }

    [Fact]
    public async Task PlanningInMinutesSuggestsSitesInsideTheRegion()
    {
        var answer = await GetAsync("/api/planning/suggestions?minutes=10&mode=car&within=05334002&count=2");
        Assert.Equal((10, "car"), (answer.GetProperty("minutes").GetInt32(), answer.GetProperty("mode").GetString()));
        var suggestions = answer.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.NotEmpty(suggestions);
        Assert.All(suggestions, s => Assert.Equal("05334002", s.GetProperty("municipality").GetProperty("key").GetString()));
        Assert.True(suggestions[0].GetProperty("newlyWithinReach").GetInt64() > 0);
    }

    [Theory]
    [InlineData("/api/coverage?minutes=15&radiusKm=10", "minutes")]
    [InlineData("/api/coverage?minutes=121", "minutes")]
    [InlineData("/api/coverage?minutes=zehn", "minutes")]
    [InlineData("/api/coverage?minutes=15&mode=bike", "mode")]
    [InlineData("/api/coverage?mode=car", "mode")]
    [InlineData("/api/planning/suggestions?minutes=31", "minutes")]
    [InlineData("/api/planning/suggestions?minutes=10&radiusKm=5", "minutes")]
    [InlineData("/api/coverage/gaps?minutes=15&radiusKm=5", "minutes")]
    // Issue 32: planning in minutes needs a Kreis or a Gemeinde (over NRW it ran for minutes).
    [InlineData("/api/planning/suggestions?minutes=10", "within")]
    [InlineData("/api/planning/suggestions?minutes=10&within=053", "within")]
    public async Task BadMinutesOrModesAreA400NamingTheParameter(string url, string parameter)
    {
        using var response = await aachen.Client.GetAsync(url, Cancel);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }
}

/// <summary>Without a road network (the embedded default): kilometres only, as before.</summary>
public sealed class WithoutRoadNetworkTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task SearchesHaveNoMinutesAndMinutesAreRefusedWithTheReason()
    {
        var nearby = await api.Client.GetFromJsonAsync<JsonElement>("/api/managers/nearby?place=Olpe", Cancel);
        Assert.All(nearby.GetProperty("results").EnumerateArray(), r => Assert.Equal(JsonValueKind.Null, r.GetProperty("travelMinutes").ValueKind));
        Assert.False((await api.Client.GetFromJsonAsync<JsonElement>("/api/map/config", Cancel)).GetProperty("travelTimes").GetBoolean());
        foreach (var url in new[] { "/api/coverage?minutes=15", "/api/planning/suggestions?minutes=10&mode=foot", "/api/coverage/gaps?minutes=15" })
        {
            using var response = await api.Client.GetAsync(url, Cancel);
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var problem = await response.Content.ReadFromJsonAsync<JsonElement>(Cancel);
            Assert.Contains("kein Straßennetz", problem.GetProperty("errors").GetProperty("minutes")[0].GetString());
        }
    }
}
