using Directory.Core.Roads.Import;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.EntityFrameworkCore;

namespace Directory.Import.Tests;

/// <summary>
/// <c>Directory.Import roads</c> on the real extracts of tests/TestData/osm, and on files that must be refused: each
/// refusal names the problem and leaves the network imported before untouched.
/// </summary>
public sealed class RoadsCommandTests : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    private string Database => folder.Database;

    [Fact]
    public async Task TheAachenExtractIsStoredAndReadsBackAsTheNetworkTheReaderBuilds()
    {
        var file = RepositoryPaths.OsmExtract("aachen.osm.pbf");
        var (exitCode, output, _) = await CommandLine.RunAsync("roads", file, "--db", Database);

        Assert.Equal(0, exitCode);
        var expected = OsmRoadReader.Read(file, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains($"{expected.NodeCount:N0} Knoten".Replace(",", "."), output.Replace(",", "."));
        Assert.Contains("© OpenStreetMap-Mitwirkende, ODbL", output);
        await using var db = DirectoryDatabase.CreateContext(Database);
        var record = Assert.Single(await db.RoadNetworks.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("aachen.osm.pbf", expected.NodeCount, expected.EdgeCount), (record.Source, record.Nodes, record.Edges));
        Assert.Equal(expected.Extent, record.Extent.EnvelopeInternal);
        var loaded = await RoadNetworkStore.LoadAsync(db, TestContext.Current.CancellationToken);
        Assert.NotNull(loaded);
        Assert.Equal((expected.NodeCount, expected.EdgeCount), (loaded.NodeCount, loaded.EdgeCount));
        Assert.Equal(expected.Arcs(expected.NodeCount - 1), loaded.Arcs(loaded.NodeCount - 1));
        // The import bumps the geography's counter, so a running service loads the network with its next snapshot.
        Assert.Equal(1, (await DirectoryState.ReadAsync(db, TestContext.Current.CancellationToken)).Geography);
    }

    [Fact]
    public async Task ASecondImportReplacesTheFirst()
    {
        Assert.Equal(0, (await CommandLine.RunAsync("roads", RepositoryPaths.OsmExtract("aachen.osm.pbf"), "--db", Database)).ExitCode);
        Assert.Equal(0, (await CommandLine.RunAsync("roads", RepositoryPaths.OsmExtract("aplerbeck.osm.pbf"), "--db", Database)).ExitCode);

        var expected = OsmRoadReader.Read(RepositoryPaths.OsmExtract("aplerbeck.osm.pbf"), cancellationToken: TestContext.Current.CancellationToken);
        await using var db = DirectoryDatabase.CreateContext(Database);
        var record = Assert.Single(await db.RoadNetworks.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal(("aplerbeck.osm.pbf", expected.NodeCount), (record.Source, record.Nodes));
        var loaded = (await RoadNetworkStore.LoadAsync(db, TestContext.Current.CancellationToken))!;
        Assert.Equal((expected.NodeCount, expected.EdgeCount, expected.Extent), (loaded.NodeCount, loaded.EdgeCount, loaded.Extent));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "not-a-pbf", "keine OpenStreetMap-PBF-Datei" },
        { "truncated", "unvollständig" },
        { "no-roads", "enthält keine Straßen" },
        { "outside-nrw", "liegt nicht in Nordrhein-Westfalen" },
    };

    [Theory]
    [MemberData(nameof(BadFiles))]
    public async Task ABadFileIsRefusedWithItsReasonAndTheNetworkBeforeStays(string kind, string message)
    {
        Assert.Equal(0, (await CommandLine.RunAsync("roads", RepositoryPaths.OsmExtract("aplerbeck.osm.pbf"), "--db", Database)).ExitCode);
        var path = folder.File(kind + ".osm.pbf");
        switch (kind)
        {
            case "not-a-pbf":
                File.Copy(Path.Combine(RepositoryPaths.Root, "seeds", "familienmanager-demo.csv"), path);
                break;
            case "truncated":
                var bytes = File.ReadAllBytes(RepositoryPaths.OsmExtract("aachen.osm.pbf"));
                File.WriteAllBytes(path, bytes[..(bytes.Length * 2 / 3)]);
                break;
            case "no-roads":
                // A building outline in Köln: a way, but not a road.
                OsmFiles.Write(path, [(6.95, 50.94), (6.951, 50.94), (6.951, 50.941)], []);
                break;
            case "outside-nrw":
                // Streets in München.
                OsmFiles.Write(path, [(11.57, 48.13), (11.58, 48.13), (11.58, 48.14)], [([1, 2], "residential"), ([2, 3], "primary")]);
                break;
        }

        var (exitCode, output, error) = await CommandLine.RunAsync("roads", path, "--db", Database);

        Assert.Equal(ImportCommandLine.ExitInvalidInput, exitCode);
        Assert.Contains(message, error);
        Assert.Contains(Path.GetFileName(path), error);
        Assert.Contains("Nichts importiert", error);
        Assert.Equal("", output);
        await using var db = DirectoryDatabase.CreateContext(Database);
        var record = Assert.Single(await db.RoadNetworks.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken));
        Assert.Equal("aplerbeck.osm.pbf", record.Source);
        Assert.NotNull(await RoadNetworkStore.LoadAsync(db, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ALargeFileShowsItsProgressAndTheReportOnStandardOutput()
    {
        // A grid of 1,001 × 1,001 street nodes around Köln (about 11 m apart): over a million nodes to read.
        const int Side = 1_001;
        var nodes = new (double Lon, double Lat)[Side * Side];
        for (var r = 0; r < Side; r++)
        {
            for (var c = 0; c < Side; c++)
            {
                nodes[(r * Side) + c] = (6.90 + (c * 0.00016), 50.90 + (r * 0.0001));
            }
        }

        var ways = Enumerable.Range(0, Side).Select(r => (Enumerable.Range(0, Side).Select(c => (long)(r * Side) + c + 1).ToArray(), "residential"))
            .Concat(Enumerable.Range(0, Side).Select(c => (Enumerable.Range(0, Side).Select(r => (long)(r * Side) + c + 1).ToArray(), "footway")))
            .ToArray();
        var path = folder.File("koeln-raster.osm.pbf");
        OsmFiles.Write(path, nodes, ways);

        var (exitCode, output, error) = await CommandLine.RunAsync("roads", path, "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Contains("Knoten: 1.000.000 gelesen", error);
        var report = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("1.002.001 Knoten", report);
    }

    [Fact]
    public async Task AMissingFileIsAUsageError()
    {
        var (exitCode, _, error) = await CommandLine.RunAsync("roads", folder.File("fehlt.osm.pbf"), "--db", Database);
        Assert.Equal(ImportCommandLine.ExitUsage, exitCode);
        Assert.Contains("fehlt.osm.pbf", error);
    }
}
