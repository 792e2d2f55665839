using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;

namespace Directory.Api.Tests.Coverage;

public sealed class CoverageEndpointsTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<JsonElement> GetAsync(string query) => api.Client.GetFromJsonAsync<JsonElement>("/api/coverage?" + query, Cancel);

    [Theory]
    [InlineData("gemeinde", 396)]
    [InlineData("kreis", 53)]
    [InlineData("regierungsbezirk", 5)]
    [InlineData("land", 1)]
    public async Task EveryLevelListsAllItsRegionsAndTheNrwTotal(string level, int count)
    {
        var answer = await GetAsync($"level={level}&radiusKm=10");

        Assert.Equal(count, answer.GetProperty("regions").GetArrayLength());
        var total = answer.GetProperty("total");
        Assert.Equal("05", total.GetProperty("key").GetString());
        // data/README.md: 18,034,454 residents (GV100, 31.12.2024) in 396 municipalities.
        Assert.Equal(18_034_454, total.GetProperty("population").GetInt64());
        Assert.Equal(396, total.GetProperty("municipalities").GetInt32());
        Assert.Equal(18_034_454, answer.GetProperty("regions").EnumerateArray().Sum(r => r.GetProperty("population").GetInt64()));
    }

    [Fact]
    public async Task AKreisIsTheSumOfItsGemeinden()
    {
        var kreis = (await GetAsync("level=kreis&within=05966")).GetProperty("regions").EnumerateArray().Single();
        var gemeinden = (await GetAsync("level=gemeinde&within=05966")).GetProperty("regions").EnumerateArray().ToList();

        Assert.Equal(gemeinden.Count, kreis.GetProperty("municipalities").GetInt32());
        Assert.Equal(gemeinden.Sum(g => g.GetProperty("population").GetInt64()), kreis.GetProperty("population").GetInt64());
        Assert.Equal(gemeinden.Count(g => g.GetProperty("coveredBy").ValueKind != JsonValueKind.Null), kreis.GetProperty("municipalitiesCovered").GetInt32());
        Assert.InRange(kreis.GetProperty("residentsWithinReach").GetInt64() - gemeinden.Sum(g => g.GetProperty("residentsWithinReach").GetInt64()), -gemeinden.Count, gemeinden.Count);
    }

    [Fact]
    public async Task TheDemoListCoversKreisOlpeCompletelyAndHallenbergByItsKreis()
    {
        var olpe = (await GetAsync("level=kreis&within=05966")).GetProperty("total");
        var hallenberg = (await GetAsync("level=gemeinde&within=05958")).GetProperty("regions").EnumerateArray()
            .Single(r => r.GetProperty("key").GetString() == "05958020");

        Assert.Equal(1.0, olpe.GetProperty("shareMunicipalitiesCovered").GetDouble());
        Assert.Equal("kreis", hallenberg.GetProperty("coveredBy").GetString());
    }

    [Fact]
    public async Task ReachGrowsWithTheRadius()
    {
        var shares = new List<double>();
        foreach (var radius in new[] { 0, 2, 5, 10, 25, 50 })
        {
            shares.Add((await GetAsync($"level=land&radiusKm={radius}")).GetProperty("total").GetProperty("shareWithinReach").GetDouble());
        }

        Assert.Equal(0, shares[0]);
        Assert.Equal(shares.Order(), shares);
    }

    [Fact]
    public async Task CsvIsForGermanExcel()
    {
        var response = await api.Client.GetAsync("/api/coverage?level=gemeinde&within=05966&format=csv", Cancel);

        Assert.Equal("text/csv", response.Content.Headers.ContentType?.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync(Cancel);
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Schlüssel;Name;Ebene", lines[0]);
        Assert.Equal(1 + 7, lines.Length); // Kreis Olpe has 7 Gemeinden
        Assert.Matches(";[01],[0-9]{4};", lines[1]); // shares with a decimal comma
    }

    [Fact]
    public async Task GeoJsonHasTheBoundariesWithTheFigures()
    {
        var response = await api.Client.GetAsync("/api/coverage?level=kreis&format=geojson", Cancel);

        Assert.Equal("application/geo+json", response.Content.Headers.ContentType?.MediaType);
        var features = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("features");
        Assert.Equal(53, features.GetArrayLength());
        var first = features[0];
        Assert.Contains(first.GetProperty("geometry").GetProperty("type").GetString(), new[] { "Polygon", "MultiPolygon" });
        Assert.True(first.GetProperty("properties").TryGetProperty("shareWithinReach", out _));
    }

    [Fact]
    public async Task GapsAreSortedByTheResidentsAffected()
    {
        var gaps = await api.Client.GetFromJsonAsync<JsonElement>("/api/coverage/gaps?radiusKm=10", Cancel);

        var uncovered = gaps.GetProperty("withoutManager").EnumerateArray().Select(g => g.GetProperty("population").GetInt64()).ToList();
        var outOfReach = gaps.GetProperty("mostOutOfReach").EnumerateArray().Select(g => g.GetProperty("residentsOutOfReach").GetInt64()).ToList();
        Assert.NotEmpty(uncovered);
        Assert.Equal(uncovered.OrderDescending(), uncovered);
        Assert.Equal(outOfReach.OrderDescending(), outOfReach);
        Assert.True(outOfReach.Count <= 20);
    }

    [Theory]
    [InlineData("level=dorf", "level", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("radiusKm=-1", "radiusKm", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("radiusKm=1000000000", "radiusKm", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("radiusKm=zehn", "radiusKm", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("radiusKm=2.5", "radiusKm", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("radiusKm=10.0", "radiusKm", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("radiusKm=201", "radiusKm", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("radiusKm=1e1", "radiusKm", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("radiusKm=NaN", "radiusKm", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("radiusKm=%2B5", "radiusKm", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("format=xml", "format", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("within=12ab", "within", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("level=kreis&within=05966024", "within", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("within=05999", "within", HttpStatusCode.NotFound, "/problems/region-not-found")]
    public async Task BadParametersAreProblemsNamingThem(string query, string parameter, HttpStatusCode status, string type)
    {
        var response = await api.Client.GetAsync("/api/coverage?" + query, Cancel);

        await ProblemAssert.NamesParameterAsync(response, status, type, parameter);
    }

    [Theory]
    [InlineData("within=05999", "within", HttpStatusCode.NotFound)]
    [InlineData("radiusKm=-5", "radiusKm", HttpStatusCode.BadRequest)]
    [InlineData("radiusKm=0.5", "radiusKm", HttpStatusCode.BadRequest)]
    public async Task BadGapsParametersAreProblemsNamingThem(string query, string parameter, HttpStatusCode status)
    {
        var response = await api.Client.GetAsync("/api/coverage/gaps?" + query, Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _));
    }
}
