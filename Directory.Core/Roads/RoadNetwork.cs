using System.Buffers.Binary;
using System.Runtime.InteropServices;
using Directory.Core.Roads.Hierarchy;
using NetTopologySuite.Geometries;

namespace Directory.Core.Roads;

/// <summary>
/// The routable road network as a service holds it: its junctions (EPSG:25832, whole metres), a 1 km grid of them for
/// joining places to the network, and one <see cref="ContractionHierarchy"/> per travel mode, prepared at import
/// (<see cref="Prepare"/>) and stored with the network, so a service only reads it. Every travel time is a search of a
/// hierarchy (<see cref="ContractionHierarchy"/>'s one search core).
/// </summary>
public sealed class RoadNetwork
{
    /// <summary>Walking speed on every way open to walkers.</summary>
    public const double WalkingKmh = 4.5;

    /// <summary>A place farther than this from the network is not routed: its travel time is a straight-line estimate.</summary>
    public const double SnapLimitMetres = 1_000;

    /// <summary>The format of <see cref="Write"/>; a stored network of another format is imported again.</summary>
    public const string Format = "ch-1";

    private const int BucketMetres = 1_000;
    private const uint Magic = 0x4E524D46; // "FMRN"
    private const int Version = 2;

    // What a stored network may hold (Read): ten times NRW's, and junctions within 30 km of NRW's box.
    private const int MaxStoredNodes = 50_000_000;
    private const int MaxStoredArcs = 200_000_000;
    private static readonly Envelope StoredExtent = new(
        Geo.NrwExtent.Etrs89Utm32N.MinX - 30_000, Geo.NrwExtent.Etrs89Utm32N.MaxX + 30_000,
        Geo.NrwExtent.Etrs89Utm32N.MinY - 30_000, Geo.NrwExtent.Etrs89Utm32N.MaxY + 30_000);

    private readonly int[] x;
    private readonly int[] y;
    private readonly byte[] modes;
    private readonly int originX;
    private readonly int originY;
    private readonly int columns;
    private readonly int rows;
    private readonly int[] bucketStart;
    private readonly int[] bucketNodes;

    private RoadNetwork(int[] x, int[] y, byte[] modes, long edges, byte fastestCarKmh, ContractionHierarchy car, ContractionHierarchy foot)
    {
        (this.x, this.y, this.modes, EdgeCount, FastestCarKmh, Car, Foot) = (x, y, modes, edges, fastestCarKmh, car, foot);
        if (x.Length == 0)
        {
            (originX, originY, columns, rows, bucketStart, bucketNodes) = (0, 0, 1, 1, new int[2], []);
            Extent = new Envelope();
            return;
        }

        // Square buckets of 1 km: every node within the snap limit of a place lies in the 3 × 3 buckets around it.
        (originX, originY) = (x.Min(), y.Min());
        var (maxX, maxY) = (x.Max(), y.Max());
        Extent = new Envelope(originX, maxX, originY, maxY);
        columns = ((maxX - originX) / BucketMetres) + 1;
        rows = ((maxY - originY) / BucketMetres) + 1;
        bucketStart = new int[(columns * rows) + 1];
        for (var node = 0; node < x.Length; node++)
        {
            bucketStart[BucketOf(node) + 1]++;
        }

        for (var b = 0; b < columns * rows; b++)
        {
            bucketStart[b + 1] += bucketStart[b];
        }

        bucketNodes = new int[x.Length];
        var next = (int[])bucketStart.Clone();
        for (var node = 0; node < x.Length; node++)
        {
            bucketNodes[next[BucketOf(node)]++] = node;
        }
    }

    /// <summary>Junctions and ends of roads.</summary>
    public int NodeCount => x.Length;

    /// <summary>Stretches of road between them.</summary>
    public long EdgeCount { get; }

    /// <summary>The nodes' bounding box (EPSG:25832).</summary>
    public Envelope Extent { get; }

    /// <summary>The highest speed by car on any road: no route is faster than a straight line at it.</summary>
    public double FastestCarKmh { get; }

    /// <summary>The hierarchy of travel by car.</summary>
    public ContractionHierarchy Car { get; }

    /// <summary>The hierarchy of travel on foot.</summary>
    public ContractionHierarchy Foot { get; }

    /// <summary>Bytes the network takes in memory: junctions, grid and both hierarchies.</summary>
    public long Bytes => (x.Length * 13L) + (bucketStart.Length * 4L) + Car.Bytes + Foot.Bytes;

    /// <summary>The hierarchy of <paramref name="mode"/>.</summary>
    public ContractionHierarchy Hierarchy(TravelMode mode) => mode == TravelMode.Car ? Car : Foot;

    /// <summary>The position of a node (EPSG:25832, metres).</summary>
    public (int X, int Y) Position(int node) => (x[node], y[node]);

    /// <summary>
    /// Prepares <paramref name="graph"/> for searches: contracts it once per mode, both at once (the contraction of
    /// one mode runs on one thread). Reports the share done (0–1) by car. <paramref name="coreDegree"/>: the arcs
    /// beyond which the contraction leaves a junction in the core (tests ask for a small one, to have a core).
    /// </summary>
    public static RoadNetwork Prepare(RoadGraph graph, IProgress<double>? progress = null, CancellationToken cancellationToken = default,
        int coreDegree = Contraction.CoreDegree)
    {
        ContractionHierarchy? car = null, foot = null;
        Parallel.Invoke(new ParallelOptions { CancellationToken = cancellationToken },
            () => car = Contraction.Contract(graph, TravelMode.Car, coreDegree, progress, cancellationToken),
            () => foot = Contraction.Contract(graph, TravelMode.Foot, coreDegree, null, cancellationToken));
        var modes = new byte[graph.NodeCount];
        for (var node = 0; node < modes.Length; node++)
        {
            modes[node] = (byte)((graph.Serves(node, TravelMode.Car) ? 1 : 0) | (graph.Serves(node, TravelMode.Foot) ? 2 : 0));
        }

        return new RoadNetwork(graph.X, graph.Y, modes, graph.EdgeCount, graph.FastestCarKmh(), car!, foot!);
    }

    /// <summary>Builds and prepares a network from its edges (<see cref="RoadGraph.Build"/>, then <see cref="Prepare"/>).</summary>
    public static RoadNetwork Build(int[] nodeX, int[] nodeY, IReadOnlyList<RoadEdge> edges) => Prepare(RoadGraph.Build(nodeX, nodeY, edges));

    /// <summary>
    /// The nearest node usable in <paramref name="mode"/> within <see cref="SnapLimitMetres"/> of (x, y), with its
    /// distance; null when there is none.
    /// </summary>
    public (int Node, double Metres)? Snap(double px, double py, TravelMode mode)
    {
        var bit = mode == TravelMode.Car ? 1 : 2;
        var column = (int)Math.Floor((px - originX) / BucketMetres);
        var row = (int)Math.Floor((py - originY) / BucketMetres);
        var best = -1;
        var bestSquared = SnapLimitMetres * SnapLimitMetres;
        for (var r = Math.Max(0, row - 1); r <= Math.Min(rows - 1, row + 1); r++)
        {
            for (var c = Math.Max(0, column - 1); c <= Math.Min(columns - 1, column + 1); c++)
            {
                var bucket = (r * columns) + c;
                for (var k = bucketStart[bucket]; k < bucketStart[bucket + 1]; k++)
                {
                    var node = bucketNodes[k];
                    if ((modes[node] & bit) == 0)
                    {
                        continue;
                    }

                    var (dx, dy) = (x[node] - px, y[node] - py);
                    var squared = (dx * dx) + (dy * dy);
                    if (squared < bestSquared || (squared == bestSquared && best >= 0 && node < best))
                    {
                        (best, bestSquared) = (node, squared);
                    }
                }
            }
        }

        return best < 0 ? null : (best, Math.Sqrt(bestSquared));
    }

    /// <summary>
    /// Seconds from every node to the nearest of <paramref name="sources"/> (each with the seconds it starts with),
    /// travelling in <paramref name="mode"/> towards the source — one-way streets in the direction they allow;
    /// infinity where no source can be reached.
    /// </summary>
    public float[] SecondsToNearest(TravelMode mode, IEnumerable<(int Node, float Seconds)> sources, CancellationToken cancellationToken = default) =>
        [.. Hierarchy(mode).TowardsAll(sources.Select(s => (s.Node, Milliseconds(s.Seconds))), cancellationToken).Select(Seconds)];

    /// <summary>
    /// Seconds from <paramref name="origin"/> (starting with <paramref name="startSeconds"/>) to each of
    /// <paramref name="targets"/>, travelling in <paramref name="mode"/>; infinity for a target not reached within
    /// <paramref name="limitSeconds"/>.
    /// </summary>
    public float[] SecondsFrom(TravelMode mode, int origin, float startSeconds, IReadOnlyList<int> targets, float limitSeconds) =>
        [.. Hierarchy(mode).FromOneToMany(origin, Milliseconds(startSeconds), targets, Milliseconds(limitSeconds)).Select(Seconds)];

    /// <summary>As <see cref="SecondsFrom(TravelMode, int, float, IReadOnlyList{int}, float)"/>, for destinations given by their upward spaces.</summary>
    public float[] SecondsFrom(TravelMode mode, int origin, float startSeconds, IReadOnlyList<UpwardSpace> destinations, float limitSeconds) =>
        [.. Hierarchy(mode).FromOneToMany(origin, Milliseconds(startSeconds), destinations, Milliseconds(limitSeconds)).Select(Seconds)];

    /// <summary>Whole milliseconds of <paramref name="seconds"/>, at most <see cref="ContractionHierarchy.Unreached"/>.</summary>
    public static int Milliseconds(float seconds) =>
        float.IsFinite(seconds) ? (int)Math.Min(Math.Round(seconds * 1000.0), ContractionHierarchy.Unreached) : ContractionHierarchy.Unreached;

    /// <summary>Seconds of <paramref name="ms"/>; infinity for <see cref="ContractionHierarchy.Unreached"/>.</summary>
    public static float Seconds(int ms) => ms >= ContractionHierarchy.Unreached ? float.PositiveInfinity : ms / 1000f;

    /// <summary>Writes the network in <see cref="Format"/> (little-endian arrays after a header).</summary>
    public void Write(Stream stream)
    {
        Span<byte> header = stackalloc byte[24];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], Version);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], x.Length);
        BinaryPrimitives.WriteInt64LittleEndian(header[12..], EdgeCount);
        header[20] = (byte)FastestCarKmh;
        stream.Write(header);
        stream.Write(MemoryMarshal.AsBytes(x.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(y.AsSpan()));
        stream.Write(modes);
        Car.Write(stream);
        Foot.Write(stream);
    }

    /// <summary>Reads a network that <see cref="Write"/> wrote; a <see cref="FormatException"/> when it is not one.</summary>
    public static RoadNetwork Read(Stream stream)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The stored road network is little-endian.");
        }

        try
        {
            Span<byte> header = stackalloc byte[24];
            stream.ReadExactly(header);
            if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic || BinaryPrimitives.ReadInt32LittleEndian(header[4..]) != Version)
            {
                throw new FormatException("Not a stored road network of format " + Format + ".");
            }

            var nodes = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
            var edges = BinaryPrimitives.ReadInt64LittleEndian(header[12..]);
            // Before anything is allocated by these counts: a damaged header must not take the service's memory (NRW's
            // network has about 5 million junctions and 12 million stretches).
            if (nodes < 0 || nodes > MaxStoredNodes || edges < 0 || edges > MaxStoredArcs)
            {
                throw new FormatException("The stored road network's header is damaged.");
            }

            var (x, y, modes) = (new int[nodes], new int[nodes], new byte[nodes]);
            stream.ReadExactly(MemoryMarshal.AsBytes(x.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(y.AsSpan()));
            stream.ReadExactly(modes);
            for (var n = 0; n < nodes; n++)
            {
                // Every junction within NRW's box (plus the margin the import reads), so that the snapping grid, whose
                // size follows the extent, stays NRW's size.
                if (!StoredExtent.Contains(x[n], y[n]))
                {
                    throw new FormatException($"The stored road network reaches beyond NRW (junction {n} at {x[n]}, {y[n]}).");
                }
            }

            var car = ContractionHierarchy.Read(stream, nodes, MaxStoredArcs);
            var foot = ContractionHierarchy.Read(stream, nodes, MaxStoredArcs);
            return new RoadNetwork(x, y, modes, edges, header[20], car, foot);
        }
        catch (EndOfStreamException ex)
        {
            throw new FormatException("The stored road network is incomplete.", ex);
        }
    }

    private int BucketOf(int node) => (((y[node] - originY) / BucketMetres) * columns) + ((x[node] - originX) / BucketMetres);
}
