using System.Buffers.Binary;
using System.Runtime.InteropServices;
using NetTopologySuite.Geometries;

namespace Directory.Core.Roads;

/// <summary>
/// The routable road network in EPSG:25832: its junctions (nodes, whole metres) and the stretches of road between
/// them, stored as a compressed sparse row graph — for each node the arcs that leave it, each arc with its target,
/// its length and, per direction, the speed by car (0 where cars may not go) and whether people may walk it. Every
/// stretch appears once at each of its two ends, so a search can follow it forwards (from a place) or backwards
/// (towards the family managers) over the same arrays.
/// <para>About 11 bytes per arc and 13 per node: NRW's roads (a few million junctions) fit in a few hundred MB, and
/// the arrays are exactly what is stored (<see cref="Write"/>), so loading is reading.</para>
/// </summary>
public sealed class RoadNetwork
{
    /// <summary>Walking speed on every way open to walkers.</summary>
    public const double WalkingKmh = 4.5;

    /// <summary>A place farther than this from the network is not routed: its travel time is a straight-line estimate.</summary>
    public const double SnapLimitMetres = 1_000;

    /// <summary>The format of <see cref="Write"/>; a stored network of another format is imported again.</summary>
    public const string Format = "csr-1";

    private const int BucketMetres = 1_000;
    private const uint Magic = 0x4E524D46; // "FMRN"

    private readonly int[] x;
    private readonly int[] y;
    private readonly int[] first;
    private readonly int[] target;
    private readonly float[] metres;
    private readonly byte[] carOut;
    private readonly byte[] carIn;
    private readonly byte[] foot;
    private readonly byte[] modes;
    private readonly int originX;
    private readonly int originY;
    private readonly int columns;
    private readonly int rows;
    private readonly int[] bucketStart;
    private readonly int[] bucketNodes;

    private RoadNetwork(int[] x, int[] y, int[] first, int[] target, float[] metres, byte[] carOut, byte[] carIn, byte[] foot)
    {
        (this.x, this.y, this.first, this.target, this.metres, this.carOut, this.carIn, this.foot) = (x, y, first, target, metres, carOut, carIn, foot);
        modes = new byte[x.Length];
        byte fastest = 0;
        for (var node = 0; node < x.Length; node++)
        {
            for (var arc = first[node]; arc < first[node + 1]; arc++)
            {
                if (carOut[arc] > 0 || carIn[arc] > 0)
                {
                    modes[node] |= 1;
                }

                if (foot[arc] != 0)
                {
                    modes[node] |= 2;
                }

                fastest = Math.Max(fastest, carOut[arc]);
            }
        }

        FastestCarKmh = fastest;
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
    public long EdgeCount => target.Length / 2;

    /// <summary>The nodes' bounding box (EPSG:25832).</summary>
    public Envelope Extent { get; }

    /// <summary>The highest speed by car on any road: no route is faster than a straight line at it.</summary>
    public double FastestCarKmh { get; }

    /// <summary>The position of a node (EPSG:25832, metres).</summary>
    public (int X, int Y) Position(int node) => (x[node], y[node]);

    /// <summary>
    /// The arcs that leave <paramref name="node"/>: target, length, speed by car away from the node and towards it
    /// (0 = not allowed), walkable. For tests that check the searches with an implementation of their own.
    /// </summary>
    public IEnumerable<(int Target, float Metres, byte CarOutKmh, byte CarInKmh, bool Foot)> Arcs(int node)
    {
        for (var arc = first[node]; arc < first[node + 1]; arc++)
        {
            yield return (target[arc], metres[arc], carOut[arc], carIn[arc], foot[arc] != 0);
        }
    }

    /// <summary>Builds the network from its edges (nodes numbered 0 … positions − 1). Loops are left out.</summary>
    public static RoadNetwork Build(int[] nodeX, int[] nodeY, IReadOnlyList<RoadEdge> edges)
    {
        var nodes = nodeX.Length;
        var first = new int[nodes + 1];
        var arcs = 0;
        foreach (var edge in edges)
        {
            if (edge.From != edge.To)
            {
                first[edge.From + 1]++;
                first[edge.To + 1]++;
                arcs += 2;
            }
        }

        for (var node = 0; node < nodes; node++)
        {
            first[node + 1] += first[node];
        }

        var (target, metres, carOut, carIn, foot) = (new int[arcs], new float[arcs], new byte[arcs], new byte[arcs], new byte[arcs]);
        var next = (int[])first.Clone();
        foreach (var edge in edges)
        {
            if (edge.From == edge.To)
            {
                continue;
            }

            var walk = edge.Foot ? (byte)1 : (byte)0;
            var a = next[edge.From]++;
            (target[a], metres[a], carOut[a], carIn[a], foot[a]) = (edge.To, edge.Metres, edge.CarForwardKmh, edge.CarBackwardKmh, walk);
            var b = next[edge.To]++;
            (target[b], metres[b], carOut[b], carIn[b], foot[b]) = (edge.From, edge.Metres, edge.CarBackwardKmh, edge.CarForwardKmh, walk);
        }

        return new RoadNetwork(nodeX, nodeY, first, target, metres, carOut, carIn, foot);
    }

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
    /// travelling in <paramref name="mode"/> towards the source — one-way streets in the direction they allow.
    /// One multi-source Dijkstra over the whole network; infinity where no source can be reached.
    /// </summary>
    public float[] SecondsToNearest(TravelMode mode, IEnumerable<(int Node, float Seconds)> sources)
    {
        var seconds = new float[x.Length];
        Array.Fill(seconds, float.PositiveInfinity);
        var queue = new PriorityQueue<int, float>();
        foreach (var (node, start) in sources)
        {
            if (start < seconds[node])
            {
                seconds[node] = start;
                queue.Enqueue(node, start);
            }
        }

        // Backwards: the arc v→u stored at v is travelled from u to v, at the speed of that direction (carIn).
        var speeds = mode == TravelMode.Car ? carIn : null;
        while (queue.TryDequeue(out var node, out var at))
        {
            if (at > seconds[node])
            {
                continue;
            }

            for (var arc = first[node]; arc < first[node + 1]; arc++)
            {
                if (Seconds(arc, speeds) is var cost && float.IsFinite(cost) && at + cost < seconds[target[arc]])
                {
                    seconds[target[arc]] = at + cost;
                    queue.Enqueue(target[arc], at + cost);
                }
            }
        }

        return seconds;
    }

    /// <summary>
    /// Seconds from <paramref name="origin"/> (starting with <paramref name="startSeconds"/>) to each of
    /// <paramref name="targets"/>, travelling in <paramref name="mode"/>; infinity for a target not reached within
    /// <paramref name="limitSeconds"/>. The search stops once every target is settled, so it visits only the part of
    /// the network nearer than the farthest target; its state is a dictionary of the nodes it visits.
    /// </summary>
    public float[] SecondsFrom(TravelMode mode, int origin, float startSeconds, ReadOnlySpan<int> targets, float limitSeconds)
    {
        var result = new float[targets.Length];
        Array.Fill(result, float.PositiveInfinity);
        var wanted = new Dictionary<int, List<int>>();
        for (var i = 0; i < targets.Length; i++)
        {
            if (!wanted.TryGetValue(targets[i], out var positions))
            {
                wanted[targets[i]] = positions = [];
            }

            positions.Add(i);
        }

        var open = wanted.Count;
        var seconds = new Dictionary<int, float> { [origin] = startSeconds };
        var queue = new PriorityQueue<int, float>();
        queue.Enqueue(origin, startSeconds);
        var speeds = mode == TravelMode.Car ? carOut : null;
        while (open > 0 && queue.TryDequeue(out var node, out var at))
        {
            if (at > seconds[node])
            {
                continue;
            }

            if (at > limitSeconds)
            {
                break;
            }

            if (wanted.Remove(node, out var positions))
            {
                open--;
                foreach (var i in positions)
                {
                    result[i] = at;
                }
            }

            for (var arc = first[node]; arc < first[node + 1]; arc++)
            {
                if (Seconds(arc, speeds) is var cost && float.IsFinite(cost)
                    && (!seconds.TryGetValue(target[arc], out var known) || at + cost < known))
                {
                    seconds[target[arc]] = at + cost;
                    queue.Enqueue(target[arc], at + cost);
                }
            }
        }

        return result;
    }

    /// <summary>
    /// The nodes reachable from <paramref name="origin"/> within <paramref name="limitSeconds"/> in
    /// <paramref name="mode"/>, each with its seconds (the origin with <paramref name="startSeconds"/>); with
    /// <paramref name="towards"/>, the nodes from which the origin is reached within them (one-way streets turned).
    /// </summary>
    public Dictionary<int, float> Reachable(TravelMode mode, int origin, float startSeconds, float limitSeconds, bool towards = false)
    {
        var seconds = new Dictionary<int, float>();
        if (startSeconds > limitSeconds)
        {
            return seconds;
        }

        seconds[origin] = startSeconds;
        var settled = new HashSet<int>();
        var queue = new PriorityQueue<int, float>();
        queue.Enqueue(origin, startSeconds);
        var speeds = mode == TravelMode.Car ? (towards ? carIn : carOut) : null;
        while (queue.TryDequeue(out var node, out var at))
        {
            if (!settled.Add(node))
            {
                continue;
            }

            for (var arc = first[node]; arc < first[node + 1]; arc++)
            {
                if (Seconds(arc, speeds) is var cost && float.IsFinite(cost) && at + cost <= limitSeconds
                    && (!seconds.TryGetValue(target[arc], out var known) || at + cost < known))
                {
                    seconds[target[arc]] = at + cost;
                    queue.Enqueue(target[arc], at + cost);
                }
            }
        }

        return seconds;
    }

    /// <summary>Writes the network in <see cref="Format"/> (little-endian arrays after a header).</summary>
    public void Write(Stream stream)
    {
        Span<byte> header = stackalloc byte[16];
        BinaryPrimitives.WriteUInt32LittleEndian(header, Magic);
        BinaryPrimitives.WriteInt32LittleEndian(header[4..], 1);
        BinaryPrimitives.WriteInt32LittleEndian(header[8..], x.Length);
        BinaryPrimitives.WriteInt32LittleEndian(header[12..], target.Length);
        stream.Write(header);
        stream.Write(MemoryMarshal.AsBytes(x.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(y.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(first.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(target.AsSpan()));
        stream.Write(MemoryMarshal.AsBytes(metres.AsSpan()));
        stream.Write(carOut);
        stream.Write(carIn);
        stream.Write(foot);
    }

    /// <summary>Reads a network that <see cref="Write"/> wrote; a <see cref="FormatException"/> when it is not one.</summary>
    public static RoadNetwork Read(Stream stream)
    {
        if (!BitConverter.IsLittleEndian)
        {
            throw new PlatformNotSupportedException("The stored road network is little-endian.");
        }

        Span<byte> header = stackalloc byte[16];
        stream.ReadExactly(header);
        if (BinaryPrimitives.ReadUInt32LittleEndian(header) != Magic || BinaryPrimitives.ReadInt32LittleEndian(header[4..]) != 1)
        {
            throw new FormatException("Not a stored road network of format " + Format + ".");
        }

        var nodes = BinaryPrimitives.ReadInt32LittleEndian(header[8..]);
        var arcs = BinaryPrimitives.ReadInt32LittleEndian(header[12..]);
        if (nodes < 0 || arcs < 0)
        {
            throw new FormatException("The stored road network's header is damaged.");
        }

        var (x, y, first) = (new int[nodes], new int[nodes], new int[nodes + 1]);
        var (target, metres, carOut, carIn, foot) = (new int[arcs], new float[arcs], new byte[arcs], new byte[arcs], new byte[arcs]);
        try
        {
            stream.ReadExactly(MemoryMarshal.AsBytes(x.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(y.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(first.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(target.AsSpan()));
            stream.ReadExactly(MemoryMarshal.AsBytes(metres.AsSpan()));
            stream.ReadExactly(carOut);
            stream.ReadExactly(carIn);
            stream.ReadExactly(foot);
        }
        catch (EndOfStreamException ex)
        {
            throw new FormatException("The stored road network is incomplete.", ex);
        }

        if (first[0] != 0 || first[nodes] != arcs || target.Any(t => (uint)t >= (uint)nodes))
        {
            throw new FormatException("The stored road network's arcs are damaged.");
        }

        return new RoadNetwork(x, y, first, target, metres, carOut, carIn, foot);
    }

    /// <summary>Seconds to travel one arc; infinity where the mode may not (speeds null = on foot).</summary>
    private float Seconds(int arc, byte[]? carSpeeds)
    {
        if (carSpeeds is null)
        {
            return foot[arc] != 0 ? metres[arc] * (float)(3.6 / WalkingKmh) : float.PositiveInfinity;
        }

        var kmh = carSpeeds[arc];
        return kmh > 0 ? metres[arc] * 3.6f / kmh : float.PositiveInfinity;
    }

    private int BucketOf(int node) => (((y[node] - originY) / BucketMetres) * columns) + ((x[node] - originX) / BucketMetres);
}
