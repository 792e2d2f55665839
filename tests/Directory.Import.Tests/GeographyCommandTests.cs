using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Directory.Import.Tests;

public sealed class GeographyCommandTests : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    private string Database => folder.Database;

    private Task<(int ExitCode, string Output, string Error)> ImportAsync(string from, params string[] more) =>
        CommandLine.RunAsync(["geography", "--from", from, "--db", Database, .. more]);

    [Fact]
    public async Task ImportsTheGeographyIntoANewDatabase()
    {
        var (exitCode, output, error) = await ImportAsync(RepositoryPaths.Data);

        Assert.Equal(0, exitCode);
        Assert.Equal("", error);
        Assert.Contains("396 Gemeinden", output);

        await using var db = DirectoryDatabase.CreateContext(Database);
        Assert.Equal(396, await db.Municipalities.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(53, await db.Districts.CountAsync(TestContext.Current.CancellationToken));
        Assert.Equal(5, await db.GovernmentRegions.CountAsync(TestContext.Current.CancellationToken));
        // Population summed over the municipalities, as data/README.md states it: 18,034,454.
        Assert.Equal(18_034_454, await db.Municipalities.SumAsync(m => m.Population, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ImportingTwiceGivesTheSameContent()
    {
        await ImportAsync(RepositoryPaths.Data);
        var first = await ContentFingerprintAsync();

        var (exitCode, _, _) = await ImportAsync(RepositoryPaths.Data);

        Assert.Equal(0, exitCode);
        Assert.Equal(first, await ContentFingerprintAsync());
    }

    private async Task<string> ContentFingerprintAsync()
    {
        await using var db = DirectoryDatabase.CreateContext(Database);
        var rows = await db.Municipalities.AsNoTracking().OrderBy(m => m.Ags).ToListAsync(TestContext.Current.CancellationToken);
        var postcodes = await db.Postcodes.AsNoTracking().OrderBy(p => p.Code).ThenBy(p => p.Place)
            .Select(p => p.Code + p.Place + p.Ags).ToListAsync(TestContext.Current.CancellationToken);
        return string.Join("|", rows.Select(m => $"{m.Ags};{m.Name};{m.Population};{m.Boundary.AsText().GetHashCode()}"))
               + string.Join("|", postcodes);
    }

    public static TheoryData<string, string, string> BadFiles => new()
    {
        { "not-json", "nrw-gemeinden-25832.geojson", "" },
        { "truncated", "nrw-gemeinden-25832.geojson", "" },
        { "wrong-crs", "nrw-gemeinden-25832.geojson", "geometry" },
        { "missing-ags", "nrw-gemeinden-25832.geojson", "ags" },
        { "self-intersection", "nrw-gemeinden-25832.geojson", "geometry" },
        { "unknown-kreis", "nrw-gemeinden-25832.geojson", "kreis_ags" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ABadFileIsReportedAndLeavesTheDatabaseExactlyAsItWas(string spoil, string file, string property)
    {
        Assert.Equal(0, (await ImportAsync(RepositoryPaths.Data)).ExitCode);
        var before = await TestStore.FingerprintAsync(Database);
        var source = folder.CopyGeography();
        Spoil(spoil, Path.Combine(source, "nrw-gemeinden-25832.geojson"));

        var (exitCode, output, error) = await ImportAsync(source);

        Assert.Equal(ImportCommandLine.ExitInvalidInput, exitCode);
        Assert.Equal("", output);
        Assert.Contains(file, error);
        if (property != "")
        {
            Assert.Contains($"Eigenschaft „{property}“", error);
        }

        Assert.Contains("nicht verändert", error);
        Assert.Equal(before, await TestStore.FingerprintAsync(Database));
    }

    [Fact]
    public async Task ABadFileCreatesNoDatabaseWhereThereWasNone()
    {
        var source = folder.CopyGeography();
        Spoil("not-json", Path.Combine(source, "nrw-gemeinden-25832.geojson"));

        var (exitCode, _, _) = await ImportAsync(source);

        Assert.Equal(ImportCommandLine.ExitInvalidInput, exitCode);
        Assert.False(await TestStore.ExistsAsync(Database));
    }

    [Fact]
    public async Task ADatabasePathThatCannotBeWrittenGivesAClearError()
    {
        TestStore.RequireGeoPackage("a folder given as the database file");
        var (exitCode, _, error) = await CommandLine.RunAsync("geography", "--from", RepositoryPaths.Data, "--db", folder.Path);

        Assert.Equal(ImportCommandLine.ExitDatabaseError, exitCode);
        Assert.Contains(folder.Path, error);
        Assert.Contains("nicht verändert", error);
    }

    private static void Spoil(string how, string path)
    {
        switch (how)
        {
            case "not-json":
                File.WriteAllText(path, "AGS;Name\n05315000;Köln\n");
                break;
            case "truncated":
                var text = File.ReadAllText(path);
                File.WriteAllText(path, text[..(text.Length * 2 / 3)]);
                break;
            case "wrong-crs":
                GeoJsonEdit.Change(path, root => root.Remove("crs"));
                break;
            case "missing-ags":
                GeoJsonEdit.Change(path, root => GeoJsonEdit.Feature(root, "05315000")["properties"]!.AsObject().Remove("ags"));
                break;
            case "self-intersection":
                GeoJsonEdit.Change(path, root => GeoJsonEdit.Feature(root, "05966024")["geometry"] = JsonNode.Parse(
                    """{"type":"Polygon","coordinates":[[[419000,5653000],[421000,5655000],[421000,5653000],[419000,5655000],[419000,5653000]]]}"""));
                break;
            case "unknown-kreis":
                GeoJsonEdit.Change(path, root =>
                {
                    var properties = GeoJsonEdit.Feature(root, "05966024")["properties"]!;
                    properties["ags"] = "05968024";
                    properties["kreis_ags"] = "05968";
                });
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(how), how, null);
        }
    }
}
