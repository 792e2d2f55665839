namespace Directory.Core.Roads;

/// <summary>
/// The road graph as read from OpenStreetMap, before it is prepared for searches: junctions (EPSG:25832, whole metres)
/// and, as a compressed sparse row graph, the stretches of road between them — each at both of its ends, with its
/// length and, per direction, the speed by car (0 where cars may not go) and whether people may walk it. The import
/// contracts it into a <see cref="RoadNetwork"/>; tests use it as the plain graph to check every search against.
/// </summary>
public sealed class RoadGraph
{
    private readonly int[] first;
    private readonly int[] target;
    private readonly float[] metres;
    private readonly byte[] carOut;
    private readonly byte[] carIn;
    private readonly byte[] foot;

    private RoadGraph(int[] x, int[] y, int[] first, int[] target, float[] metres, byte[] carOut, byte[] carIn, byte[] foot)
    {
        (X, Y, this.first, this.target, this.metres, this.carOut, this.carIn, this.foot) = (x, y, first, target, metres, carOut, carIn, foot);
    }

    /// <summary>The nodes' eastings.</summary>
    public int[] X { get; }

    /// <summary>The nodes' northings.</summary>
    public int[] Y { get; }

    /// <summary>Junctions and ends of roads.</summary>
    public int NodeCount => X.Length;

    /// <summary>Stretches of road between them.</summary>
    public long EdgeCount => target.Length / 2;

    /// <summary>
    /// The arcs that leave <paramref name="node"/>: target, length, speed by car away from the node and towards it
    /// (0 = not allowed), walkable.
    /// </summary>
    public IEnumerable<(int Target, float Metres, byte CarOutKmh, byte CarInKmh, bool Foot)> Arcs(int node)
    {
        for (var arc = first[node]; arc < first[node + 1]; arc++)
        {
            yield return (target[arc], metres[arc], carOut[arc], carIn[arc], foot[arc] != 0);
        }
    }

    /// <summary>
    /// The arcs that leave <paramref name="node"/> in <paramref name="mode"/>, each with its travel time in whole
    /// milliseconds (<see cref="Milliseconds"/>): the weights every search adds up, so that sums are exact.
    /// </summary>
    public IEnumerable<(int Target, int Milliseconds)> ArcsOf(int node, TravelMode mode)
    {
        for (var arc = first[node]; arc < first[node + 1]; arc++)
        {
            var speed = mode == TravelMode.Car ? carOut[arc] : foot[arc];
            if (speed != 0)
            {
                yield return (target[arc], Milliseconds(metres[arc], mode == TravelMode.Car ? speed : RoadNetwork.WalkingKmh));
            }
        }
    }

    /// <summary>Whole milliseconds to travel <paramref name="length"/> metres at <paramref name="kmh"/>.</summary>
    public static int Milliseconds(double length, double kmh) => (int)Math.Round(length * 3600 / kmh);

    /// <summary>Whether a node has an arc usable in <paramref name="mode"/> (either way).</summary>
    public bool Serves(int node, TravelMode mode)
    {
        for (var arc = first[node]; arc < first[node + 1]; arc++)
        {
            if (mode == TravelMode.Car ? carOut[arc] > 0 || carIn[arc] > 0 : foot[arc] != 0)
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The highest speed by car on any arc.</summary>
    public byte FastestCarKmh() => carOut.Length == 0 ? (byte)0 : carOut.Max();

    /// <summary>
    /// Builds the graph from its edges (nodes numbered 0 … positions − 1). Loops are left out. The nodes are numbered
    /// anew along a Z-order curve of their positions, so that nodes near each other lie near each other in memory.
    /// </summary>
    public static RoadGraph Build(int[] nodeX, int[] nodeY, IReadOnlyList<RoadEdge> edges)
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

        return new RoadGraph(nodeX, nodeY, first, target, metres, carOut, carIn, foot);
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
}
