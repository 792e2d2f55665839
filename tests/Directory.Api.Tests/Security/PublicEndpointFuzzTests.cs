using System.Globalization;
using System.Text;
using CsCheck;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Api.Tests.Security;

/// <summary>
/// Issue 19: every public GET endpoint (found in the service's own routing table, so a new one is fuzzed without a
/// change here) with generated query strings and route values: numbers, NaN, huge and negative values, empty,
/// unicode, injection strings, very long texts and repeated keys. Never a 5xx; every 4xx is a problem document.
/// CsCheck shrinks a failing request to a small one and prints its seed.
/// </summary>
public sealed class PublicEndpointFuzzTests : IAsyncLifetime
{
    private static readonly string[] ParameterNames =
    [
        "lat", "lon", "plz", "place", "q", "radiusKm", "limit", "level", "within", "format", "offset", "bbox", "bbox-crs",
        "crs", "sortby", "f", "ags", "kreis", "regierungsbezirk", "datetime", "filter", "unbekannt",
    ];

    private static readonly string[] Values =
    [
        "", " ", "0", "-0", "1", "-1", "10", "25", "100", "200", "201", "10000", "10001", "2147483647", "2147483648",
        "-2147483649", "99999999999999999999999", "1e308", "-1e308", "1e-320", "NaN", "nan", "Infinity", "-Infinity", "1,5",
        "0.5", "51.03", "7.85", "-91", "181", "05", "053", "05966", "05966024", "05999999", "0596602400", "57462", "00000",
        "Olpe", "olpe", "Münster", "Köln", "gemeinde", "kreis", "regierungsbezirk", "land", "json", "csv", "geojson", "html",
        "xml", "7.7,50.9,8.0,51.1", "8.0,51.1,7.7,50.9", "1,2,3", "1,2,3,4,5,6", "a,b,c,d", "-name", "+ags", "name,-ags",
        "http://www.opengis.net/def/crs/EPSG/0/25832", "http://www.opengis.net/def/crs/EPSG/0/4326",
        "http://www.opengis.net/def/crs/OGC/1.3/CRS84", "http://www.opengis.net/def/crs/EPSG/0/9999",
        "' OR '1'='1", "1; DROP TABLE family_managers; --", "<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
        "../../etc/passwd", "%00", "\0", "\u202e", "🙂", "ß", "Ünïcödé", "{}", "[]", "null", "true", "\t\n",
        new string('a', 101), new string('9', 5000), string.Concat(Enumerable.Repeat("Münster ", 600)),
    ];

    private DirectoryApiFactory factory = null!;
    private List<string> routes = [];

    public async ValueTask InitializeAsync()
    {
        factory = (await DirectoryApiFactory.WithGeographyAsync()).With("Security:PermitsPerMinute", "0");
        _ = factory.CreateClient();
        routes = factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.Metadata.GetMetadata<Microsoft.AspNetCore.Routing.HttpMethodMetadata>()?.HttpMethods.Contains("GET") == true)
            .Select(e => "/" + (e.RoutePattern.RawText ?? "").Trim('/'))
            .Where(r => (r.StartsWith("/api/", StringComparison.Ordinal) && !r.StartsWith("/api/admin", StringComparison.Ordinal))
                || r.StartsWith("/ogc", StringComparison.Ordinal) || r.StartsWith("/openapi", StringComparison.Ordinal))
            .Distinct().Order(StringComparer.Ordinal).ToList();
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public void TheRoutingTableHasThePublicEndpoints()
    {
        Assert.Contains("/api/managers/nearby", routes);
        Assert.Contains("/api/coverage", routes);
        Assert.Contains("/ogc/collections/{collectionId}/items", routes);
        Assert.True(routes.Count >= 20, string.Join(", ", routes));
    }

    [Fact]
    public async Task NoGeneratedRequestGetsA5xxAndEvery4xxIsAProblemDocument()
    {
        var client = factory.CreateClient();
        var value = Gen.Frequency(
            (6, Gen.OneOf(Values)),
            (1, Gen.Double.Select(d => d.ToString("R", CultureInfo.InvariantCulture))),
            (1, Gen.Int.Select(i => i.ToString(CultureInfo.InvariantCulture))),
            (1, Gen.String[0, 40]));
        var parameter = Gen.Select(Gen.Frequency((9, Gen.OneOf(ParameterNames)), (1, Gen.String[1, 8])), value);
        var request = Gen.Select(Gen.OneOf([.. routes]), value, parameter.Array[0, 6], Gen.Bool,
            (route, routeValue, parameters, repeat) => Url(route, routeValue, repeat && parameters.Length > 0 ? [.. parameters, parameters[0]] : parameters));

        await request.SampleAsync(async url =>
        {
            using var response = await client.GetAsync(url, TestContext.Current.CancellationToken);
            var status = (int)response.StatusCode;
            Assert.True(status < 500, $"{url} answered {status}");
            if (status >= 400)
            {
                Assert.True(response.Content.Headers.ContentType?.MediaType == "application/problem+json",
                    $"{url} answered {status} as {response.Content.Headers.ContentType}");
            }
        }, iter: 3000, threads: 1, print: url => url);
    }

    private static string Url(string route, string routeValue, (string Name, string Value)[] parameters)
    {
        // Every route value ({key}, {id}, {collectionId}, {featureId}, {documentName}) gets the generated one. A NUL
        // in the path never reaches the service (Kestrel refuses the request line; the test client throws).
        routeValue = routeValue.Replace("\0", "", StringComparison.Ordinal);
        var path = new StringBuilder();
        foreach (var segment in route.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            path.Append('/').Append(segment.StartsWith('{') ? Uri.EscapeDataString(routeValue.Length == 0 ? "x" : routeValue) : segment);
        }

        var query = string.Join('&', parameters.Select(p => $"{Uri.EscapeDataString(p.Name)}={Uri.EscapeDataString(p.Value)}"));
        return query.Length == 0 ? path.ToString() : $"{path}?{query}";
    }
}
