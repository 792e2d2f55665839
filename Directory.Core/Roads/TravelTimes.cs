namespace Directory.Core.Roads;

/// <summary>A travel time in minutes, and whether it is a straight-line estimate instead of a route.</summary>
public readonly record struct TravelEstimate(double Minutes, bool StraightLine);

/// <summary>
/// Travel times between places over the road network. A place is joined to its nearest node of the mode (within
/// <see cref="RoadNetwork.SnapLimitMetres"/>) by a straight access leg, at walking speed on foot and at
/// <see cref="CarAccessKmh"/> by car (a drive along a yard or car park, not a road); a place farther from the network,
/// or one the network does not connect, gets a straight-line estimate at <see cref="StraightLineKmh"/>, and the answer
/// says so.
/// </summary>
public static class TravelTimes
{
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
    /// <paramref name="mode"/>: one search from the origin that stops at the last destination. A destination the
    /// search does not reach within a generous bound (two and a half times the straight line at a slow speed) gets the
    /// straight-line estimate, so an island of the network cannot make a search walk all of NRW.
    /// </summary>
    public static TravelEstimate[] From(RoadNetwork network, TravelMode mode, double originX, double originY,
        IReadOnlyList<(double X, double Y)> destinations)
    {
        var result = new TravelEstimate[destinations.Count];
        var straight = new double[destinations.Count];
        var farthest = 0.0;
        for (var i = 0; i < destinations.Count; i++)
        {
            straight[i] = Math.Sqrt(Math.Pow(destinations[i].X - originX, 2) + Math.Pow(destinations[i].Y - originY, 2));
            result[i] = new TravelEstimate(StraightLineMinutes(straight[i], mode), true);
            farthest = Math.Max(farthest, straight[i]);
        }

        if (network.Snap(originX, originY, mode) is not { } origin)
        {
            return result;
        }

        var targets = new List<int>(destinations.Count);
        var positions = new List<int>(destinations.Count);
        var access = new List<float>(destinations.Count);
        for (var i = 0; i < destinations.Count; i++)
        {
            if (network.Snap(destinations[i].X, destinations[i].Y, mode) is { } snapped)
            {
                targets.Add(snapped.Node);
                positions.Add(i);
                access.Add(AccessSeconds(snapped.Metres, mode));
            }
        }

        var slowKmh = mode == TravelMode.Car ? CarAccessKmh : RoadNetwork.WalkingKmh;
        var limit = (float)Math.Max(600, 2.5 * (farthest + (2 * RoadNetwork.SnapLimitMetres)) * 3.6 / slowKmh);
        var seconds = network.SecondsFrom(mode, origin.Node, AccessSeconds(origin.Metres, mode), [.. targets], limit);
        for (var k = 0; k < targets.Count; k++)
        {
            if (float.IsFinite(seconds[k]))
            {
                result[positions[k]] = new TravelEstimate((seconds[k] + access[k]) / 60.0, false);
            }
        }

        return result;
    }
}
