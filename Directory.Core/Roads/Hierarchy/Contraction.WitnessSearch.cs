namespace Directory.Core.Roads.Hierarchy;

/// <summary>The witness search of <see cref="Contraction"/>.</summary>
internal sealed partial class Contraction
{
    /// <summary>
    /// A Dijkstra search among the nodes not yet contracted, around the one being contracted: is there a way between
    /// two of its neighbours, not through it, no longer than through it?
    /// </summary>
    private sealed class WitnessSearch(Contraction graph)
    {
        private readonly int[] distance = Enumerable.Repeat(int.MaxValue, graph.count).ToArray();
        private readonly int[] targetOfRun = new int[graph.count];
        private int run;
        private readonly List<int> touched = [];
        private readonly RadixQueue queue = new();

        public int Distance(int node) => distance[node];

        // Stops at the limit, after maxSettled nodes, or once every target (the arcs' nodes above the given one) is settled.
        public void Run(int source, int avoid, int limit, int maxSettled, long[] targets, int targetCount, int above)
        {
            run++;
            var open = 0;
            for (var t = 0; t < targetCount; t++)
            {
                var target = NodeOf(targets[t]);
                if (target != source && target > above && targetOfRun[target] != run)
                {
                    targetOfRun[target] = run;
                    open++;
                }
            }

            foreach (var node in touched)
            {
                distance[node] = int.MaxValue;
            }

            touched.Clear();
            queue.Clear();
            distance[source] = 0;
            touched.Add(source);
            queue.Push(0, source);
            var settled = 0;
            while (queue.TryPop(out var node, out var key))
            {
                if (key > distance[node])
                {
                    continue;
                }

                if (key > limit || ++settled > maxSettled)
                {
                    break;
                }

                if (node != source && targetOfRun[node] == run && --open == 0)
                {
                    break;
                }

                var arcs = graph.outArcs[node];
                for (var i = 0; i < graph.outCount[node]; i++)
                {
                    var to = NodeOf(arcs[i]);
                    var reached = (int)key + MsOf(arcs[i]);
                    if (to != avoid && reached <= limit && reached < distance[to])
                    {
                        if (distance[to] == int.MaxValue)
                        {
                            touched.Add(to);
                        }

                        distance[to] = reached;
                        queue.Push((uint)reached, to);
                    }
                }
            }
        }
    }
}
