using Directory.Core.Geo;
using Directory.Core.Roads;
using QuikGraph;
using QuikGraph.Algorithms.ShortestPath;

namespace Directory.Core.Tests.Roads;

/// <summary>
/// The network read from the real Aachen extract: its travel times against the bound the fastest road sets, one-way
/// streets for cars but not for walkers, the stored format (the hierarchies' exactness: ContractionHierarchyTests).
/// </summary>
[Collection(AachenNetworkCollection.Name)]
public sealed class RoadNetworkTests(AachenNetworkFixture aachen)
{
    private RoadNetwork Network => aachen.Network;

    private RoadGraph Graph => aachen.Graph;

    [Fact]
    public void TheExtractBecomesAConnectedNetworkInsideItsBoundingBox()
    {
        // The extract's box from its README (6.026–6.148 E, 50.745–50.794 N), in EPSG:25832, with a little room for
        // the ways that leave it (their nodes outside are in the extract too).
        var (minX, minY) = Reprojector.Transform(6.00, 50.73, Crs.Wgs84, Crs.Etrs89Utm32N);
        var (maxX, maxY) = Reprojector.Transform(6.17, 50.81, Crs.Wgs84, Crs.Etrs89Utm32N);
        Assert.InRange(Network.NodeCount, 5_000, 293_587);
        Assert.True(Network.EdgeCount > Network.NodeCount, $"{Network.EdgeCount} edges for {Network.NodeCount} nodes");
        Assert.InRange(Network.Extent.MinX, minX, maxX);
        Assert.InRange(Network.Extent.MaxY, minY, maxY);
        // Motorways (A 4, A 44 run near Aachen's edge) or at least trunk roads: the fastest road is a fast one.
        Assert.InRange(Network.FastestCarKmh, 80, 130);
    }

    [Fact]
    public void NoRouteIsFasterThanTheStraightLineAtTheFastestSpeedOfItsMode()
    {
        var random = new Random(7);
        for (var round = 0; round < 10; round++)
        {
            var origin = random.Next(Network.NodeCount);
            var targets = Enumerable.Range(0, 50).Select(_ => random.Next(Network.NodeCount)).ToArray();
            foreach (var (mode, kmh) in new[] { (TravelMode.Car, Network.FastestCarKmh), (TravelMode.Foot, 4.5) })
            {
                var seconds = Network.SecondsFrom(mode, origin, 0, targets, float.PositiveInfinity);
                for (var i = 0; i < targets.Length; i++)
                {
                    var (ox, oy) = Network.Position(origin);
                    var (tx, ty) = Network.Position(targets[i]);
                    // Lengths are measured on the ellipsoid, positions in UTM (scale 1.0001 here) rounded to metres.
                    var straight = (Math.Sqrt(Math.Pow(tx - ox, 2) + Math.Pow(ty - oy, 2)) * 0.9998) - 2;
                    Assert.True(seconds[i] >= straight * 3.6 / kmh, $"{mode} {origin} → {targets[i]}: {seconds[i]} s over {straight} m");
                }
            }
        }
    }

    [Fact]
    public void OneWayStreetsBindCarsButNotWalkers()
    {
        // Arcs that cars may take only one way (and walkers both): most of Aachen's one-way streets.
        var oneWay = Enumerable.Range(0, Network.NodeCount)
            .SelectMany(node => Graph.Arcs(node).Where(a => a.CarOutKmh > 0 && a.CarInKmh == 0 && a.Foot).Select(a => (From: node, a.Target, a.Metres, Kmh: a.CarOutKmh)))
            .Take(300)
            .ToList();
        Assert.True(oneWay.Count >= 100, $"only {oneWay.Count} one-way arcs");
        var detours = 0;
        foreach (var arc in oneWay)
        {
            var forward = Network.SecondsFrom(TravelMode.Car, arc.From, 0, [arc.Target], float.PositiveInfinity)[0];
            var backward = Network.SecondsFrom(TravelMode.Car, arc.Target, 0, [arc.From], float.PositiveInfinity)[0];
            Assert.True(forward <= (arc.Metres * 3.6f / arc.Kmh) + 0.01f, $"{arc.From} → {arc.Target}: {forward} s along the one-way street of {arc.Metres} m at {arc.Kmh} km/h");
            // Against the one-way street a car goes round (or cannot get there at all): longer than the street itself.
            // The other carriageway of a dual road may be as short, so not every one needs a detour.
            if (backward > (arc.Metres * 3.6f / arc.Kmh) + 1)
            {
                detours++;
            }

            var walkForward = Network.SecondsFrom(TravelMode.Foot, arc.From, 0, [arc.Target], float.PositiveInfinity)[0];
            var walkBackward = Network.SecondsFrom(TravelMode.Foot, arc.Target, 0, [arc.From], float.PositiveInfinity)[0];
            Assert.Equal(walkForward, walkBackward, 0.01f);
        }

        Assert.True(detours >= oneWay.Count * 0.8, $"{detours} of {oneWay.Count} one-way streets need a detour against them");
    }

    [Fact]
    public void TheStoredFormatReadsBackAsTheSameNetwork()
    {
        using var bytes = new MemoryStream();
        Network.Write(bytes);
        bytes.Position = 0;
        var copy = RoadNetwork.Read(bytes);
        Assert.Equal((Network.NodeCount, Network.EdgeCount, Network.Extent), (copy.NodeCount, copy.EdgeCount, copy.Extent));
        var random = new Random(3);
        foreach (var node in new[] { 0, Network.NodeCount / 2, Network.NodeCount - 1 })
        {
            Assert.Equal(Network.Position(node), copy.Position(node));
            var targets = Enumerable.Range(0, 30).Select(_ => random.Next(Network.NodeCount)).ToArray();
            foreach (var mode in new[] { TravelMode.Car, TravelMode.Foot })
            {
                Assert.Equal(Network.Hierarchy(mode).FromOneToMany(node, 0, targets, int.MaxValue), copy.Hierarchy(mode).FromOneToMany(node, 0, targets, int.MaxValue));
            }
        }

        bytes.SetLength(bytes.Length - 10);
        bytes.Position = 0;
        Assert.Throws<FormatException>(() => RoadNetwork.Read(bytes));
    }

    [Fact]
    public void AStoredHierarchyWhoseArcLeadsDownwardsIsRefused()
    {
        // Issue 34: a search trusts that every arc leads upwards (to a lower id); a damaged one could run it in circles.
        // The car hierarchy follows the junctions (24-byte header, x, y, modes); its first arc array after its header,
        // the ranks and the first up arcs' offsets: the first up arc's target becomes the junction's own id.
        using var bytes = new MemoryStream();
        Network.Write(bytes);
        var data = bytes.ToArray();
        var nodes = Network.NodeCount;
        var hierarchy = 24 + (nodes * 9);
        var upFirst = hierarchy + 16 + (nodes * 4);
        var id = Enumerable.Range(0, nodes).First(i => System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(upFirst + (i * 4)))
            < System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(upFirst + ((i + 1) * 4))));
        var arc = System.Buffers.Binary.BinaryPrimitives.ReadInt32LittleEndian(data.AsSpan(upFirst + (id * 4)));
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(data.AsSpan(upFirst + ((nodes + 1) * 4) + (arc * 4)), id);
        Assert.Contains("does not lead upwards", Assert.Throws<FormatException>(() => RoadNetwork.Read(new MemoryStream(data))).Message);
    }

    [Fact]
    public void AStoredNetworkBeyondNrwOrWithAnImpossibleHeaderIsRefusedBeforeItIsBuilt()
    {
        // Issue 32: the extent is checked when a service loads the network (a junction in Berlin: 800 km east).
        var beyond = RoadNetwork.Build([400_000, 800_000 + 400_000], [5_700_000, 5_800_000], [new RoadEdge(0, 1, 1000, 50, 50, true)]);
        using var bytes = new MemoryStream();
        beyond.Write(bytes);
        bytes.Position = 0;
        Assert.Contains("beyond NRW", Assert.Throws<FormatException>(() => RoadNetwork.Read(bytes)).Message);

        // A header that claims two billion junctions: refused before arrays of that size are made.
        using var header = new MemoryStream();
        Network.Write(header);
        var damaged = header.ToArray();
        System.Buffers.Binary.BinaryPrimitives.WriteInt32LittleEndian(damaged.AsSpan(8), int.MaxValue);
        var before = GC.GetAllocatedBytesForCurrentThread();
        Assert.Throws<FormatException>(() => RoadNetwork.Read(new MemoryStream(damaged)));
        Assert.True(GC.GetAllocatedBytesForCurrentThread() - before < 1 << 20, "allocated for a damaged header");
    }

    [Fact]
    public void APlaceMoreThanOneKilometreFromTheNetworkGetsAStraightLineEstimate()
    {
        // A node of a two-way street in the middle of the extract.
        var node = Enumerable.Range(0, Network.NodeCount).First(n => Graph.Arcs(n).Any(a => a.CarOutKmh > 0 && a.CarInKmh > 0)
            && Network.Extent.Centre.Distance(new NetTopologySuite.Geometries.Coordinate(Network.Position(n).X, Network.Position(n).Y)) < 2_000);
        var (x, y) = Network.Position(node);
        var far = (X: Network.Extent.MaxX + 5_000.0, Y: Network.Extent.MaxY + 5_000.0);
        var near = (X: (double)x + 10, Y: (double)y);
        Assert.Null(Network.Snap(far.X, far.Y, TravelMode.Car));
        var times = TravelTimes.From(Network, TravelMode.Car, x, y, [far, near]);
        var straight = Math.Sqrt(Math.Pow(far.X - x, 2) + Math.Pow(far.Y - y, 2));
        Assert.True(times[0].StraightLine);
        Assert.Equal(straight / 1000 / 40 * 60, times[0].Minutes, 1e-9);
        Assert.False(times[1].StraightLine);
    }
}
