using Directory.Core.Roads;
using Directory.Core.Roads.Hierarchy;
using Directory.Core.Roads.Import;
using Directory.Testing;
using QuikGraph;
using QuikGraph.Algorithms.ShortestPath;

namespace Directory.Core.Tests.Roads;

/// <summary>The graphs the hierarchies are checked on: the three real extracts and a generated network with one-way streets.</summary>
public sealed class HierarchyNetworksFixture
{
    public HierarchyNetworksFixture()
    {
        foreach (var extract in new[] { "aachen.osm.pbf", "aplerbeck.osm.pbf", "neuss-s11.osm.pbf" })
        {
            var graph = OsmRoadReader.Read(RepositoryPaths.OsmExtract(extract));
            Networks[extract] = (graph, RoadNetwork.Prepare(graph));
        }

        var generated = Generated();
        Networks["generated"] = (generated, RoadNetwork.Prepare(generated));
        // The same with a core: the contraction stops early, and the searches go through the core's arcs.
        Networks["generated with a core"] = (generated, RoadNetwork.Prepare(generated, coreDegree: 8));
    }

    public Dictionary<string, (RoadGraph Graph, RoadNetwork Network)> Networks { get; } = [];

    // A 60 × 60 grid of streets 100 m apart with a road hierarchy and one-way streets, random but fixed: every tenth
    // line a main road at 70 km/h, every third row one-way, some streets closed to cars, some to walkers.
    private static RoadGraph Generated()
    {
        const int side = 60;
        var random = new Random(34);
        var (x, y) = (new int[side * side], new int[side * side]);
        var edges = new List<RoadEdge>();
        for (var r = 0; r < side; r++)
        {
            for (var c = 0; c < side; c++)
            {
                var node = (r * side) + c;
                (x[node], y[node]) = (400_000 + (c * 100) + random.Next(-20, 20), 5_700_000 + (r * 100) + random.Next(-20, 20));
                if (c > 0)
                {
                    byte kmh = r % 10 == 0 ? (byte)70 : random.Next(8) == 0 ? (byte)0 : (byte)30;
                    edges.Add(new RoadEdge(node - 1, node, 90 + random.Next(30), kmh, r % 3 == 1 ? (byte)0 : kmh, kmh != 70 || r % 20 == 0));
                }

                if (r > 0)
                {
                    byte kmh = c % 10 == 0 ? (byte)70 : (byte)30;
                    edges.Add(new RoadEdge(node - side, node, 90 + random.Next(30), kmh, kmh, random.Next(10) != 0));
                }
            }
        }

        return RoadGraph.Build(x, y, edges);
    }
}

/// <summary>
/// Issue 34: every search of the hierarchies gives exactly what QuikGraph's Dijkstra gives over the graph's own arcs
/// (whole milliseconds, so exactly): one-to-many forwards, many-to-all towards the sources, and bounded reach over a
/// selection — on the three real extracts and a generated network, by car and on foot, thousands of pairs each.
/// </summary>
public sealed class ContractionHierarchyTests(HierarchyNetworksFixture fixture) : IClassFixture<HierarchyNetworksFixture>
{
    public static TheoryData<string, TravelMode> Cases()
    {
        var cases = new TheoryData<string, TravelMode>();
        foreach (var network in new[] { "aachen.osm.pbf", "aplerbeck.osm.pbf", "neuss-s11.osm.pbf", "generated", "generated with a core" })
        {
            cases.Add(network, TravelMode.Car);
            cases.Add(network, TravelMode.Foot);
        }

        return cases;
    }

    [Fact]
    public void TheSmallCoreDegreeLeavesACore()
    {
        var (_, network) = fixture.Networks["generated with a core"];
        Assert.InRange(network.Foot.CoreCount, 10, network.NodeCount * 9 / 10);
        Assert.InRange(network.Car.CoreCount, 10, network.NodeCount * 9 / 10);
        Assert.Equal(0, fixture.Networks["generated"].Network.Car.CoreCount);
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void OneToManyEqualsDijkstraForwards(string name, TravelMode mode)
    {
        var (graph, network) = fixture.Networks[name];
        var forwards = Graph(graph, mode, reversed: false);
        var random = new Random(name.Length);
        // Places on the mode's roads (a node of footways only has no car route at all).
        var usable = Enumerable.Range(0, graph.NodeCount).Where(n => graph.Serves(n, mode)).ToArray();
        var compared = 0;
        for (var round = 0; round < 10; round++)
        {
            var origin = usable[random.Next(usable.Length)];
            var targets = Enumerable.Range(0, 300).Select(_ => usable[random.Next(usable.Length)]).ToArray();
            var expected = Dijkstra(forwards, origin);
            var ours = network.Hierarchy(mode).FromOneToMany(origin, 0, targets, int.MaxValue);
            for (var i = 0; i < targets.Length; i++)
            {
                Assert.True(expected[targets[i]] == ours[i], $"{name} {mode} {origin} → {targets[i]}: Dijkstra {expected[targets[i]]} ms, ours {ours[i]}");
                compared += expected[targets[i]] < ContractionHierarchy.Unreached ? 1 : 0;
            }
        }

        Assert.True(compared > 1_000, $"only {compared} pairs were connected");
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void ManyToAllEqualsDijkstraBackwardsFromEverySource(string name, TravelMode mode)
    {
        var (graph, network) = fixture.Networks[name];
        var backwards = Graph(graph, mode, reversed: true);
        var random = new Random(name.Length + 1);
        // One source alone (every node's time towards it: thousands of pairs), then three at once with start times.
        var single = random.Next(graph.NodeCount);
        Assert.Equal(Dijkstra(backwards, single), network.Hierarchy(mode).TowardsAll([(single, 0)], TestContext.Current.CancellationToken));

        var sources = Enumerable.Range(0, 3).Select(_ => (Node: random.Next(graph.NodeCount), Ms: random.Next(0, 60_000))).ToArray();
        var each = sources.Select(s => Dijkstra(backwards, s.Node).Select(ms => ms >= ContractionHierarchy.Unreached ? ms : ms + s.Ms).ToArray()).ToArray();
        var expected = Enumerable.Range(0, graph.NodeCount).Select(n => each.Min(times => times[n])).ToArray();
        Assert.Equal(expected, network.Hierarchy(mode).TowardsAll(sources, TestContext.Current.CancellationToken));
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void BoundedReachOverASelectionEqualsDijkstraBackwards(string name, TravelMode mode)
    {
        var (graph, network) = fixture.Networks[name];
        var backwards = Graph(graph, mode, reversed: true);
        var random = new Random(name.Length + 2);
        var chosen = Enumerable.Range(0, 500).Select(_ => random.Next(graph.NodeCount)).Distinct().ToArray();
        var hierarchy = network.Hierarchy(mode);
        var selection = hierarchy.Select(chosen);
        var times = new int[selection.Count];
        const int limit = 600_000;
        for (var round = 0; round < 5; round++)
        {
            var site = random.Next(graph.NodeCount);
            var expected = Dijkstra(backwards, site);
            hierarchy.Towards(selection, site, 2_000, limit, times);
            foreach (var node in chosen)
            {
                var want = expected[node] + 2_000L;
                var got = times[selection.PositionOfNode(node)];
                Assert.True(want <= limit ? got == want : got > limit, $"{name} {mode} {node} → {site}: Dijkstra {want} ms, ours {got}");
            }
        }
    }

    // The mode's arcs as QuikGraph edges, turned round for times towards a node.
    private static AdjacencyGraph<int, TaggedEdge<int, double>> Graph(RoadGraph graph, TravelMode mode, bool reversed)
    {
        var quik = new AdjacencyGraph<int, TaggedEdge<int, double>>(allowParallelEdges: true);
        quik.AddVertexRange(Enumerable.Range(0, graph.NodeCount));
        for (var node = 0; node < graph.NodeCount; node++)
        {
            foreach (var (target, ms) in graph.ArcsOf(node, mode))
            {
                quik.AddEdge(reversed ? new TaggedEdge<int, double>(target, node, ms) : new TaggedEdge<int, double>(node, target, ms));
            }
        }

        return quik;
    }

    private static int[] Dijkstra(AdjacencyGraph<int, TaggedEdge<int, double>> graph, int source)
    {
        var dijkstra = new DijkstraShortestPathAlgorithm<int, TaggedEdge<int, double>>(graph, e => e.Tag);
        dijkstra.Compute(source);
        // QuikGraph leaves an unreached vertex at double.MaxValue.
        return [.. Enumerable.Range(0, graph.VertexCount)
            .Select(n => dijkstra.TryGetDistance(n, out var d) && d < ContractionHierarchy.Unreached ? (int)d : ContractionHierarchy.Unreached)];
    }
}
