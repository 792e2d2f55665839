using Directory.Core.Roads.Hierarchy;

namespace Directory.Core.Roads;

/// <summary>A travel time in minutes, and whether it is a straight-line estimate instead of a route.</summary>
public readonly record struct TravelEstimate(double Minutes, bool StraightLine);

/// <summary>A place (EPSG:25832) joined to the network: its node and access leg, or node −1 when it is off the network.</summary>
public readonly record struct RoadPlace(double X, double Y, int Node, float AccessSeconds)
{
    /// <summary>Whether the place is within the snap limit of the network.</summary>
    public bool OnNetwork => Node >= 0;
}

/// <summary>
/// Travel times between places over the road network. A place is joined to its nearest node of the mode (within
/// <see cref="RoadNetwork.SnapLimitMetres"/>) by a straight access leg, at walking speed on foot and at
/// <see cref="CarAccessKmh"/> by car (a drive along a yard or car park, not a road); a place farther from the network,
/// or one the network does not connect, gets a straight-line estimate at <see cref="StraightLineKmh"/>, and the answer
/// says so.
/// </summary>
public static class TravelTimes
{
    /// <summary>
    /// Walks longer than this are not routed but estimated by straight line, marked as such: no family has a use for
    /// "seven hours on foot", and a bounded search stays cheap where walking has no hierarchy to climb (the core of
    /// <see cref="Hierarchy.ContractionHierarchy"/>).
    /// </summary>
    public const double MaxRoutedWalkMinutes = 120;

    /// <summary>Speed of the access leg by car.</summary>
    public const double CarAccessKmh = 20;

    /// <summary>
    /// Speed along the straight line where there is no route: 40 km/h by car, 3.5 km/h on foot — typical speeds over
    /// the usual detour of roads against the straight line (about 1.3).
    /// </summary>
    public static double StraightLineKmh(TravelMode mode) => mode == TravelMode.Car ? 40 : 3.5;

    /// <summary>The straight-line estimate over <paramref name="metres"/>.</summary>
    public static double StraightLineMinutes(double metres, TravelMode mode) => metres / 1000 / StraightLineKmh(mode) * 60;

    /// <summary>Seconds of the access leg of <paramref name="metres"/>.</summary>
    public static float AccessSeconds(double metres, TravelMode mode) =>
        (float)(metres * 3.6 / (mode == TravelMode.Car ? CarAccessKmh : RoadNetwork.WalkingKmh));

    /// <summary>
    /// Minutes from (<paramref name="originX"/>, <paramref name="originY"/>) to each destination (EPSG:25832), in
    /// <paramref name="mode"/>: one search of the mode's hierarchy from the origin to the destinations. A destination
    /// not reached within a generous bound (two and a half times the straight line at a slow speed) gets the
    /// straight-line estimate, as one on an island of the network does, and so does a walk longer than
    /// <see cref="MaxRoutedWalkMinutes"/>.
    /// </summary>
    public static TravelEstimate[] From(RoadNetwork network, TravelMode mode, double originX, double originY,
        IReadOnlyList<(double X, double Y)> destinations) =>
        From(network, mode, Place(network, mode, originX, originY), [.. destinations.Select(d => Place(network, mode, d.X, d.Y))]);

    /// <summary>(<paramref name="x"/>, <paramref name="y"/>) joined to the network of <paramref name="mode"/>.</summary>
    public static RoadPlace Place(RoadNetwork network, TravelMode mode, double x, double y) =>
        network.Snap(x, y, mode) is { } snapped ? new RoadPlace(x, y, snapped.Node, AccessSeconds(snapped.Metres, mode)) : new RoadPlace(x, y, -1, 0);

    /// <summary>
    /// The upward search backwards from a destination that <see cref="From(RoadNetwork, TravelMode, RoadPlace, IReadOnlyList{RoadPlace}, Func{RoadPlace, UpwardSpace}?)"/>
    /// meets: on foot within <see cref="MaxRoutedWalkMinutes"/>, by car unbounded, so that one kept per destination
    /// serves every search.
    /// </summary>
    public static UpwardSpace DestinationSpace(RoadNetwork network, TravelMode mode, RoadPlace destination) =>
        network.Hierarchy(mode).BackwardSpace(destination.Node,
            mode == TravelMode.Foot ? RoadNetwork.Milliseconds((float)(MaxRoutedWalkMinutes * 60)) : ContractionHierarchy.Unreached);

    /// <summary>As <see cref="From(RoadNetwork, TravelMode, double, double, IReadOnlyList{ValueTuple{double, double}})"/>,
    /// for places already joined to the network (the family managers are joined once per snapshot), with their
    /// <see cref="DestinationSpace"/> from <paramref name="spaceOf"/> where they are kept.</summary>
    public static TravelEstimate[] From(RoadNetwork network, TravelMode mode, RoadPlace origin, IReadOnlyList<RoadPlace> destinations,
        Func<RoadPlace, UpwardSpace>? spaceOf = null)
    {
        var result = new TravelEstimate[destinations.Count];
        var farthest = 0.0;
        for (var i = 0; i < destinations.Count; i++)
        {
            var straight = Math.Sqrt(Math.Pow(destinations[i].X - origin.X, 2) + Math.Pow(destinations[i].Y - origin.Y, 2));
            result[i] = new TravelEstimate(StraightLineMinutes(straight, mode), true);
            farthest = Math.Max(farthest, straight);
        }

        if (!origin.OnNetwork)
        {
            return result;
        }

        var targets = new List<UpwardSpace>(destinations.Count);
        var positions = new List<int>(destinations.Count);
        for (var i = 0; i < destinations.Count; i++)
        {
            if (destinations[i].OnNetwork)
            {
                targets.Add(spaceOf?.Invoke(destinations[i]) ?? DestinationSpace(network, mode, destinations[i]));
                positions.Add(i);
            }
        }

        var slowKmh = mode == TravelMode.Car ? CarAccessKmh : RoadNetwork.WalkingKmh;
        var limit = (float)Math.Max(600, 2.5 * (farthest + (2 * RoadNetwork.SnapLimitMetres)) * 3.6 / slowKmh);
        if (mode == TravelMode.Foot)
        {
            limit = (float)Math.Min(limit, MaxRoutedWalkMinutes * 60);
        }

        var seconds = network.SecondsFrom(mode, origin.Node, origin.AccessSeconds, targets, limit);
        for (var k = 0; k < targets.Count; k++)
        {
            if (float.IsFinite(seconds[k]))
            {
                result[positions[k]] = new TravelEstimate((seconds[k] + destinations[positions[k]].AccessSeconds) / 60.0, false);
            }
        }

        return result;
    }
}
