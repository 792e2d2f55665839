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
        Assert.Contains("strassennetz (Polygon)", listing);
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

    [Fact]
    public async Task EveryLayerHasAnRtreeIndexThatImportsKeepCurrentAndGdalUsesForABbox()
    {
        var ogrinfo = ExternalTool.Require("ogrinfo", "gdal-bin");
        var database = folder.File("directory.gpkg");
        var lists = Path.Combine(RepositoryPaths.Root, "tests", "TestData", "lists");
        Assert.Equal(0, (await CommandLine.RunAsync("geography", "--from", RepositoryPaths.Data, "--db", database)).ExitCode);
        Assert.Equal(0, (await CommandLine.RunAsync("list", Path.Combine(RepositoryPaths.Root, "seeds", "familienmanager-demo.csv"), "--db", database)).ExitCode);
        // A replacement removes and inserts entries, a merge updates some: the index follows every write.
        Assert.Equal(0, (await CommandLine.RunAsync("list", Path.Combine(lists, "utf8-bom-semicolon-wgs84.csv"), "--db", database)).ExitCode);
        Assert.Equal(0, (await CommandLine.RunAsync("list", Path.Combine(RepositoryPaths.Root, "seeds", "familienmanager-demo.csv"), "--merge", "--db", database)).ExitCode);
        // The road network's layer too, replaced by a second import.
        Assert.Equal(0, (await CommandLine.RunAsync("roads", RepositoryPaths.OsmExtract("aplerbeck.osm.pbf"), "--db", database)).ExitCode);
        Assert.Equal(0, (await CommandLine.RunAsync("roads", RepositoryPaths.OsmExtract("aachen.osm.pbf"), "--db", database)).ExitCode);

        foreach (var layer in Directory.Core.Storage.GeoPackageLayers.GeometryLayers)
        {
            var (exitCode, output, errors) = ExternalTool.Run(ogrinfo, "-ro", "-q", "-sql",
                $"SELECT HasSpatialIndex('{layer}', 'geom') AS indexed, (SELECT count(*) FROM \"{layer}\") AS rows_, "
                + $"(SELECT count(*) FROM \"rtree_{layer}_geom\") AS entries, "
                + $"(SELECT count(*) FROM \"{layer}\" m JOIN \"rtree_{layer}_geom\" r ON r.id = m.fid "
                + "WHERE r.minx <= ST_MinX(m.geom) AND r.maxx >= ST_MaxX(m.geom) AND r.miny <= ST_MinY(m.geom) AND r.maxy >= ST_MaxY(m.geom)) AS covering",
                database);
            Assert.True(exitCode == 0, errors);
            var values = Regex.Matches(output, @"(\w+) \(Integer\) = (\d+)").ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value));
            Assert.True(values["indexed"] == 1, $"{layer}: no spatial index ({output})");
            Assert.True(values["rows_"] > 0, layer);
            Assert.Equal(values["rows_"], values["entries"]);
            Assert.Equal(values["rows_"], values["covering"]);
        }

        // A bbox query goes through the index, and finds what a full scan finds.
        string[] bbox = ["-spat", "400000", "5640000", "430000", "5670000"];
        var (indexedExit, indexed, debug) = ExternalTool.Run(ogrinfo, ["--debug", "on", "-ro", "-so", .. bbox, database, "gemeinden"]);
        Assert.Equal(0, indexedExit);
        Assert.Contains("rtree_gemeinden_geom", debug);
        var withIndex = int.Parse(FeatureCount().Match(indexed).Groups[1].Value);
        var scanned = folder.File("ohne-index.gpkg");
        File.Copy(database, scanned);
        await using (var connection = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={scanned};Pooling=False"))
        {
            await connection.OpenAsync(TestContext.Current.CancellationToken);
            await using var drop = connection.CreateCommand();
            drop.CommandText = "DELETE FROM gpkg_extensions WHERE extension_name = 'gpkg_rtree_index'; DROP TABLE rtree_gemeinden_geom;";
            await drop.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var (_, full, _) = ExternalTool.Run(ogrinfo, ["-ro", "-so", .. bbox, scanned, "gemeinden"]);
        Assert.True(withIndex > 3, indexed);
        Assert.Equal(int.Parse(FeatureCount().Match(full).Groups[1].Value), withIndex);
    }
}
