using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Directory.Testing;

namespace Directory.Api.Tests.Ogc;

public sealed class OgcEndpointsTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<JsonElement> GetAsync(string path) => api.Client.GetFromJsonAsync<JsonElement>(path, Cancel);

    private static IEnumerable<string> Rels(JsonElement resource) =>
        resource.GetProperty("links").EnumerateArray().Select(l => l.GetProperty("rel").GetString()!);

    [Fact]
    public async Task TheLandingPageLinksDescriptionDocumentationConformanceAndData()
    {
        var landing = await GetAsync("/ogc");

        Assert.Superset(new HashSet<string> { "self", "alternate", "service-desc", "service-doc", "conformance", "data" }, Rels(landing).ToHashSet());
        var serviceDesc = landing.GetProperty("links").EnumerateArray().Single(l => l.GetProperty("rel").GetString() == "service-desc");
        Assert.Equal("application/vnd.oai.openapi+json;version=3.0", serviceDesc.GetProperty("type").GetString());
        var description = await GetAsync(new Uri(serviceDesc.GetProperty("href").GetString()!).PathAndQuery);
        Assert.StartsWith("3.0", description.GetProperty("openapi").GetString());
    }

    [Fact]
    public async Task EveryLinkOfTheLandingPageIsAnsweredDirectlyWithoutARedirect()
    {
        // QGIS reads the service-desc link and does not follow redirects: with a 302 there it cannot add the layer.
        var client = api.Factory.CreateClient(new Microsoft.AspNetCore.Mvc.Testing.WebApplicationFactoryClientOptions { AllowAutoRedirect = false });
        var landing = await GetAsync("/ogc");
        foreach (var link in landing.GetProperty("links").EnumerateArray())
        {
            var href = new Uri(link.GetProperty("href").GetString()!).PathAndQuery;
            using var response = await client.GetAsync(href, Cancel);
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{href} ({link.GetProperty("rel").GetString()}) answered {(int)response.StatusCode}");
        }

        using var description = await client.GetAsync("/ogc/api", Cancel);
        Assert.Equal("application/vnd.oai.openapi+json", description.Content.Headers.ContentType?.MediaType);
        var document = JsonDocument.Parse(await description.Content.ReadAsStringAsync(Cancel)).RootElement;
        Assert.StartsWith("3.0", document.GetProperty("openapi").GetString());
        // Described from the landing page: the server is …/ogc, the paths are below it (GDAL looks them up so).
        Assert.True(document.GetProperty("paths").TryGetProperty("/collections/{collectionId}/items", out _));
        Assert.EndsWith("/ogc", document.GetProperty("servers")[0].GetProperty("url").GetString());
    }

    [Fact]
    public async Task TheServiceDescriptionDeclaresTheItemsParametersWithTheLimitMaximum()
    {
        var description = await GetAsync("/openapi/ogc.json");
        var parameters = description.GetProperty("paths").GetProperty("/collections/{collectionId}/items").GetProperty("get")
            .GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);

        Assert.Superset(new HashSet<string> { "limit", "offset", "bbox", "bbox-crs", "crs", "ags", "kreis", "regierungsbezirk", "sortby", "filter", "filter-lang", "filter-crs" },
            parameters.Keys.ToHashSet());
        Assert.Equal(["cql2-text", "cql2-json", "cql-text"], parameters["filter-lang"].GetProperty("schema").GetProperty("enum").EnumerateArray().Select(e => e.GetString()));
        Assert.Equal("10000", parameters["limit"].GetProperty("schema").GetProperty("maximum").GetRawText());
    }

    [Fact]
    public async Task ConformanceDeclaresExactlyCoreGeoJsonHtmlCrsAndCql2Filters()
    {
        var classes = (await GetAsync("/ogc/conformance")).GetProperty("conformsTo").EnumerateArray().Select(c => c.GetString()).ToHashSet();

        Assert.Equal(new HashSet<string?>
        {
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/core",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/geojson",
            "http://www.opengis.net/spec/ogcapi-features-1/1.0/conf/html",
            "http://www.opengis.net/spec/ogcapi-features-2/1.0/conf/crs",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/features-filter",
            "http://www.opengis.net/spec/ogcapi-features-3/1.0/conf/queryables",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-text",
            "http://www.opengis.net/spec/cql2/1.0/conf/cql2-json",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-cql2",
            "http://www.opengis.net/spec/cql2/1.0/conf/advanced-comparison-operators",
            "http://www.opengis.net/spec/cql2/1.0/conf/basic-spatial-functions",
        }, classes);
    }

    [Fact]
    public async Task FourCollectionsWithCrs84ExtentsInsideNrwAndItemLinks()
    {
        var collections = (await GetAsync("/ogc/collections")).GetProperty("collections").EnumerateArray().ToList();

        Assert.Equal(["familienmanager", "gemeinden", "kreise", "regierungsbezirke"], collections.Select(c => c.GetProperty("id").GetString()));
        foreach (var collection in collections)
        {
            var bbox = collection.GetProperty("extent").GetProperty("spatial").GetProperty("bbox")[0].EnumerateArray().Select(n => n.GetDouble()).ToList();
            Assert.InRange(bbox[0], 5.8, 9.5);
            Assert.InRange(bbox[3], 50.3, 52.6);
            Assert.Contains("items", Rels(collection));
        }
    }

    [Fact]
    public async Task ItemsPageThroughEveryFeatureWithNextLinks()
    {
        var ids = new List<string>();
        var path = "/ogc/collections/kreise/items?limit=20";
        var matched = 0;
        while (path is not null)
        {
            var page = await GetAsync(path);
            matched = page.GetProperty("numberMatched").GetInt32();
            Assert.Equal(page.GetProperty("features").GetArrayLength(), page.GetProperty("numberReturned").GetInt32());
            ids.AddRange(page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!));
            var next = page.GetProperty("links").EnumerateArray().FirstOrDefault(l => l.GetProperty("rel").GetString() == "next");
            path = next.ValueKind == JsonValueKind.Undefined ? null : new Uri(next.GetProperty("href").GetString()!).PathAndQuery;
        }

        Assert.Equal(53, matched);
        Assert.Equal(53, ids.Distinct().Count());
    }

    [Fact]
    public async Task FiltersSelectByKreisAndAgs()
    {
        var olpe = await GetAsync("/ogc/collections/gemeinden/items?kreis=05966&limit=100");
        var koeln = await GetAsync("/ogc/collections/gemeinden/items?ags=05315000");
        var publicInOlpe = (await api.Client.GetFromJsonAsync<JsonElement[]>("/api/regions/05966/managers", Cancel))!.Length;
        var managersInOlpe = await GetAsync("/ogc/collections/familienmanager/items?kreis=05966&limit=100");

        Assert.Equal(7, olpe.GetProperty("numberMatched").GetInt32());
        Assert.Equal("Köln", koeln.GetProperty("features")[0].GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal(publicInOlpe, managersInOlpe.GetProperty("numberMatched").GetInt32());
    }

    [Fact]
    public async Task OnlyPublicEntriesAppearInTheFamilyManagerCollection()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "seeds", "familienmanager-demo.csv"), Encoding.GetEncoding(1252));
        var header = lines[0].Split(';').ToList();
        var hidden = lines.Skip(1).Select(l => l.Split(';'))
            .Where(r => r[header.IndexOf("Veröffentlichen")] != "ja" || r[header.IndexOf("Status")] != "aktiv")
            .Select(r => r[header.IndexOf("E-Mail")]).ToList();

        var body = await api.Client.GetStringAsync("/ogc/collections/familienmanager/items?limit=10000", Cancel);

        Assert.NotEmpty(hidden);
        Assert.All(hidden, email => Assert.DoesNotContain(email, body));
        Assert.DoesNotContain("zertifikat", body, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task OneFeatureByIdAndAsHtml()
    {
        var feature = await GetAsync("/ogc/collections/gemeinden/items/05966024");
        var html = await api.Client.GetAsync("/ogc/collections/gemeinden/items/05966024?f=html", Cancel);

        Assert.Equal("Olpe", feature.GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Olpe", await html.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task TheAcceptHeaderChoosesHtml()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/ogc/collections");
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("text/html"));

        var response = await api.Client.SendAsync(request, Cancel);

        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains("<html lang=\"de\">", await response.Content.ReadAsStringAsync(Cancel));
    }

    private const string Crs25832 = "http://www.opengis.net/def/crs/EPSG/0/25832";
    private const string Crs4326 = "http://www.opengis.net/def/crs/EPSG/0/4326";

    private static IEnumerable<double[]> Positions(JsonElement geometry)
    {
        static IEnumerable<double[]> Walk(JsonElement e) => e[0].ValueKind == JsonValueKind.Number
            ? [[e[0].GetDouble(), e[1].GetDouble()]]
            : e.EnumerateArray().SelectMany(Walk);
        return Walk(geometry.GetProperty("coordinates"));
    }

    [Fact]
    public async Task CollectionsOfferThreeCrsAndStoreInEpsg25832()
    {
        var collection = await GetAsync("/ogc/collections/gemeinden");

        Assert.Equal(["http://www.opengis.net/def/crs/OGC/1.3/CRS84", Crs4326, Crs25832],
            collection.GetProperty("crs").EnumerateArray().Select(c => c.GetString()));
        Assert.Equal(Crs25832, collection.GetProperty("storageCrs").GetString());
    }

    [Fact]
    public async Task InEpsg25832AMunicipalityHasTheOfficialCoordinatesWithinOneCentimetre()
    {
        var response = await api.Client.GetAsync($"/ogc/collections/gemeinden/items/05966024?crs={Uri.EscapeDataString(Crs25832)}", Cancel);
        var served = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement.GetProperty("geometry");
        var official = JsonDocument.Parse(File.ReadAllText(RepositoryPaths.DataFile("nrw-gemeinden-25832.geojson"))).RootElement
            .GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "05966024").GetProperty("geometry");

        Assert.Equal($"<{Crs25832}>", response.Headers.GetValues("Content-Crs").Single());
        var a = Positions(served).ToList();
        var b = Positions(official).ToList();
        Assert.Equal(b.Count, a.Count);
        Assert.All(a.Zip(b), p => Assert.True(Math.Abs(p.First[0] - p.Second[0]) <= 0.01 && Math.Abs(p.First[1] - p.Second[1]) <= 0.01));
    }

    [Fact]
    public async Task InEpsg4326LatitudeComesFirst()
    {
        var crs84 = await GetAsync("/ogc/collections/familienmanager/items?limit=5");
        var response = await api.Client.GetAsync($"/ogc/collections/familienmanager/items?limit=5&crs={Uri.EscapeDataString(Crs4326)}", Cancel);
        var epsg4326 = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;

        Assert.Equal($"<{Crs4326}>", response.Headers.GetValues("Content-Crs").Single());
        foreach (var (lonLat, latLon) in crs84.GetProperty("features").EnumerateArray().Zip(epsg4326.GetProperty("features").EnumerateArray()))
        {
            var p = Positions(lonLat.GetProperty("geometry")).Single();
            var q = Positions(latLon.GetProperty("geometry")).Single();
            Assert.Equal((p[1], p[0]), (q[0], q[1]));
        }
    }

    [Fact]
    public async Task ABboxInEpsg25832FindsTheMunicipalityAroundAnOfficialVertex()
    {
        var vertex = Positions(JsonDocument.Parse(File.ReadAllText(RepositoryPaths.DataFile("nrw-gemeinden-25832.geojson"))).RootElement
            .GetProperty("features").EnumerateArray().Single(f => f.GetProperty("id").GetString() == "05966024").GetProperty("geometry")).First();
        var box = FormattableString.Invariant($"{vertex[0] - 2},{vertex[1] - 2},{vertex[0] + 2},{vertex[1] + 2}");

        var found = await GetAsync($"/ogc/collections/gemeinden/items?bbox={box}&bbox-crs={Uri.EscapeDataString(Crs25832)}");

        Assert.Contains(found.GetProperty("features").EnumerateArray(), f => f.GetProperty("id").GetString() == "05966024");
        Assert.True(found.GetProperty("numberMatched").GetInt32() <= 3);
    }

    [Fact]
    public async Task ABboxInEpsg4326IsReadLatitudeFirst()
    {
        var crs84 = await GetAsync("/ogc/collections/familienmanager/items?limit=1000&bbox=7.7,50.9,8.1,51.2");
        var epsg4326 = await GetAsync($"/ogc/collections/familienmanager/items?limit=1000&bbox=50.9,7.7,51.2,8.1&bbox-crs={Uri.EscapeDataString(Crs4326)}");

        static List<string> Ids(JsonElement page) => page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList();
        Assert.NotEmpty(Ids(crs84));
        Assert.Equal(Ids(crs84), Ids(epsg4326));
    }

    [Theory]
    [InlineData(7.7, 50.9, 8.1, 51.2)]
    [InlineData(6.9, 50.9, 7.0, 51.0)]
    [InlineData(5.0, 49.0, 10.0, 53.0)]
    [InlineData(-180.0, -90.0, 180.0, 90.0)]
    [InlineData(12.0, 48.0, 13.0, 49.0)]
    public async Task ABboxSelectsExactlyTheManagersWhosePositionLiesInIt(double minLon, double minLat, double maxLon, double maxLat)
    {
        // Expected by brute force over every feature's own coordinates, in CRS84 and in EPSG:25832.
        var all = await GetAsync("/ogc/collections/familienmanager/items?limit=10000");
        var official = await GetAsync($"/ogc/collections/familienmanager/items?limit=10000&crs={Uri.EscapeDataString(Crs25832)}");
        static List<(string Id, double A, double B)> Points(JsonElement page) => page.GetProperty("features").EnumerateArray()
            .Select(f => (f.GetProperty("id").GetString()!, f.GetProperty("geometry").GetProperty("coordinates")[0].GetDouble(),
                f.GetProperty("geometry").GetProperty("coordinates")[1].GetDouble())).ToList();
        static List<string> Ids(JsonElement page) => page.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).ToList();
        var box = FormattableString.Invariant($"{minLon},{minLat},{maxLon},{maxLat}");

        var expected = Points(all).Where(p => p.A >= minLon && p.A <= maxLon && p.B >= minLat && p.B <= maxLat).Select(p => p.Id).ToList();
        var found = await GetAsync($"/ogc/collections/familienmanager/items?limit=10000&bbox={box}");
        Assert.Equal(expected, Ids(found));
        Assert.Equal(expected.Count, found.GetProperty("numberMatched").GetInt32());

        // The same box's corners as a rectangle in metres: compared on the EPSG:25832 coordinates the API itself serves.
        var metres = Points(official);
        var inMetres = metres.Where(p => p.A >= 400_000 && p.A <= 420_000 && p.B >= 5_640_000 && p.B <= 5_660_000).Select(p => p.Id).ToList();
        var foundInMetres = await GetAsync($"/ogc/collections/familienmanager/items?limit=10000&bbox=400000,5640000,420000,5660000&bbox-crs={Uri.EscapeDataString(Crs25832)}");
        Assert.Equal(inMetres, Ids(foundInMetres));
    }

    [Fact]
    public async Task SortbyOrdersByAPropertyBothWays()
    {
        var largest = await GetAsync("/ogc/collections/gemeinden/items?sortby=-einwohner&limit=1");
        var smallest = await GetAsync("/ogc/collections/gemeinden/items?sortby=einwohner&limit=1");

        // data/README.md: the largest municipality is Köln (1,024,621), the smallest Hallenberg (4,367).
        Assert.Equal("Köln", largest.GetProperty("features")[0].GetProperty("properties").GetProperty("name").GetString());
        Assert.Equal("Hallenberg", smallest.GetProperty("features")[0].GetProperty("properties").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/ogc/collections/gemeinden/items?sortby=groesse", "sortby", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/gemeinden/items?crs=EPSG:25832", "crs", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/gemeinden/items/05966024?crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F3035", "crs", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/gemeinden/items?bbox=7,51,8,52&bbox-crs=urn:x", "bbox-crs", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/gemeinden/items?bbox=51,7,95,8&bbox-crs=http%3A%2F%2Fwww.opengis.net%2Fdef%2Fcrs%2FEPSG%2F0%2F4326", "bbox", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/gemeinden/items?foo=1", "foo", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections?limit=5", "limit", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/gemeinden/items?limit=0", "limit", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/gemeinden/items?limit=10001", "limit", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/gemeinden/items?offset=-1", "offset", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/gemeinden/items?bbox=1,2,3", "bbox", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/gemeinden/items?bbox=8,51,7,52", "bbox", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/gemeinden/items?f=xml", "f", HttpStatusCode.BadRequest)]
    [InlineData("/ogc/collections/flughaefen", "collectionId", HttpStatusCode.NotFound)]
    [InlineData("/ogc/collections/gemeinden/items/99999999", "featureId", HttpStatusCode.NotFound)]
    public async Task BadRequestsAreProblemsNamingTheParameter(string path, string parameter, HttpStatusCode status)
    {
        var response = await api.Client.GetAsync(path, Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), problem.ToString());
    }
}
