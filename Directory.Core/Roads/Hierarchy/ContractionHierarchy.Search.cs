namespace Directory.Core.Roads.Hierarchy;

/// <summary>
/// The one search core of the road network. Every search is an upward search (a Dijkstra search over the arcs that
/// lead to higher ranks, a few hundred junctions instead of a large part of NRW), forwards from a place or backwards
/// from one or more destinations, then either meets another upward search (one-to-many: nearby) or is swept down over
/// all junctions (many-to-all: coverage) or over a chosen part of them (RPHAST: planning's bounded reach). In the core
/// an upward search is a plain Dijkstra search, and the sweeps begin below it, where the search left exact times.
/// </summary>
public sealed partial class ContractionHierarchy
{
    /// <summary>
    /// The upward search backwards from <paramref name="node"/> within <paramref name="limitMs"/>, kept as its
    /// junctions (by id) and times: what a destination brings to <see cref="FromOneToMany(int, int, IReadOnlyList{UpwardSpace}, int)"/>.
    /// A family manager's is computed once and kept (<c>ServedSnapshot.TargetSpace</c>), so a search from a place is
    /// one upward search and a merge per result (bucket-based many-to-many, Knopp et al. 2007).
    /// </summary>
    public UpwardSpace BackwardSpace(int node, int limitMs)
    {
        using var backward = new SearchTimes();
        var times = new SparseTimes(backward);
        var queue = RadixQueue.OfThisThread();
        Start(queue, ref times, idOfNode[node], 0);
        var all = new SettleAll();
        Upward(queue, upwards: false, Math.Min(limitMs, Unreached - 1), ref times, ref all, default);
        return UpwardSpace.Of(backward);
    }

    /// <summary>
    /// Milliseconds from <paramref name="origin"/> (a network node, starting with <paramref name="startMs"/>) to each
    /// destination, given by its <see cref="BackwardSpace"/>; <see cref="Unreached"/> for those not reached within
    /// <paramref name="limitMs"/>. One upward search forwards from the origin, then per destination the least sum over
    /// the junctions both searches reached.
    /// </summary>
    public int[] FromOneToMany(int origin, int startMs, IReadOnlyList<UpwardSpace> destinations, int limitMs)
    {
        var result = new int[destinations.Count];
        Array.Fill(result, Unreached);
        limitMs = Math.Min(limitMs, Unreached - 1);
        if (startMs > limitMs)
        {
            return result;
        }

        using var forward = new SearchTimes();
        var times = new SparseTimes(forward);
        var queue = RadixQueue.OfThisThread();
        Start(queue, ref times, idOfNode[origin], startMs);
        var all = new SettleAll();
        Upward(queue, upwards: true, limitMs, ref times, ref all, default);
        var from = UpwardSpace.Of(forward);
        for (var i = 0; i < destinations.Count; i++)
        {
            var best = from.Meet(destinations[i]);
            result[i] = best <= limitMs ? best : Unreached;
        }

        return result;
    }

    /// <summary>As the overload with spaces, for destinations given as network nodes (their spaces computed here).</summary>
    public int[] FromOneToMany(int origin, int startMs, IReadOnlyList<int> destinations, int limitMs) =>
        FromOneToMany(origin, startMs, [.. destinations.Select(node => BackwardSpace(node, limitMs))], limitMs);

    /// <summary>
    /// Milliseconds from every network node to the nearest of <paramref name="sources"/> (nodes, each with the
    /// milliseconds it starts with), travelling towards them: one upward search backwards from all sources at once,
    /// then one sweep down over all junctions (PHAST).
    /// </summary>
    public int[] TowardsAll(IEnumerable<(int Node, int Ms)> sources, CancellationToken cancellationToken = default)
    {
        var ms = new int[NodeCount];
        Array.Fill(ms, Unreached);
        var times = new DenseTimes(ms);
        var queue = RadixQueue.OfThisThread();
        foreach (var (node, start) in sources)
        {
            Start(queue, ref times, idOfNode[node], start);
        }

        var all = new SettleAll();
        Upward(queue, upwards: false, Unreached - 1, ref times, ref all, cancellationToken);
        for (var id = CoreCount; id < ms.Length; id++)
        {
            var best = ms[id];
            for (var a = upFirst[id]; a < upFirst[id + 1]; a++)
            {
                best = Math.Min(best, ms[upTarget[a]] + upMs[a]);
            }

            ms[id] = best;
            if ((id & 0xFFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }
        }

        var byNode = new int[NodeCount];
        for (var node = 0; node < byNode.Length; node++)
        {
            byNode[node] = Math.Min(ms[idOfNode[node]], Unreached);
        }

        return byNode;
    }

    /// <summary>
    /// The part of the hierarchy that times towards one place need at <paramref name="nodes"/> (RPHAST's selection):
    /// those junctions and all above them, for <see cref="Towards"/>.
    /// </summary>
    public HierarchySelection Select(IEnumerable<int> nodes)
    {
        var chosen = new HashSet<int>();
        var stack = new Stack<int>();
        foreach (var node in nodes)
        {
            if (chosen.Add(idOfNode[node]))
            {
                stack.Push(idOfNode[node]);
            }
        }

        // The core's times come from the upward search alone: nothing above it is needed.
        while (stack.TryPop(out var id))
        {
            if (id < CoreCount)
            {
                continue;
            }

            for (var a = upFirst[id]; a < upFirst[id + 1]; a++)
            {
                if (chosen.Add(upTarget[a]))
                {
                    stack.Push(upTarget[a]);
                }
            }
        }

        return new HierarchySelection(this, [.. chosen.Order()]);
    }

    /// <summary>
    /// Milliseconds from each node of <paramref name="selection"/> to <paramref name="node"/> (starting with
    /// <paramref name="startMs"/>), into <paramref name="ms"/> by the selection's positions; beyond
    /// <paramref name="limitMs"/> at least <paramref name="limitMs"/> + 1. One upward search backwards from the
    /// place, then a sweep over the selection only.
    /// </summary>
    public void Towards(HierarchySelection selection, int node, int startMs, int limitMs, int[] ms)
    {
        Array.Fill(ms, Unreached, 0, selection.Count);
        using var backward = new SearchTimes();
        var times = new SparseTimes(backward);
        var queue = RadixQueue.OfThisThread();
        Start(queue, ref times, idOfNode[node], startMs);
        var all = new SettleAll();
        Upward(queue, upwards: false, limitMs, ref times, ref all, default);
        foreach (var (id, time) in backward.Entries())
        {
            if (selection.PositionOf(id) is var position and >= 0)
            {
                ms[position] = time;
            }
        }

        selection.Sweep(ms);
    }

    /// <summary>The hierarchy's id of a network node.</summary>
    internal int IdOf(int node) => idOfNode[node];

    internal (int[] First, int[] Target, int[] Ms) UpArcs => (upFirst, upTarget, upMs);

    private static void Start<TTimes>(RadixQueue queue, ref TTimes times, int id, int ms)
        where TTimes : struct, ITimes
    {
        if (times.Improve(id, ms))
        {
            queue.Push((uint)ms, id);
        }
    }

    // The one Dijkstra loop of the queries: upwards (forwards over the up arcs) or backwards over the down arcs. With
    // stall-on-demand: a junction that a higher one already reaches sooner (over the arcs of the other direction) is
    // not the top of any shortest way from here and is not expanded; its time stays a bound, which the meeting or the
    // sweep never takes for the true one.
    private void Upward<TTimes, TSettle>(RadixQueue queue, bool upwards, int limitMs, ref TTimes times, ref TSettle settle,
        CancellationToken cancellationToken)
        where TTimes : struct, ITimes
        where TSettle : struct, ISettle
    {
        var (first, target, weight) = upwards ? (upFirst, upTarget, upMs) : (downFirst, downTarget, downMs);
        var (stallFirst, stallTarget, stallWeight) = upwards ? (downFirst, downTarget, downMs) : (upFirst, upTarget, upMs);
        var settled = 0;
        while (queue.TryPop(out var id, out var key))
        {
            var at = (int)key;
            if (at > times.Get(id))
            {
                continue; // an entry left behind by an improvement
            }

            if (id >= CoreCount && Stalled(id, at, stallFirst, stallTarget, stallWeight, ref times))
            {
                continue;
            }

            if (!settle.Settle(id, at))
            {
                break;
            }

            if ((++settled & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            for (var a = first[id]; a < first[id + 1]; a++)
            {
                var reached = at + weight[a];
                if (reached <= limitMs && times.Improve(target[a], reached))
                {
                    queue.Push((uint)reached, target[a]);
                }
            }
        }
    }

    private static bool Stalled<TTimes>(int id, int at, int[] first, int[] target, int[] weight, ref TTimes times)
        where TTimes : struct, ITimes
    {
        for (var a = first[id]; a < first[id + 1]; a++)
        {
            if (times.Get(target[a]) + weight[a] < at)
            {
                return true;
            }
        }

        return false;
    }

    private interface ITimes
    {
        int Get(int id);

        bool Improve(int id, int ms);
    }

    private interface ISettle
    {
        bool Settle(int id, int ms);
    }

    private readonly struct SparseTimes(SearchTimes times) : ITimes
    {
        public int Get(int id) => times.Get(id);

        public bool Improve(int id, int ms) => times.Improve(id, ms);
    }

    private readonly struct DenseTimes(int[] ms) : ITimes
    {
        public int Get(int id) => ms[id];

        public bool Improve(int id, int time)
        {
            if (time >= ms[id])
            {
                return false;
            }

            ms[id] = time;
            return true;
        }
    }

    private readonly struct SettleAll : ISettle
    {
        public bool Settle(int id, int ms) => true;
    }
}
