using NetTopologySuite.Geometries;
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
        Assert.Equal(new Envelope(expected.X.Min(), expected.X.Max(), expected.Y.Min(), expected.Y.Max()), record.Extent.EnvelopeInternal);
        var loaded = await RoadNetworkStore.LoadAsync(db, TestContext.Current.CancellationToken);
        Assert.NotNull(loaded);
        Assert.Equal((expected.NodeCount, expected.EdgeCount), (loaded.NodeCount, loaded.EdgeCount));
        Assert.Equal((expected.X[^1], expected.Y[^1]), loaded.Position(loaded.NodeCount - 1));
        // The hierarchies were prepared by the import and stored with the network.
        Assert.Equal(expected.NodeCount, loaded.Car.NodeCount);
        Assert.True(loaded.Foot.ArcCount >= expected.EdgeCount, $"{loaded.Foot.ArcCount} arcs on foot");
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
        Assert.Equal((expected.NodeCount, expected.EdgeCount, expected.X.Max()), (loaded.NodeCount, loaded.EdgeCount, (int)loaded.Extent.MaxX));
    }

    public static TheoryData<string, string> BadFiles => new()
    {
        { "not-a-pbf", "keine OpenStreetMap-PBF-Datei" },
        { "truncated", "unvollständig" },
        { "no-roads", "enthält keine Straßen" },
        { "outside-nrw", "liegt nicht in Nordrhein-Westfalen" },
        // Issue 32: a hostile file must not take the machine's memory.
        { "zip-bomb", "größer als die erlaubten" },
        { "huge-block", "größer als die erlaubten" },
    };

    // A valid small PBF followed by one hand-made block: a BlobHeader (type OSMData, datasize) and the blob.
    private static void WithBlock(string path, byte[] blob, long declaredSize)
    {
        OsmFiles.Write(path, [(6.95, 50.94), (6.951, 50.94)], [([1, 2], "residential")]);
        byte[] header = [0x0A, 7, .. "OSMData"u8, 0x18, .. VarintOf((int)declaredSize)];
        using var file = File.Open(path, FileMode.Append);
        var length = new byte[4];
        System.Buffers.Binary.BinaryPrimitives.WriteInt32BigEndian(length, header.Length);
        file.Write(length);
        file.Write(header);
        file.Write(blob);
    }

    private static byte[] VarintOf(int value)
    {
        var bytes = new List<byte>();
        var rest = (uint)value;
        do
        {
            var b = (byte)(rest & 0x7F);
            rest >>= 7;
            bytes.Add(rest == 0 ? b : (byte)(b | 0x80));
        }
        while (rest != 0);
        return [.. bytes];
    }

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
            case "zip-bomb":
                // 40 KB of zlib that inflate to 64 MiB of zeros: Blob { raw_size = 64 MiB, zlib_data = … }.
                using (var packed = new MemoryStream())
                {
                    using (var zlib = new System.IO.Compression.ZLibStream(packed, System.IO.Compression.CompressionLevel.SmallestSize, leaveOpen: true))
                    {
                        var zeros = new byte[1 << 20];
                        for (var i = 0; i < 64; i++)
                        {
                            zlib.Write(zeros);
                        }
                    }

                    var data = packed.ToArray();
                    byte[] blob = [0x10, 0x80, 0x80, 0x80, 0x20, 0x1A, .. VarintOf(data.Length), .. data];
                    WithBlock(path, blob, blob.Length);
                }

                break;
            case "huge-block":
                // A block that says (truthfully) it is 40 MiB long: more than the format allows.
                WithBlock(path, new byte[40 << 20], 40 << 20);
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
        // 1,001 parallel streets of 1,001 nodes each around Köln (about 11 m apart): over a million nodes to read, and
        // 2,002 junctions (the streets' ends; no crossings, so the hierarchies' preparation stays a test's size).
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
            .ToArray();
        var path = folder.File("koeln-raster.osm.pbf");
        OsmFiles.Write(path, nodes, ways);

        var (exitCode, output, error) = await CommandLine.RunAsync("roads", path, "--db", Database);

        Assert.Equal(0, exitCode);
        Assert.Contains("Knoten: 1.000.000 gelesen", error);
        var report = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Contains("2.002 Knoten", report);
    }

    [Fact]
    public async Task AMissingFileIsAUsageError()
    {
        var (exitCode, _, error) = await CommandLine.RunAsync("roads", folder.File("fehlt.osm.pbf"), "--db", Database);
        Assert.Equal(ImportCommandLine.ExitUsage, exitCode);
        Assert.Contains("fehlt.osm.pbf", error);
    }
}
