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

    // Seconds per metre by the speed byte of an arc: by car the speed in km/h; on foot 1 (walkable) at walking speed.
    private static readonly float[] CarSecondsPerMetre = [.. Enumerable.Range(0, 256).Select(kmh => kmh == 0 ? float.PositiveInfinity : 3.6f / kmh)];
    private static readonly float[] FootSecondsPerMetre = [.. Enumerable.Range(0, 256).Select(walk => walk == 0 ? float.PositiveInfinity : (float)(3.6 / WalkingKmh))];

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

    /// <summary>
    /// Builds the network from its edges (nodes numbered 0 … positions − 1). Loops are left out. The nodes are
    /// numbered anew along a Z-order curve of their positions, so that nodes near each other lie near each other in
    /// memory: a search around a place then reads a few compact stretches of the arrays instead of a cache line per
    /// node (on the generated NRW network a search from a random place took 0.13–0.14 ms instead of 0.18).
    /// </summary>
    public static RoadNetwork Build(int[] nodeX, int[] nodeY, IReadOnlyList<RoadEdge> edges)
    {
        var order = SpatialOrder(nodeX, nodeY);
        var renumbered = new int[order.Length];
        for (var i = 0; i < order.Length; i++)
        {
            renumbered[order[i]] = i;
        }

        nodeX = [.. order.Select(n => nodeX[n])];
        nodeY = [.. order.Select(n => nodeY[n])];
        var nodes = nodeX.Length;
        var first = new int[nodes + 1];
        var arcs = 0;
        foreach (var edge in edges)
        {
            if (edge.From != edge.To)
            {
                first[renumbered[edge.From] + 1]++;
                first[renumbered[edge.To] + 1]++;
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
            var (from, to) = (renumbered[edge.From], renumbered[edge.To]);
            var a = next[from]++;
            (target[a], metres[a], carOut[a], carIn[a], foot[a]) = (to, edge.Metres, edge.CarForwardKmh, edge.CarBackwardKmh, walk);
            var b = next[to]++;
            (target[b], metres[b], carOut[b], carIn[b], foot[b]) = (from, edge.Metres, edge.CarBackwardKmh, edge.CarForwardKmh, walk);
        }

        return new RoadNetwork(nodeX, nodeY, first, target, metres, carOut, carIn, foot);
    }

    // The nodes by the Z-order (Morton code) of their positions in 8 m steps over the network's box.
    private static int[] SpatialOrder(int[] x, int[] y)
    {
        if (x.Length == 0)
        {
            return [];
        }

        var (minX, minY) = (x.Min(), y.Min());
        static ulong Spread(uint v)
        {
            ulong w = v;
            w = (w | (w << 16)) & 0x0000FFFF0000FFFFUL;
            w = (w | (w << 8)) & 0x00FF00FF00FF00FFUL;
            w = (w | (w << 4)) & 0x0F0F0F0F0F0F0F0FUL;
            w = (w | (w << 2)) & 0x3333333333333333UL;
            return (w | (w << 1)) & 0x5555555555555555UL;
        }

        var keys = new ulong[x.Length];
        var order = new int[x.Length];
        for (var n = 0; n < x.Length; n++)
        {
            keys[n] = Spread((uint)(x[n] - minX) >> 3) | (Spread((uint)(y[n] - minY) >> 3) << 1);
            order[n] = n;
        }

        Array.Sort(keys, order);
        return order;
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
    public float[] SecondsToNearest(TravelMode mode, IEnumerable<(int Node, float Seconds)> sources, CancellationToken cancellationToken = default)
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
        var settled = 0;
        while (queue.TryDequeue(out var node, out var at))
        {
            if (at > seconds[node])
            {
                continue;
            }

            // A request's work budget ends the search (checked every 64k nodes: a few milliseconds).
            if ((++settled & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
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
    /// the network nearer than the farthest target; and after <paramref name="maxNodes"/> nodes at the latest, so that
    /// one far target cannot make a search cover half of NRW.
    /// </summary>
    public float[] SecondsFrom(TravelMode mode, int origin, float startSeconds, int[] targets, float limitSeconds, int maxNodes = int.MaxValue)
    {
        var result = new float[targets.Length];
        Array.Fill(result, float.PositiveInfinity);
        if (targets.Length == 0 || startSeconds > limitSeconds)
        {
            return result;
        }

        var wanted = new HashSet<int>(targets);
        var open = wanted.Count;
        var perMetre = mode == TravelMode.Car ? CarSecondsPerMetre : FootSecondsPerMetre;
        var speeds = mode == TravelMode.Car ? carOut : foot;
        using var times = new SearchTimes();
        var queue = RadixQueue.OfThisThread();
        times.Improve(origin, startSeconds);
        queue.Push(RadixQueue.Key(startSeconds), origin);
        // Once every target has a time, none of them can be reached through a node later than the latest of those
        // times: the search stops putting such nodes in (it halved the nodes put in on the generated NRW network).
        var bound = limitSeconds;
        var unreached = open;
        var taken = 0;
        while (queue.TryPop(out var node) && ++taken <= maxNodes)
        {
            // A node is in the queue once per improvement; each time it is taken out, its best time so far.
            times.TryGet(node, out var at);
            if (wanted.Remove(node) && --open == 0)
            {
                break;
            }

            for (var arc = first[node]; arc < first[node + 1]; arc++)
            {
                var speed = speeds[arc];
                if (speed == 0)
                {
                    continue;
                }

                var to = target[arc];
                var reached = at + (metres[arc] * perMetre[speed]);
                if (reached <= bound && times.Improve(to, reached, out var isNew))
                {
                    queue.Push(RadixQueue.Key(reached), to);
                    if (wanted.Contains(to) && (unreached -= isNew ? 1 : 0) == 0)
                    {
                        bound = Bound(times, wanted, limitSeconds);
                    }
                }
            }
        }

        // The times as they stand when the search ends (a node's time may improve after it was first taken out, by
        // less than a key's 1/128 s).
        for (var i = 0; i < targets.Length; i++)
        {
            if (!wanted.Contains(targets[i]) && times.TryGet(targets[i], out var seconds))
            {
                result[i] = seconds;
            }
        }

        return result;
    }

    // The latest time of the targets not yet taken out (all have one).
    private static float Bound(SearchTimes times, HashSet<int> wanted, float limit)
    {
        var latest = 0f;
        foreach (var t in wanted)
        {
            times.TryGet(t, out var seconds);
            latest = Math.Max(latest, seconds);
        }

        return Math.Min(latest, limit);
    }

    /// <summary>
    /// The nodes reachable from <paramref name="origin"/> within <paramref name="limitSeconds"/> in
    /// <paramref name="mode"/>, each with its seconds (the origin with <paramref name="startSeconds"/>); with
    /// <paramref name="towards"/>, the nodes from which the origin is reached within them (one-way streets turned).
    /// </summary>
    public List<(int Node, float Seconds)> Reachable(TravelMode mode, int origin, float startSeconds, float limitSeconds, bool towards = false)
    {
        var nodes = new List<int>();
        using var times = new SearchTimes();
        if (startSeconds <= limitSeconds)
        {
            var speeds = mode == TravelMode.Car ? (towards ? carIn : carOut) : null;
            var queue = RadixQueue.OfThisThread();
            times.Improve(origin, startSeconds);
            queue.Push(RadixQueue.Key(startSeconds), origin);
            var seen = new HashSet<int>();
            while (queue.TryPop(out var node))
            {
                // Taken out once per improvement: listed the first time, with its best time at the end.
                times.TryGet(node, out var at);
                if (seen.Add(node))
                {
                    nodes.Add(node);
                }

                for (var arc = first[node]; arc < first[node + 1]; arc++)
                {
                    var cost = Seconds(arc, speeds);
                    if (float.IsFinite(cost) && at + cost <= limitSeconds && times.Improve(target[arc], at + cost))
                    {
                        queue.Push(RadixQueue.Key(at + cost), target[arc]);
                    }
                }
            }
        }

        return nodes.ConvertAll(node => times.TryGet(node, out var seconds) ? (node, seconds) : (node, float.NaN));
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

    // What a stored network may hold (Read): ten times NRW's, and junctions within 30 km of NRW's box.
    private const int MaxStoredNodes = 50_000_000;
    private const int MaxStoredArcs = 200_000_000;
    private static readonly NetTopologySuite.Geometries.Envelope StoredExtent = new(
        Geo.NrwExtent.Etrs89Utm32N.MinX - 30_000, Geo.NrwExtent.Etrs89Utm32N.MaxX + 30_000,
        Geo.NrwExtent.Etrs89Utm32N.MinY - 30_000, Geo.NrwExtent.Etrs89Utm32N.MaxY + 30_000);

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
        // Before anything is allocated by these counts: a damaged header must not take the service's memory (NRW's
        // network has about 5 million junctions and 12 million arcs).
        if (nodes < 0 || arcs < 0 || nodes > MaxStoredNodes || arcs > MaxStoredArcs)
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

        for (var n = 0; n < nodes; n++)
        {
            if (first[n + 1] < first[n])
            {
                throw new FormatException("The stored road network's arcs are damaged.");
            }

            // Its extent: every junction within NRW's box (plus the margin the import reads), so that the snapping
            // grid, whose size follows the extent, stays NRW's size.
            if (!StoredExtent.Contains(x[n], y[n]))
            {
                throw new FormatException($"The stored road network reaches beyond NRW (junction {n} at {x[n]}, {y[n]}).");
            }
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

    /// <summary>
    /// The times of one search, node → seconds: open addressing over arrays from the shared pool, sized to the nodes
    /// the search reaches (a few thousand for a search among neighbours), so a search neither allocates per node nor
    /// holds an array the size of the network.
    /// </summary>
    private sealed class SearchTimes : IDisposable
    {
        private int[] keys;
        private float[] values;
        private int mask;
        private int count;

        public SearchTimes()
        {
            (keys, values, mask) = Rent(4096);
        }

        public bool TryGet(int node, out float seconds)
        {
            for (var slot = Slot(node); ; slot = (slot + 1) & mask)
            {
                var key = keys[slot];
                if (key == node + 1)
                {
                    seconds = values[slot];
                    return true;
                }

                if (key == 0)
                {
                    seconds = float.PositiveInfinity;
                    return false;
                }
            }
        }

        /// <summary>Sets the node's time if it has none or a larger one; true when it did.</summary>
        public bool Improve(int node, float seconds) => Improve(node, seconds, out _);

        /// <summary>As <see cref="Improve(int, float)"/>; <paramref name="first"/> when the node had no time before.</summary>
        public bool Improve(int node, float seconds, out bool first)
        {
            first = false;
            for (var slot = Slot(node); ; slot = (slot + 1) & mask)
            {
                var key = keys[slot];
                if (key == node + 1)
                {
                    if (values[slot] <= seconds)
                    {
                        return false;
                    }

                    values[slot] = seconds;
                    return true;
                }

                if (key == 0)
                {
                    first = true;
                    (keys[slot], values[slot]) = (node + 1, seconds);
                    if (++count * 2 > mask)
                    {
                        Grow();
                    }

                    return true;
                }
            }
        }

        public void Dispose()
        {
            System.Buffers.ArrayPool<int>.Shared.Return(keys);
            System.Buffers.ArrayPool<float>.Shared.Return(values);
        }

        private static (int[], float[], int) Rent(int capacity)
        {
            var keys = System.Buffers.ArrayPool<int>.Shared.Rent(capacity);
            Array.Clear(keys, 0, capacity);
            return (keys, System.Buffers.ArrayPool<float>.Shared.Rent(capacity), capacity - 1);
        }

        private int Slot(int node) => (int)(((uint)node * 0x9E3779B1u) >> 7) & mask;

        private void Grow()
        {
            var (oldKeys, oldValues, oldMask) = (keys, values, mask);
            (keys, values, mask) = Rent((oldMask + 1) * 2);
            count = 0;
            for (var i = 0; i <= oldMask; i++)
            {
                if (oldKeys[i] != 0)
                {
                    Improve(oldKeys[i] - 1, oldValues[i]);
                }
            }

            System.Buffers.ArrayPool<int>.Shared.Return(oldKeys);
            System.Buffers.ArrayPool<float>.Shared.Return(oldValues);
        }
    }
}
