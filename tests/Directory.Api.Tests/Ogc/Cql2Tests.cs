using System.Net;
using System.Text.Json;
using Directory.Api.Ogc;
using Directory.Api.Ogc.Filters;
using Directory.Testing;

namespace Directory.Api.Tests.Ogc;

/// <summary>CQL2 filters: the specification's examples in both encodings, and predicates with hand-counted answers on real data.</summary>
public sealed class Cql2Tests(ReadOnlyApiFixture api) : IClassFixture<ReadOnlyApiFixture>
{
    private static readonly string Examples = Path.Combine(RepositoryPaths.Root, "tests", "TestData", "cql2");

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Examples outside our classes: functions, arithmetic, temporal and array operators, property-property and
    // case- or accent-insensitive comparison, the other spatial functions, timestamps and dates as literals.
    private static readonly string[] Unsupported =
    [
        "(", "+", "*", "/", " div ", "T_", "A_", "CASEI", "ACCENTI", "S_CONTAINS", "S_CROSSES", "S_DISJOINT", "S_EQUALS",
        "S_OVERLAPS", "S_TOUCHES", "S_WITHIN", "TIMESTAMP", "DATE(", "INTERVAL", "avg", "Foo", "SUBSTR", "\"", "ENVELOPE",
    ];

    public static TheoryData<string> SupportedExamples()
    {
        var data = new TheoryData<string>();
        foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(Examples, "text"), "*.txt").Order(StringComparer.Ordinal))
        {
            var text = File.ReadAllText(file);
            var functions = System.Text.RegularExpressions.Regex.Matches(text, @"([A-Za-z_]+)\s*\(").Select(m => m.Groups[1].Value.ToUpperInvariant())
                .Where(name => name is not ("S_INTERSECTS" or "BBOX" or "POINT" or "LINESTRING" or "POLYGON" or "MULTIPOINT" or "MULTILINESTRING" or "MULTIPOLYGON" or "IN"));
            var arithmetic = System.Text.RegularExpressions.Regex.IsMatch(text, @"[A-Za-z0-9_)]\s*[-+*/]\s*[A-Za-z0-9_(]");
            if (!functions.Any() && !arithmetic && !Unsupported.Skip(1).Any(u => text.Contains(u, StringComparison.OrdinalIgnoreCase))
                && File.Exists(Path.Combine(Examples, "json", Path.GetFileNameWithoutExtension(file) + ".json")))
            {
                data.Add(Path.GetFileNameWithoutExtension(file));
            }
        }

        return data;
    }

    [Fact]
    public void ManyExamplesAreWithinOurClasses() => Assert.True(SupportedExamples().Count >= 20, $"{SupportedExamples().Count} examples");

    [Theory]
    [MemberData(nameof(SupportedExamples))]
    public void AnExampleParsesInBothEncodingsToTheSameFilter(string name)
    {
        var text = Cql2TextParser.Read(File.ReadAllText(Path.Combine(Examples, "text", name + ".txt")));
        var json = Cql2JsonParser.Read(File.ReadAllText(Path.Combine(Examples, "json", name + ".json")));

        Assert.Equal(json, text);
    }

    [Theory]
    [InlineData("name = 'Olpe' AND", "Zeile 1, Spalte 18")]
    [InlineData("name = 'Olpe", "Zeile 1, Spalte 13")]
    [InlineData("einwohner BETWEEN 1 AND", "Zeile 1, Spalte 24")]
    [InlineData("S_INTERSECTS(geometry, POINT(7 51)", "Zeile 1, Spalte 35")]
    [InlineData("name =\n  'Olpe' OR OR name = 'Wenden'", "Zeile 2, Spalte 13")]
    public void AnInvalidTextNamesWhereItBreaks(string filter, string position)
    {
        var error = Assert.Throws<Cql2Exception>(() => Cql2TextParser.Read(filter));

        Assert.Equal(position, error.Position);
    }

    private async Task<(int Count, string[] Ids)> ItemsAsync(string collection, string filter, string language = "cql2-text", string? crs = null,
        HttpClient? client = null)
    {
        var query = $"/ogc/collections/{collection}/items?limit=10000&filter={Uri.EscapeDataString(filter)}&filter-lang={language}"
            + (crs is null ? "" : $"&filter-crs={Uri.EscapeDataString(crs)}");
        var response = await (client ?? api.Client).GetAsync(query, Cancel);
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{filter}: {await response.Content.ReadAsStringAsync(Cancel)}");
        var root = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;
        return (root.GetProperty("numberMatched").GetInt32(), [.. root.GetProperty("features").EnumerateArray().Select(f => f.GetProperty("id").GetString()!).Order(StringComparer.Ordinal)]);
    }

    // Kreis Olpe's seven Gemeinden (GV100): Attendorn, Drolshagen, Finnentrop, Kirchhundem, Lennestadt, Olpe, Wenden.
    private static readonly string[] KreisOlpe = ["05966004", "05966008", "05966012", "05966016", "05966020", "05966024", "05966028"];

    [Theory]
    [InlineData("kreis = '05966'", "cql2-text")]
    [InlineData("""{"op":"=","args":[{"property":"kreis"},"05966"]}""", "cql2-json")]
    [InlineData("kreis = '05966'", "cql-text")]
    [InlineData("schluessel LIKE '05966%' AND NOT schluessel = '05966'", "cql2-text")]
    [InlineData("kreis IN ('05966') AND einwohner BETWEEN 0 AND 100000000", "cql2-text")]
    [InlineData("""{"op":"and","args":[{"op":"in","args":[{"property":"kreis"},["05966","05999"]]},{"op":"not","args":[{"op":"isNull","args":[{"property":"name"}]}]}]}""", "cql2-json")]
    public async Task TheGemeindenOfKreisOlpeInEveryForm(string filter, string language)
    {
        var (count, ids) = await ItemsAsync("gemeinden", filter, language);

        Assert.Equal(7, count);
        Assert.Equal(KreisOlpe, ids);
    }

    [Fact]
    public async Task GemeindenIntersectingABoxAroundKoelnAreThoseGdalFinds()
    {
        // Independently: GDAL's own spatial filter (GEOS) over the boundaries file in data/.
        var ogr2ogr = ExternalTool.Require("ogr2ogr", "gdal-bin");
        var (exitCode, csv, errors) = ExternalTool.Run(ogr2ogr, "-f", "CSV", "/vsistdout/", "-spat", "6.8", "50.85", "7.1", "51.0",
            "-spat_srs", "OGC:CRS84", "-select", "ags", RepositoryPaths.DataFile("nrw-gemeinden-25832.geojson"));
        Assert.True(exitCode == 0, errors);
        var expected = csv.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1).Select(l => l.Trim('"')).Order(StringComparer.Ordinal).ToArray();
        Assert.Contains("05315000", expected); // Köln
        Assert.True(expected.Length >= 3, string.Join(", ", expected));

        var box = await ItemsAsync("gemeinden", "S_INTERSECTS(geometry, BBOX(6.8,50.85,7.1,51.0))");
        var polygon = await ItemsAsync("gemeinden", "S_INTERSECTS(geometry, POLYGON((6.8 50.85, 7.1 50.85, 7.1 51.0, 6.8 51.0, 6.8 50.85)))");
        var json = await ItemsAsync("gemeinden", """{"op":"s_intersects","args":[{"property":"geometry"},{"bbox":[6.8,50.85,7.1,51.0]}]}""", "cql2-json");
        var epsg4326 = await ItemsAsync("gemeinden", "S_INTERSECTS(geometry, BBOX(50.85,6.8,51.0,7.1))", crs: OgcCrsUris.Epsg4326);

        Assert.Equal(expected, box.Ids);
        Assert.Equal(expected, polygon.Ids);
        Assert.Equal(expected, json.Ids);
        Assert.Equal(expected, epsg4326.Ids);
    }

    [Fact]
    public async Task APointSelectsTheGemeindeItLiesInAndTheFamilyManagersAreFilteredByTheirPoints()
    {
        // The Olpe town hall, Franziskanerstraße 6: in Olpe.
        var olpe = await ItemsAsync("gemeinden", "S_INTERSECTS(geometry, POINT(7.8468 51.0290))");
        Assert.Equal(["05966024"], olpe.Ids);

        // The family managers: the demo list, in a service of this test's own.
        await using var factory = await DirectoryApiFactory.WithGeographyAsync();
        await factory.ImportDemoListAsync(Cancel);
        var client = factory.CreateClient();
        var managers = JsonDocument.Parse(await client.GetStringAsync("/api/managers", Cancel)).RootElement.EnumerateArray().ToList();
        var inBox = managers.Where(m => m.GetProperty("location").GetProperty("lon").GetDouble() is >= 7.7 and <= 8.1
            && m.GetProperty("location").GetProperty("lat").GetDouble() is >= 50.9 and <= 51.2).Select(m => m.GetProperty("id").GetInt32().ToString(System.Globalization.CultureInfo.InvariantCulture)).Order(StringComparer.Ordinal).ToArray();
        var filtered = await ItemsAsync("familienmanager", "S_INTERSECTS(geometry, BBOX(7.7,50.9,8.1,51.2))", client: client);
        Assert.Equal(inBox, filtered.Ids);
        Assert.True(inBox.Length > 0);
    }

    [Theory]
    [InlineData("name = 'Olpe' AND", "filter", "Zeile 1, Spalte 18")]
    [InlineData("name = 'Olpe' AND", "filter", "unerwartet: das Ende des Filters")]
    [InlineData("name = 'Olpe' )", "filter", "unerwartet: „)“")]
    [InlineData("gibtsnicht = 1", "filter", "„gibtsnicht“ ist keine abfragbare Eigenschaft")]
    [InlineData("{\"op\":\"=\",\"args\":[1]}", "filter", "$")]
    public async Task AnInvalidFilterIsA400NamingWhere(string filter, string parameter, string expected)
    {
        var language = filter.StartsWith('{') ? "cql2-json" : "cql2-text";
        var response = await api.Client.GetAsync($"/ogc/collections/gemeinden/items?filter={Uri.EscapeDataString(filter)}&filter-lang={language}", Cancel);

        var problem = await ProblemAssert.NamesParameterAsync(response, HttpStatusCode.BadRequest, "/problems/invalid-parameter", parameter);
        Assert.Contains(expected, problem.GetProperty("errors").GetProperty(parameter)[0].GetString());
    }

    [Fact]
    public async Task TheQueryablesNameThePropertiesAndTheGeometry()
    {
        var response = await api.Client.GetAsync("/ogc/collections/familienmanager/queryables", Cancel);
        Assert.Equal("application/schema+json", response.Content.Headers.ContentType?.MediaType);
        var schema = JsonDocument.Parse(await response.Content.ReadAsStringAsync(Cancel)).RootElement;

        Assert.Equal("object", schema.GetProperty("type").GetString());
        Assert.False(schema.GetProperty("additionalProperties").GetBoolean());
        var properties = schema.GetProperty("properties");
        Assert.Equal("string", properties.GetProperty("kreis").GetProperty("type").GetString());
        Assert.Equal("boolean", properties.GetProperty("ansprechpartner_familien").GetProperty("type").GetString());
        Assert.Equal("geometry-point", properties.GetProperty("geometry").GetProperty("format").GetString());
        Assert.Equal("number", JsonDocument.Parse(await api.Client.GetStringAsync("/ogc/collections/gemeinden/queryables", Cancel)).RootElement
            .GetProperty("properties").GetProperty("einwohner").GetProperty("type").GetString());
    }
}
