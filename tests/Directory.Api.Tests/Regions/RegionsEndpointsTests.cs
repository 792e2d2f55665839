using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using Directory.Core.Geo;
using Directory.Testing;
using NetTopologySuite.Geometries;
using NetTopologySuite.IO.Converters;

namespace Directory.Api.Tests.Regions;

public sealed class RegionsEndpointsTests(ReadOnlyApiFixture api) : IClassFixture<ReadOnlyApiFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    /// <summary>The source file's properties by AGS: the expected values come from data/, not from our database.</summary>
    private static readonly Dictionary<string, JsonElement> SourceMunicipalities =
        JsonDocument.Parse(File.ReadAllText(RepositoryPaths.DataFile("nrw-gemeinden.geojson"))).RootElement
            .GetProperty("features").EnumerateArray()
            .ToDictionary(f => f.GetProperty("properties").GetProperty("ags").GetString()!, f => f.GetProperty("properties").Clone());

    [Theory]
    [InlineData("gemeinde", 396)]
    [InlineData("kreis", 53)]
    [InlineData("regierungsbezirk", 5)]
    [InlineData("Kreis", 53)]
    public async Task EachLevelListsAllItsRegions(string level, int expected)
    {
        var regions = await api.Client.GetFromJsonAsync<JsonElement[]>($"/api/regions?level={level}", Cancel);

        Assert.Equal(expected, regions!.Length);
        Assert.All(regions, r => Assert.Equal(level.ToLowerInvariant(), r.GetProperty("level").GetString()));
    }

    [Fact]
    public async Task WithoutALevelTheMunicipalitiesAreListed()
    {
        var regions = await api.Client.GetFromJsonAsync<JsonElement[]>("/api/regions", Cancel);

        Assert.Equal(396, regions!.Length);
    }

    [Fact]
    public async Task AMunicipalityCarriesItsNameTypePopulationAreaAndParentKeys()
    {
        var regions = await api.Client.GetFromJsonAsync<JsonElement[]>("/api/regions?level=gemeinde", Cancel);
        var olpe = regions!.Single(r => r.GetProperty("key").GetString() == "05966024");
        var source = SourceMunicipalities["05966024"];

        Assert.Equal("Olpe", olpe.GetProperty("name").GetString());
        Assert.Equal(source.GetProperty("type").GetString(), olpe.GetProperty("type").GetString());
        Assert.Equal(source.GetProperty("population").GetInt32(), olpe.GetProperty("population").GetInt32());
        Assert.Equal(source.GetProperty("area_km2").GetDouble(), olpe.GetProperty("areaKm2").GetDouble());
        // The parents follow from the key: the first five digits are the Kreis, the first three the Regierungsbezirk.
        var parents = olpe.GetProperty("parents").EnumerateArray().Select(p => p.GetProperty("key").GetString()).ToList();
        Assert.Equal(["05966", "059"], parents);
    }

    [Fact]
    public async Task OneRegionComesWithItsFullBoundaryInWgs84()
    {
        var response = await api.Client.GetAsync("/api/regions/05315000", Cancel);
        response.EnsureSuccessStatusCode();
        var detail = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;

        Assert.Equal("Köln", detail.GetProperty("region").GetProperty("name").GetString());
        var options = new JsonSerializerOptions();
        options.Converters.Add(new GeoJsonConverterFactory(NetTopologySuite.NtsGeometryServices.Instance.CreateGeometryFactory(Crs.Wgs84)));
        var boundary = detail.GetProperty("boundary").Deserialize<Geometry>(options)!;

        Assert.True(NrwExtent.Wgs84.Contains(boundary.EnvelopeInternal));
        // The area measured in metres must match the official cadastral area (GV100: 405.02 km²) within 1 %.
        var areaKm2 = Reprojector.Transform(boundary, Crs.Etrs89Utm32N).Area / 1e6;
        var official = SourceMunicipalities["05315000"].GetProperty("area_km2").GetDouble();
        Assert.InRange(areaKm2, official * 0.99, official * 1.01);
    }

    [Theory]
    [InlineData("05966", "Kreis Olpe")]
    [InlineData("059", "Arnsberg")]
    public async Task KreiseAndRegierungsbezirkeAreFoundByTheirKeys(string key, string name)
    {
        var detail = await api.Client.GetFromJsonAsync<JsonElement>($"/api/regions/{key}", Cancel);

        Assert.Equal(name, detail.GetProperty("region").GetProperty("name").GetString());
        Assert.Equal("MultiPolygon", detail.GetProperty("boundary").GetProperty("type").GetString());
    }

    [Theory]
    [InlineData("abc")]
    [InlineData("1234")]
    [InlineData("0531500")]
    [InlineData("99999")]
    public async Task AKeyOfTheWrongFormIsABadRequestNamingTheKey(string key)
    {
        var response = await api.Client.GetAsync($"/api/regions/{key}", Cancel);

        await ProblemAssert.NamesParameterAsync(response, HttpStatusCode.BadRequest, "/problems/invalid-parameter", "key");
    }

    [Theory]
    [InlineData("05999000")]
    [InlineData("05999")]
    [InlineData("058")]
    public async Task AnUnknownKeyIsNotFound(string key)
    {
        var response = await api.Client.GetAsync($"/api/regions/{key}", Cancel);

        await ProblemAssert.NamesParameterAsync(response, HttpStatusCode.NotFound, "/problems/region-not-found", "key");
    }

    [Theory]
    [InlineData("dorf")]
    [InlineData("1")]
    [InlineData("")]
    public async Task AnUnknownLevelIsABadRequestNamingTheLevel(string level)
    {
        var response = await api.Client.GetAsync($"/api/regions?level={level}", Cancel);

        await ProblemAssert.NamesParameterAsync(response, HttpStatusCode.BadRequest, "/problems/invalid-parameter", "level");
    }

    [Fact]
    public async Task MapBoundariesAreSimplifiedGeoJsonWithKeyAndName()
    {
        var response = await api.Client.GetAsync("/api/regions/boundaries?level=gemeinde", Cancel);
        response.EnsureSuccessStatusCode();

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var body = await response.Content.ReadAsByteArrayAsync(Cancel);
        var collection = JsonDocument.Parse(body).RootElement;
        var features = collection.GetProperty("features").EnumerateArray().ToList();
        Assert.Equal(396, features.Count);
        Assert.Contains(features, f => f.GetProperty("properties").GetProperty("key").GetString() == "05315000"
                                       && f.GetProperty("properties").GetProperty("name").GetString() == "Köln");
        // Far smaller than the 2.4 MB source file.
        var sourceSize = new FileInfo(RepositoryPaths.DataFile("nrw-gemeinden.geojson")).Length;
        Assert.True(body.Length < sourceSize / 4, $"{body.Length} bytes");
    }

    [Fact]
    public async Task KreisOutlinesAreServedForTheMap()
    {
        var collection = await api.Client.GetFromJsonAsync<JsonElement>("/api/regions/boundaries?level=kreis", Cancel);

        Assert.Equal(53, collection.GetProperty("features").GetArrayLength());
    }

    [Fact]
    public async Task AnUnchangedBoundaryDocumentIsNotSentAgain()
    {
        var first = await api.Client.GetAsync("/api/regions/boundaries?level=gemeinde", Cancel);
        var etag = first.Headers.ETag;
        Assert.NotNull(etag);

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions/boundaries?level=gemeinde");
        request.Headers.IfNoneMatch.Add(etag);
        var second = await api.Client.SendAsync(request, Cancel);

        Assert.Equal(HttpStatusCode.NotModified, second.StatusCode);
    }

    [Fact]
    public async Task BoundariesAreCompressedForBrowsersThatAcceptIt()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions/boundaries?level=gemeinde");
        request.Headers.AcceptEncoding.Add(new StringWithQualityHeaderValue("br"));
        var response = await api.Client.SendAsync(request, Cancel);

        Assert.Equal("br", Assert.Single(response.Content.Headers.ContentEncoding));
    }

    [Fact]
    public async Task RegierungsbezirkBoundariesAreNotAMapLevel()
    {
        var response = await api.Client.GetAsync("/api/regions/boundaries?level=regierungsbezirk", Cancel);

        await ProblemAssert.NamesParameterAsync(response, HttpStatusCode.BadRequest, "/problems/invalid-parameter", "level");
    }
}
