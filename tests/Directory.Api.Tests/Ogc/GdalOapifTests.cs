using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;
using Directory.Testing;

namespace Directory.Api.Tests.Ogc;

/// <summary>GDAL's OAPIF driver, a real OGC API client, against the running service.</summary>
public sealed partial class GdalOapifTests(KestrelApiFixture server) : IClassFixture<KestrelApiFixture>
{
    [GeneratedRegex(@"Feature Count: (\d+)")]
    private static partial Regex FeatureCount();

    private string Service => "OAPIF:" + server.BaseAddress.TrimEnd('/') + "/ogc";

    private async Task<JsonElement[]> PublicManagersAsync()
    {
        using var client = new HttpClient { BaseAddress = new Uri(server.BaseAddress) };
        return (await client.GetFromJsonAsync<JsonElement[]>("/api/managers", TestContext.Current.CancellationToken))!;
    }

    [Fact]
    public void OgrinfoListsTheFourCollections()
    {
        var ogrinfo = ExternalTool.Require("ogrinfo", "gdal-bin");

        var (exitCode, output, errors) = ExternalTool.Run(ogrinfo, "-ro", Service);

        Assert.Equal(0, exitCode);
        Assert.Contains("familienmanager (title: Familienmanager:innen) (Point)", output);
        Assert.Contains("gemeinden (title: Gemeinden) (Multi Polygon)", output);
        Assert.Contains("kreise (title: Kreise) (Multi Polygon)", output);
        Assert.Contains("regierungsbezirke (title: Regierungsbezirke) (Multi Polygon)", output);
        Assert.DoesNotContain("ERROR", errors);
    }

    [Fact]
    public async Task TheFamilyManagerLayerHasThePublicCountAndABboxSelectsTheRightSubset()
    {
        var ogrinfo = ExternalTool.Require("ogrinfo", "gdal-bin");
        var managers = await PublicManagersAsync();
        // Expected independently from the JSON API: public managers whose point lies in the box.
        var inBox = managers.Count(m =>
        {
            var location = m.GetProperty("location");
            var (lat, lon) = (location.GetProperty("lat").GetDouble(), location.GetProperty("lon").GetDouble());
            return lon >= 7.7 && lon <= 8.1 && lat >= 50.9 && lat <= 51.2;
        });

        var (_, all, allErrors) = ExternalTool.Run(ogrinfo, "-ro", "-so", Service, "familienmanager");
        var (_, subset, subsetErrors) = ExternalTool.Run(ogrinfo, "-ro", "-so", "-spat", "7.7", "50.9", "8.1", "51.2", Service, "familienmanager");

        Assert.Equal(managers.Length, int.Parse(FeatureCount().Match(all).Groups[1].Value));
        var lats = managers.Select(m => m.GetProperty("location").GetProperty("lat").GetDouble()).ToList();
        var lons = managers.Select(m => m.GetProperty("location").GetProperty("lon").GetDouble()).ToList();
        Assert.Contains(string.Create(System.Globalization.CultureInfo.InvariantCulture,
            $"Extent: ({lons.Min():0.000000}, {lats.Min():0.000000}) - ({lons.Max():0.000000}, {lats.Max():0.000000})"), all);
        Assert.Equal(inBox, int.Parse(FeatureCount().Match(subset).Groups[1].Value));
        Assert.True(inBox > 0 && inBox < managers.Length);
        Assert.DoesNotContain("ERROR", allErrors + subsetErrors);
    }

    [Fact]
    public void AWhereClauseIsSentToTheServerAsACql2FilterAndGetsTheSameFeatures()
    {
        var ogrinfo = ExternalTool.Require("ogrinfo", "gdal-bin");

        // CPL_DEBUG shows the requests GDAL makes: the filter must travel, not be evaluated on the client.
        var (exitCode, output, errors) = ExternalTool.Run(ogrinfo, "-ro", "-al", "-q", "-geom=NO", "--config", "CPL_DEBUG", "ON",
            "-where", "kreis = '05966'", Service, "gemeinden");

        Assert.Equal(0, exitCode);
        Assert.Matches(@"Fetch\(http://[^)]*/ogc/collections/gemeinden/items\?[^)]*filter=kreis%20%3D%20'05966'", errors);
        Assert.DoesNotContain("evaluated on client side", errors);
        var keys = Regex.Matches(output, @"schluessel \(String\) = (\d+)").Select(m => m.Groups[1].Value).Order(StringComparer.Ordinal).ToList();
        // Kreis Olpe's seven Gemeinden (GV100).
        Assert.Equal(["05966004", "05966008", "05966012", "05966016", "05966020", "05966024", "05966028"], keys);
    }

    [Fact]
    public async Task SmallPagesReachEveryFeature()
    {
        var ogrinfo = ExternalTool.Require("ogrinfo", "gdal-bin");
        var managers = await PublicManagersAsync();

        var (exitCode, output, errors) = ExternalTool.Run(ogrinfo, "-ro", "-al", "-q", "-oo", "PAGE_SIZE=7", Service, "familienmanager");

        Assert.Equal(0, exitCode);
        Assert.Equal(managers.Length, Regex.Matches(output, "OGRFeature\\(familienmanager\\)").Count);
        Assert.DoesNotContain("ERROR", errors);
    }

    [Fact]
    public async Task Ogr2ogrHarvestsEveryCollectionWithTheDatabaseCounts()
    {
        var ogr2ogr = ExternalTool.Require("ogr2ogr", "gdal-bin");
        var ogrinfo = ExternalTool.Require("ogrinfo", "gdal-bin");
        using var folder = new TemporaryDirectory();
        var target = folder.File("harvest.gpkg");
        var publicCount = (await PublicManagersAsync()).Length;

        var (exitCode, _, errors) = ExternalTool.Run(ogr2ogr, "-f", "GPKG", target, Service);

        Assert.Equal(0, exitCode);
        Assert.DoesNotContain("ERROR", errors);
        foreach (var (layer, expected) in new[] { ("familienmanager", publicCount), ("gemeinden", 396), ("kreise", 53), ("regierungsbezirke", 5) })
        {
            var (_, summary, _) = ExternalTool.Run(ogrinfo, "-ro", "-so", target, layer);
            Assert.Equal(expected, int.Parse(FeatureCount().Match(summary).Groups[1].Value));
        }
    }
}
