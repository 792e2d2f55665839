using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Directory.Testing;

namespace Directory.Api.Tests.Search;

public sealed class NearbyTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<JsonElement> GetAsync(string query) =>
        api.Client.GetFromJsonAsync<JsonElement>("/api/managers/nearby?" + query, Cancel);

    /// <summary>Great-circle distance on the WGS84 mean radius: an independent check of the service's planar metres.</summary>
    private static double Haversine(double lat1, double lon1, double lat2, double lon2)
    {
        const double radius = 6_371_008.8;
        static double Rad(double degrees) => degrees * Math.PI / 180;
        var a = Math.Pow(Math.Sin(Rad(lat2 - lat1) / 2), 2) + Math.Cos(Rad(lat1)) * Math.Cos(Rad(lat2)) * Math.Pow(Math.Sin(Rad(lon2 - lon1) / 2), 2);
        return 2 * radius * Math.Asin(Math.Sqrt(a));
    }

    [Theory]
    [InlineData("place=Olpe")]
    [InlineData("plz=57462")]
    [InlineData("lat=51.9625&lon=7.6256&radiusKm=40&limit=25")]
    public async Task ResultsAreSortedByTheirTrueDistanceWithinTheRadius(string query)
    {
        var answer = await GetAsync(query);
        var origin = answer.GetProperty("origin");
        var results = answer.GetProperty("results").EnumerateArray().ToList();
        var radius = answer.GetProperty("radiusKm").GetDouble() * 1000;

        Assert.NotEmpty(results);
        Assert.False(answer.GetProperty("outsideRadius").GetBoolean());
        Assert.True(results.Count <= answer.GetProperty("limit").GetInt32());
        var distances = results.Select(r => r.GetProperty("distanceM").GetInt64()).ToList();
        Assert.Equal(distances.Order(), distances);
        foreach (var result in results)
        {
            var location = result.GetProperty("manager").GetProperty("location");
            var expected = Haversine(origin.GetProperty("lat").GetDouble(), origin.GetProperty("lon").GetDouble(),
                location.GetProperty("lat").GetDouble(), location.GetProperty("lon").GetDouble());
            // UTM's scale differs from the sphere's by at most about 0.1 % in NRW.
            Assert.InRange(result.GetProperty("distanceM").GetInt64(), expected * 0.995 - 2, expected * 1.005 + 2);
            Assert.True(result.GetProperty("distanceM").GetInt64() <= radius);
        }
    }

    [Fact]
    public async Task TheRadiusIncludesAManagerAtItsEdgeAndNotBeyond()
    {
        var all = await GetAsync("place=Olpe&radiusKm=50&limit=5");
        var third = all.GetProperty("results")[2];
        var distance = third.GetProperty("distanceM").GetInt64();
        var id = third.GetProperty("manager").GetProperty("id").GetInt32();

        var inside = await GetAsync(FormattableString.Invariant($"place=Olpe&radiusKm={(distance + 2) / 1000.0}&limit=100"));
        var outside = await GetAsync(FormattableString.Invariant($"place=Olpe&radiusKm={(distance - 2) / 1000.0}&limit=100"));

        Assert.Contains(inside.GetProperty("results").EnumerateArray(), r => r.GetProperty("manager").GetProperty("id").GetInt32() == id);
        Assert.DoesNotContain(outside.GetProperty("results").EnumerateArray(), r => r.GetProperty("manager").GetProperty("id").GetInt32() == id);
    }

    [Fact]
    public async Task WithNobodyInTheRadiusTheNearestAreShownAnyway()
    {
        var answer = await GetAsync("lat=51.35&lon=8.0&radiusKm=0.5&limit=3");

        Assert.True(answer.GetProperty("outsideRadius").GetBoolean());
        var distances = answer.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("distanceM").GetInt64()).ToList();
        Assert.Equal(3, distances.Count);
        Assert.All(distances, d => Assert.True(d > 500));
        Assert.Equal(distances.Order(), distances);
    }

    [Fact]
    public async Task OnlyPublicEntriesAreFound()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "seeds", "familienmanager-demo.csv"), Encoding.GetEncoding(1252));
        var header = lines[0].Split(';').ToList();
        var rows = lines.Skip(1).Select(l => l.Split(';')).ToList();
        var hiddenEmails = rows.Where(r => r[header.IndexOf("Veröffentlichen")] != "ja" || r[header.IndexOf("Status")] != "aktiv")
            .Select(r => r[header.IndexOf("E-Mail")]).ToList();

        var body = await api.Client.GetStringAsync("/api/managers/nearby?lat=51.45&lon=7.6&radiusKm=200&limit=100", Cancel);

        Assert.NotEmpty(hiddenEmails);
        Assert.All(hiddenEmails, email => Assert.DoesNotContain(email, body));
        Assert.Equal(100, JsonDocument.Parse(body).RootElement.GetProperty("count").GetInt32());
    }

    [Theory]
    [InlineData("Muenster", "Münster")]
    [InlineData("münster", "Münster")]
    [InlineData("Mulheim", "Mülheim an der Ruhr")]
    [InlineData("Koeln", "Köln")]
    public async Task PlacesAreFoundWhateverTheUmlautSpelling(string typed, string expected)
    {
        var answer = await GetAsync("place=" + Uri.EscapeDataString(typed));

        Assert.Equal(expected, answer.GetProperty("origin").GetProperty("name").GetString());
    }

    [Fact]
    public async Task TheOriginSaysWhetherItsGemeindeOrKreisHasAManager()
    {
        // Hallenberg has no manager of its own; the Hochsauerlandkreis has a Kreis-level family office in the demo list.
        var hallenberg = (await GetAsync("place=Hallenberg")).GetProperty("gemeinde");

        Assert.Equal("05958020", hallenberg.GetProperty("key").GetString());
        Assert.True(hallenberg.GetProperty("hasManager").GetBoolean());
        Assert.Equal("kreis", hallenberg.GetProperty("coveredBy").GetString());
    }

    [Theory]
    [InlineData("", "place", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("place=Olpe&plz=57462", "plz", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("place=O", "place", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("place=Xyzzyhausen", "place", HttpStatusCode.NotFound, "/problems/place-not-found")]
    [InlineData("plz=4711", "plz", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("plz=99999", "plz", HttpStatusCode.NotFound, "/problems/postcode-not-found")]
    [InlineData("lat=abc&lon=7", "lat", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("lat=51", "lon", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("lat=50.85&lon=4.35", "lat", HttpStatusCode.NotFound, "/problems/outside-nrw")]
    [InlineData("place=Olpe&radiusKm=-1", "radiusKm", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("place=Olpe&radiusKm=1000000000", "radiusKm", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("place=Olpe&radiusKm=zehn", "radiusKm", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("place=Olpe&limit=0", "limit", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("place=Olpe&limit=101", "limit", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    [InlineData("place=Olpe&limit=2.5", "limit", HttpStatusCode.BadRequest, "/problems/invalid-parameter")]
    public async Task EveryBadParameterIsAProblemNamingIt(string query, string parameter, HttpStatusCode status, string type)
    {
        var response = await api.Client.GetAsync("/api/managers/nearby?" + query, Cancel);

        await ProblemAssert.NamesParameterAsync(response, status, type, parameter);
    }

    [Fact]
    public async Task PlaceAndAutocompleteTextsLongerThan100CharactersAreRefusedBeforeMatching()
    {
        var long101 = "Olpe" + new string('e', 97);

        var nearby = await api.Client.GetAsync("/api/managers/nearby?place=" + Uri.EscapeDataString(long101), Cancel);
        var places = await api.Client.GetAsync("/api/places?q=" + Uri.EscapeDataString(long101), Cancel);

        var problem = await ProblemAssert.NamesParameterAsync(nearby, HttpStatusCode.BadRequest, "/problems/invalid-parameter", "place");
        Assert.Contains("höchstens 100 Zeichen", problem.GetProperty("detail").GetString() + problem.GetProperty("errors").ToString());
        await ProblemAssert.NamesParameterAsync(places, HttpStatusCode.BadRequest, "/problems/invalid-parameter", "q");
        // 100 characters are still matched (and found nothing, or something).
        Assert.NotEqual(HttpStatusCode.BadRequest, (await api.Client.GetAsync("/api/places?q=" + long101[..100], Cancel)).StatusCode);
    }

    [Fact]
    public async Task AnUnknownPlaceSuggestsTheClosestNames()
    {
        var response = await api.Client.GetAsync("/api/managers/nearby?place=Muenstr", Cancel);

        var problem = await ProblemAssert.NamesParameterAsync(response, HttpStatusCode.NotFound, "/problems/place-not-found", "place");
        Assert.Contains("Meinten Sie „Münster“?", problem.GetProperty("detail").GetString());
    }
}
