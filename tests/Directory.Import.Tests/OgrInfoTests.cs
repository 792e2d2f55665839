using System.Text.RegularExpressions;
using Directory.Testing;

namespace Directory.Import.Tests;

/// <summary>GDAL, a real GeoPackage client, opens what the importer wrote and sees the layers QGIS would show.</summary>
public sealed partial class OgrInfoTests : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [GeneratedRegex(@"Feature Count: (\d+)")]
    private static partial Regex FeatureCount();

    [Fact]
    public async Task GdalOpensTheImportedDatabaseWithFourLayersTheirCountsAndEpsg25832()
    {
        var ogrinfo = ExternalTool.Require("ogrinfo", "gdal-bin");
        var database = folder.File("directory.gpkg");
        Assert.Equal(0, (await CommandLine.RunAsync("geography", "--from", RepositoryPaths.Data, "--db", database)).ExitCode);
        var postcodeRows = File.ReadLines(RepositoryPaths.DataFile("nrw-plz.csv")).Count() - 1;

        var (exitCode, listing, listingErrors) = ExternalTool.Run(ogrinfo, "-ro", database);
        Assert.Equal(0, exitCode);
        Assert.Contains("using driver `GPKG' successful", listing);
        Assert.Contains("gemeinden (Multi Polygon)", listing);
        Assert.Contains("kreise (Multi Polygon)", listing);
        Assert.Contains("regierungsbezirke (Multi Polygon)", listing);
        Assert.Contains("postleitzahlen (Point)", listing);
        Assert.Equal("", listingErrors.Trim());

        foreach (var (layer, expected) in new[] { ("gemeinden", 396), ("kreise", 53), ("regierungsbezirke", 5), ("postleitzahlen", postcodeRows) })
        {
            var (layerExit, summary, errors) = ExternalTool.Run(ogrinfo, "-ro", "-so", database, layer);
            Assert.Equal(0, layerExit);
            Assert.Equal(expected, int.Parse(FeatureCount().Match(summary).Groups[1].Value));
            Assert.Contains("ID[\"EPSG\",25832]", summary);
            Assert.DoesNotContain("Warning", errors);
            Assert.DoesNotContain("ERROR", errors);
        }
    }

    [Fact]
    public async Task GdalReadsEveryGeometryWithoutComplaint()
    {
        var ogrinfo = ExternalTool.Require("ogrinfo", "gdal-bin");
        var database = folder.File("directory.gpkg");
        Assert.Equal(0, (await CommandLine.RunAsync("geography", "--from", RepositoryPaths.Data, "--db", database)).ExitCode);

        // Reading all features decodes every GeoPackage geometry blob; a bad header or NaN ordinate shows up here.
        var (exitCode, output, errors) = ExternalTool.Run(ogrinfo, "-ro", "-q", "-sql",
            "SELECT count(*) AS n, sum(ST_IsValid(geom)) AS valid FROM gemeinden", "-dialect", "SQLite", database);

        Assert.Equal(0, exitCode);
        Assert.Contains("n (Integer) = 396", output);
        Assert.Contains("valid (Integer) = 396", output);
        Assert.Equal("", errors.Trim());
    }
}
