namespace Directory.Core.Roads.Hierarchy;

/// <summary>
/// Builds the <see cref="ContractionHierarchy"/> of one travel mode (Geisberger et al. 2008): the junctions are taken
/// out of the graph one by one, least important first, and wherever the only shortest way between two remaining
/// neighbours led through the junction taken out, a shortcut of the same length joins them. A junction's importance
/// is that of fast_paths (Rust): the shortcuts it would add per arc it removes, plus a tenth of its depth (how many
/// contractions lie below it); estimated once with a thorough witness search, then, whenever it comes up, again with a
/// very short one (lazy updates). Whether a shortcut is needed is decided by a witness
/// search that may give up early (then the shortcut is added: more arcs, never a wrong time).
/// <para>Where the graph has no hierarchy of its own — walking, where every street is as fast as the next, on a
/// generated grid the worst case — the junctions left at the end form a dense top whose contraction would cost hours.
/// The contraction stops there, once the next junction would remove more than <see cref="CoreDegree"/> arcs: the
/// junctions left are the core (Geisberger's core-based variant), ranked above all others, and keep their arcs among
/// themselves, which a search follows in every direction (<see cref="ContractionHierarchy"/>).</para>
/// </summary>
internal sealed partial class Contraction
{
    // Settled nodes a witness search may take: for the first estimate of every priority, for the estimates after that,
    // and for the contraction itself (fast_paths' settings, but 100 at first: 500 gained nothing measurable).
    private const int InitialSettled = 100;
    private const int UpdateSettled = 3;
    private const int ContractSettled = 100;

    /// <summary>Arcs (in and out) beyond which a junction is left in the core, unless asked otherwise.</summary>
    public const int CoreDegree = 64;

    private readonly int count;

    // On foot every way goes both ways at the same speed: a pair of neighbours is checked once, and the hierarchy's
    // arcs down are its arcs up.
    private readonly bool symmetric;
    private readonly long[][] outArcs;
    private readonly long[][] inArcs;
    private readonly int[] outCount;
    private readonly int[] inCount;
    private readonly bool[] contracted;
    private readonly int[] depth;

    private Contraction(RoadGraph graph, TravelMode mode)
    {
        count = graph.NodeCount;
        symmetric = mode == TravelMode.Foot;
        (outArcs, inArcs) = (new long[count][], new long[count][]);
        (outCount, inCount) = (new int[count], new int[count]);
        (contracted, depth) = (new bool[count], new int[count]);
        for (var node = 0; node < count; node++)
        {
            (outArcs[node], inArcs[node]) = ([], []);
        }

        for (var node = 0; node < count; node++)
        {
            foreach (var (to, ms) in graph.ArcsOf(node, mode))
            {
                Add(node, to, ms);
            }
        }
    }

    /// <summary>Contracts the graph of <paramref name="mode"/>; reports the share done (0–1) now and then.</summary>
    public static ContractionHierarchy Contract(RoadGraph graph, TravelMode mode, int coreDegree, IProgress<double>? progress = null,
        CancellationToken cancellationToken = default)
    {
        var contraction = new Contraction(graph, mode);
        return contraction.Run(coreDegree, progress, cancellationToken);
    }

    private ContractionHierarchy Run(int coreDegree, IProgress<double>? progress, CancellationToken cancellationToken)
    {
        var priority = new double[count];
        using (var witnesses = new ThreadLocal<WitnessSearch>(() => new WitnessSearch(this)))
        {
            Parallel.For(0, count, new ParallelOptions { CancellationToken = cancellationToken },
                node => priority[node] = Priority(node, witnesses.Value!, InitialSettled));
        }

        var queue = new PriorityQueue<int, double>(count);
        for (var node = 0; node < count; node++)
        {
            queue.Enqueue(node, priority[node]);
        }

        var witness = new WitnessSearch(this);
        var order = new int[count];
        var rank = 0;
        var core = -1;
        var shortcuts = new List<(int From, int To, int Ms)>();
        var neighbours = new List<int>();
        while (queue.TryDequeue(out var node, out var queued))
        {
            if (contracted[node] || queued != priority[node])
            {
                continue; // an entry left behind by a newer one
            }

            var fresh = Priority(node, witness, UpdateSettled);
            if (queue.TryPeek(out _, out var next) && fresh > next)
            {
                queue.Enqueue(node, priority[node] = fresh);
                continue;
            }

            if (inCount[node] + outCount[node] > coreDegree)
            {
                core = rank;
                break;
            }

            if ((rank & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
                progress?.Report((double)rank / count);
            }

            shortcuts.Clear();
            Shortcuts(node, witness, ContractSettled, shortcuts);
            neighbours.Clear();
            for (var i = 0; i < inCount[node]; i++)
            {
                var from = NodeOf(inArcs[node][i]);
                Remove(outArcs[from], ref outCount[from], node);
                neighbours.Add(from);
            }

            for (var i = 0; i < outCount[node]; i++)
            {
                var to = NodeOf(outArcs[node][i]);
                Remove(inArcs[to], ref inCount[to], node);
                neighbours.Add(to);
            }

            foreach (var (from, to, ms) in shortcuts)
            {
                Add(from, to, ms);
            }

            contracted[node] = true;
            order[rank++] = node;
            // The neighbours' priorities are estimated again when they come up (on foot on a generated network
            // estimating them here as well took a third of the time, for 3 % fewer arcs).
            foreach (var neighbour in neighbours)
            {
                depth[neighbour] = Math.Max(depth[neighbour], depth[node] + 1);
            }
        }

        // The core: every junction not contracted, in any order above the rest, with its arcs as they are.
        var coreCount = 0;
        if (core >= 0)
        {
            for (var node = 0; node < count; node++)
            {
                if (!contracted[node])
                {
                    order[rank++] = node;
                    coreCount++;
                }
            }
        }

        return ContractionHierarchy.FromContraction(order, coreCount, symmetric, node => Frozen(outArcs[node], outCount[node]), node => Frozen(inArcs[node], inCount[node]));
    }

    // The arcs a node had when it was contracted: all to nodes contracted later, which the hierarchy ranks higher.
    private static (int Node, int Ms)[] Frozen(long[] arcs, int count)
    {
        var frozen = new (int, int)[count];
        for (var i = 0; i < count; i++)
        {
            frozen[i] = (NodeOf(arcs[i]), MsOf(arcs[i]));
        }

        return frozen;
    }

    private double Priority(int node, WitnessSearch witness, int maxSettled) =>
        ((Shortcuts(node, witness, maxSettled, null) + 1.0) / (inCount[node] + outCount[node] + 1.0)) + (0.1 * depth[node]);

    // The shortcuts that contracting the node needs (added to the list when there is one); their number.
    private int Shortcuts(int node, WitnessSearch witness, int maxSettled, List<(int From, int To, int Ms)>? shortcuts)
    {
        var needed = 0;
        var (ins, outs) = (inArcs[node], outArcs[node]);
        for (var i = 0; i < inCount[node]; i++)
        {
            var (from, toNode) = (NodeOf(ins[i]), MsOf(ins[i]));
            var longest = -1;
            var above = symmetric ? from : -1;
            for (var o = 0; o < outCount[node]; o++)
            {
                if (NodeOf(outs[o]) != from && NodeOf(outs[o]) > above)
                {
                    longest = Math.Max(longest, toNode + MsOf(outs[o]));
                }
            }

            if (longest < 0)
            {
                continue;
            }

            witness.Run(from, node, longest, maxSettled, outs, outCount[node], above);
            for (var o = 0; o < outCount[node]; o++)
            {
                var (to, via) = (NodeOf(outs[o]), toNode + MsOf(outs[o]));
                if (to != from && to > above && witness.Distance(to) > via)
                {
                    needed += symmetric ? 2 : 1;
                    shortcuts?.Add((from, to, via));
                    if (symmetric)
                    {
                        shortcuts?.Add((to, from, via));
                    }
                }
            }
        }

        return needed;
    }

    // Adds the arc from → to, or shortens the one there is.
    private void Add(int from, int to, int ms)
    {
        var outs = outArcs[from];
        for (var i = 0; i < outCount[from]; i++)
        {
            if (NodeOf(outs[i]) == to)
            {
                if (MsOf(outs[i]) > ms)
                {
                    outs[i] = Pack(to, ms);
                    var ins = inArcs[to];
                    for (var k = 0; k < inCount[to]; k++)
                    {
                        if (NodeOf(ins[k]) == from)
                        {
                            ins[k] = Pack(from, ms);
                        }
                    }
                }

                return;
            }
        }

        Append(ref outArcs[from], ref outCount[from], Pack(to, ms));
        Append(ref inArcs[to], ref inCount[to], Pack(from, ms));
    }

    private static void Append(ref long[] arcs, ref int count, long arc)
    {
        if (count == arcs.Length)
        {
            Array.Resize(ref arcs, Math.Max(4, count * 2));
        }

        arcs[count++] = arc;
    }

    private static void Remove(long[] arcs, ref int count, int node)
    {
        for (var i = 0; i < count; i++)
        {
            if (NodeOf(arcs[i]) == node)
            {
                arcs[i] = arcs[--count];
                return;
            }
        }
    }

    private static long Pack(int node, int ms) => ((long)ms << 32) | (uint)node;

    private static int NodeOf(long arc) => (int)(uint)arc;

    private static int MsOf(long arc) => (int)(arc >> 32);
}
