using System.Text.Json.Nodes;
using Directory.Core.Geography;
using Directory.Core.Geography.Import;
using Directory.Testing;

namespace Directory.Core.Tests.Geography;

/// <summary>
/// Every kind of bad input the geography import must reject, each made from a copy of the real files with one thing
/// spoilt. Each report must name the file, the feature and the property.
/// </summary>
public sealed class GeographyImporterTests : IDisposable
{
    private const string Municipalities = "nrw-gemeinden-25832.geojson";
    private readonly TemporaryDirectory folder = new();
    private readonly GeographySources sources;

    public GeographyImporterTests()
    {
        sources = GeographySources.InDirectory(folder.CopyGeography());
    }

    public void Dispose() => folder.Dispose();

    private IReadOnlyList<ImportProblem> LoadProblems() =>
        Assert.Throws<GeographyImportException>(() => GeographyImporter.Load(sources)).Problems;

    [Fact]
    public void TheUnchangedFilesLoadWithoutProblems()
    {
        var data = GeographyImporter.Load(sources);

        Assert.Equal(396, data.Municipalities.Count);
        Assert.Equal(53, data.Districts.Count);
        Assert.Equal(5, data.GovernmentRegions.Count);
        Assert.Equal(File.ReadLines(sources.Postcodes).Count() - 1, data.Postcodes.Count);
        Assert.Equal(File.ReadLines(sources.PopulationGrid).Count() - 1, data.PopulationCells.Count);
    }

    [Fact]
    public void AFileThatIsNotJsonIsReportedWithItsName()
    {
        File.WriteAllText(sources.Municipalities, "AGS;Name\n05315000;Köln\n");

        var problem = Assert.Single(LoadProblems());

        Assert.Equal(Municipalities, problem.File);
        Assert.Contains("kein gültiges JSON", problem.Message);
    }

    [Fact]
    public void ATruncatedFileIsReportedWithTheLineWhereItBreaks()
    {
        var text = File.ReadAllText(sources.Municipalities);
        File.WriteAllText(sources.Municipalities, text[..(text.Length / 2)]);

        var problem = Assert.Single(LoadProblems());

        Assert.Equal(Municipalities, problem.File);
        Assert.Matches("Zeile [0-9]+, Zeichen [0-9]+", problem.Message);
    }

    [Fact]
    public void ACoordinateFileWithoutItsCrsIsReportedAsOutsideNrw()
    {
        // The EPSG:25832 file without its crs member reads as degrees: metres far outside NRW.
        GeoJsonEdit.Change(sources.Municipalities, root => root.Remove("crs"));

        var problems = LoadProblems();

        Assert.Equal(396, problems.Count(p => p.File == Municipalities && p.Property == "geometry"));
        var koeln = problems.Single(p => p.Location!.Contains("05315000"));
        Assert.Contains("EPSG:4326", koeln.Message);
    }

    [Fact]
    public void AnUnsupportedCrsIsReportedOnTheCrsMember()
    {
        GeoJsonEdit.Change(sources.Municipalities, root => root["crs"] = JsonNode.Parse(
            """{"type":"name","properties":{"name":"urn:ogc:def:crs:EPSG::3035"}}"""));

        var problem = Assert.Single(LoadProblems());

        Assert.Equal((Municipalities, "crs"), (problem.File, problem.Property));
        Assert.Contains("EPSG::3035", problem.Message);
    }

    [Fact]
    public void AMissingAgsIsReportedWithTheFeature()
    {
        var position = 0;
        GeoJsonEdit.Change(sources.Municipalities, root =>
        {
            position = GeoJsonEdit.Position(root, "05315000");
            GeoJsonEdit.Feature(root, "05315000")["properties"]!.AsObject().Remove("ags");
        });

        var problem = Assert.Single(LoadProblems(), p => p.Property == "ags");

        Assert.Equal(Municipalities, problem.File);
        Assert.Equal($"Feature {position} (05315000)", problem.Location);
    }

    [Fact]
    public void AnAgsOutsideNrwOrOfTheWrongLengthIsReported()
    {
        GeoJsonEdit.Change(sources.Municipalities, root =>
            GeoJsonEdit.Feature(root, "05966024")["properties"]!["ags"] = "0966024");

        var problem = Assert.Single(LoadProblems(), p => p.Property == "ags");

        Assert.Contains("0966024", problem.Message);
        Assert.Contains("8 Ziffern", problem.Message);
    }

    [Fact]
    public void ASelfIntersectingPolygonIsReportedWithItsLocation()
    {
        // A bow tie inside Olpe (EPSG:25832, like the file): its two edges cross at (420000, 5654000).
        GeoJsonEdit.Change(sources.Municipalities, root =>
            GeoJsonEdit.Feature(root, "05966024")["geometry"] = JsonNode.Parse(
                """{"type":"Polygon","coordinates":[[[419000,5653000],[421000,5655000],[421000,5653000],[419000,5655000],[419000,5653000]]]}"""));

        var problems = LoadProblems();

        var problem = Assert.Single(problems, p => p.Property == "geometry" && p.Location!.Contains("05966024"));
        Assert.Contains("Selbstüberschneidung", problem.Message);
        Assert.Contains("(420000, 5654000)", problem.Message);
    }

    [Fact]
    public void AMunicipalityWhoseKreisIsUnknownIsReported()
    {
        GeoJsonEdit.Change(sources.Municipalities, root =>
        {
            var properties = GeoJsonEdit.Feature(root, "05966024")["properties"]!;
            properties["ags"] = "05968024";
            properties["kreis_ags"] = "05968";
        });

        var problem = Assert.Single(LoadProblems());

        Assert.Equal((Municipalities, "kreis_ags"), (problem.File, problem.Property));
        Assert.Contains("05968", problem.Message);
        Assert.Contains("nrw-kreise.geojson", problem.Message);
    }

    [Fact]
    public void AMunicipalityOutsideItsKreisIsReported()
    {
        // Olpe gets Köln's boundary: its keys still say Kreis Olpe, but the polygon lies in Köln.
        GeoJsonEdit.Change(sources.Municipalities, root =>
        {
            var koeln = GeoJsonEdit.Feature(root, "05315000")["geometry"]!.DeepClone();
            GeoJsonEdit.Feature(root, "05966024")["geometry"] = koeln;
        });

        var problems = LoadProblems();

        Assert.Contains(problems, p => p.Location!.Contains("05966024") && p.Property == "geometry" && p.Message.Contains("05966"));
        Assert.Contains(problems, p => p.Location!.Contains("05966024") && p.Property == "geometry" && p.Message.Contains("059"));
    }

    [Fact]
    public void AMissingFeatureIsReportedAsAWrongCount()
    {
        GeoJsonEdit.Change(sources.Municipalities, root => root["features"]!.AsArray().RemoveAt(0));

        var problem = Assert.Single(LoadProblems(), p => p.Location is null);

        Assert.Contains("396", problem.Message);
        Assert.Contains("395", problem.Message);
    }

    [Fact]
    public void ADuplicateKeyIsReported()
    {
        GeoJsonEdit.Change(sources.Districts, root =>
        {
            var features = root["features"]!.AsArray();
            features.Add(features[0]!.DeepClone());
        });

        var problems = LoadProblems();

        Assert.Contains(problems, p => p.File == "nrw-kreise.geojson" && p.Property == "kreis_ags" && p.Message.Contains("2-mal"));
    }

    [Fact]
    public void BadPostcodeRowsAreReportedWithTheirLine()
    {
        var lines = File.ReadAllLines(sources.Postcodes);
        lines[3] = "5746,05966024,Olpe,Olpe,05966,7.8514,51.029,within,0";
        lines[5] = "57462,05966099,Olpe,Olpe,05966,7.8514,51.029,within,0";
        lines[7] = "57462,05966024,Olpe,Olpe,05966,sieben,51.029,within,0";
        File.WriteAllLines(sources.Postcodes, lines);

        var problems = LoadProblems();

        Assert.Contains(problems, p => p.File == "nrw-plz.csv" && p.Location == "Zeile 4" && p.Property == "plz");
        Assert.Contains(problems, p => p.File == "nrw-plz.csv" && p.Property == "ags" && p.Message.Contains("05966099"));
        Assert.Contains(problems, p => p.File == "nrw-plz.csv" && p.Location == "Zeile 8" && p.Property == "lon");
    }

    [Fact]
    public void AMissingFileIsReportedByName()
    {
        File.Delete(sources.GovernmentRegions);

        var problem = Assert.Single(LoadProblems());

        Assert.Equal("nrw-regierungsbezirke.geojson", problem.File);
    }

    [Fact]
    public void EveryProblemReadsAsOneGermanLineWithFileFeatureAndProperty()
    {
        GeoJsonEdit.Change(sources.Municipalities, root =>
            GeoJsonEdit.Feature(root, "05315000")["properties"]!["population"] = "viele");

        var line = Assert.Single(LoadProblems()).ToString();

        Assert.StartsWith("nrw-gemeinden-25832.geojson, Feature ", line);
        Assert.Contains("(05315000), Eigenschaft „population“: ", line);
        Assert.Contains("„viele“", line);
    }
}
