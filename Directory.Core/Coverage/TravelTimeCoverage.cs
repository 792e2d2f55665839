using Directory.Core.Geo;
using Directory.Core.Roads;
using NetTopologySuite.Geometries;

namespace Directory.Core.Coverage;

/// <summary>Minutes from each cell of a <see cref="CoverageGrid"/> to the nearest family manager, and how many are estimates.</summary>
/// <param name="Minutes">Per cell, in the grid's order (infinite without any manager).</param>
/// <param name="CellsByStraightLine">Cells more than 1 km from the network (or not connected to it): straight-line estimates.</param>
/// <param name="ManagersByStraightLine">Managers more than 1 km from the network: they reach cells by straight line only.</param>
public sealed record CellTravelTimes(double[] Minutes, int CellsByStraightLine, int ManagersByStraightLine);

/// <summary>
/// Reach in minutes: one multi-source Dijkstra from all family managers that count (at the positions at which they
/// count, <see cref="CoverageManager.AtPublicPositions"/>) over the road network, backwards, so that each node gets
/// the time to travel from it to its nearest manager — the way a family travels, one-way streets in their direction.
/// Each cell's centre is joined to its nearest node; a cell or a manager more than 1 km from the network falls back to
/// the straight line (<see cref="TravelTimes.StraightLineKmh"/>), and the counts say how many did.
/// </summary>
public static class TravelTimeCoverage
{
    /// <summary>Computes the minutes of every cell of <paramref name="grid"/>.</summary>
    public static CellTravelTimes Compute(CoverageGrid grid, IReadOnlyList<CoverageManager> managers, RoadNetwork network, TravelMode mode,
        CancellationToken cancellationToken = default)
    {
        var sources = new List<(int Node, float Seconds)>(managers.Count);
        var offNetwork = new List<CoverageManager>();
        foreach (var manager in managers)
        {
            if (network.Snap(manager.X, manager.Y, mode) is { } snapped)
            {
                sources.Add((snapped.Node, TravelTimes.AccessSeconds(snapped.Metres, mode)));
            }
            else
            {
                offNetwork.Add(manager);
            }
        }

        var seconds = network.SecondsToNearest(mode, sources, cancellationToken);
        var all = managers.Count == 0 ? null : new PointGrid<CoverageManager>(managers, m => new Coordinate(m.X, m.Y), _ => 0);
        var off = offNetwork.Count == 0 ? null : new PointGrid<CoverageManager>(offNetwork, m => new Coordinate(m.X, m.Y), _ => 0);
        var minutes = new double[grid.Count];
        var byStraightLine = 0;
        for (var c = 0; c < grid.Count; c++)
        {
            var (x, y) = (grid.X[c], grid.Y[c]);
            var routed = network.Snap(x, y, mode) is { } cell && float.IsFinite(seconds[cell.Node])
                ? (seconds[cell.Node] + TravelTimes.AccessSeconds(cell.Metres, mode)) / 60.0
                : (double?)null;
            if (routed is { } value)
            {
                // A manager off the network reaches its surroundings by straight line.
                minutes[c] = off is null ? value : Math.Min(value, TravelTimes.StraightLineMinutes(off.NearestDistance(x, y), mode));
            }
            else
            {
                byStraightLine++;
                minutes[c] = all is null ? double.PositiveInfinity : TravelTimes.StraightLineMinutes(all.NearestDistance(x, y), mode);
            }
        }

        return new CellTravelTimes(minutes, byStraightLine, offNetwork.Count);
    }
}
