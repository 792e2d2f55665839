using Directory.Core.Geo;
using Directory.Core.Roads;
using NetTopologySuite.Geometries;

namespace Directory.Core.Coverage;

/// <summary>
/// For planning in minutes: which cells of the grid a family manager at a cell's centre would reach within
/// <see cref="Minutes"/>, by the same rules as <see cref="TravelTimeCoverage"/> — over the network (one bounded search
/// backwards from the site, the way families travel to it) for cells on the network, by straight line for cells more
/// than 1 km from it, and by straight line only for a site that lies off the network.
/// </summary>
public sealed class TravelReachOfCells
{
    private readonly CoverageGrid grid;
    private readonly RoadNetwork network;
    private readonly TravelMode mode;
    private readonly int[] nodeOfCell;
    private readonly float[] accessOfCell;
    private readonly Dictionary<int, List<int>> cellsAtNode = [];
    private readonly PointGrid<int>? offNetwork;
    private readonly PointGrid<int> all;
    private readonly double straightLineMetres;

    /// <summary>Joins every cell to the network once.</summary>
    public TravelReachOfCells(CoverageGrid grid, RoadNetwork network, TravelMode mode, double minutes)
    {
        (this.grid, this.network, this.mode, Minutes) = (grid, network, mode, minutes);
        nodeOfCell = new int[grid.Count];
        accessOfCell = new float[grid.Count];
        var off = new List<int>();
        for (var c = 0; c < grid.Count; c++)
        {
            if (network.Snap(grid.X[c], grid.Y[c], mode) is { } snapped)
            {
                (nodeOfCell[c], accessOfCell[c]) = (snapped.Node, TravelTimes.AccessSeconds(snapped.Metres, mode));
                if (!cellsAtNode.TryGetValue(snapped.Node, out var cells))
                {
                    cellsAtNode[snapped.Node] = cells = [];
                }

                cells.Add(c);
            }
            else
            {
                nodeOfCell[c] = -1;
                off.Add(c);
            }
        }

        Coordinate At(int c) => new(grid.X[c], grid.Y[c]);
        offNetwork = off.Count == 0 ? null : new PointGrid<int>(off, At, c => c);
        all = new PointGrid<int>(Enumerable.Range(0, grid.Count), At, c => c);
        straightLineMetres = minutes / 60 * TravelTimes.StraightLineKmh(mode) * 1000;
        var fastest = Math.Max(mode == TravelMode.Car ? network.FastestCarKmh : RoadNetwork.WalkingKmh, TravelTimes.StraightLineKmh(mode));
        FarthestMetres = (minutes / 60 * fastest * 1000) + (2 * RoadNetwork.SnapLimitMetres);
    }

    /// <summary>The reach in minutes.</summary>
    public double Minutes { get; }

    /// <summary>No cell is reached from farther than this, straight line (the fastest road, and both access legs).</summary>
    public double FarthestMetres { get; }

    /// <summary>The cells (grid positions) from which a site at the centre of <paramref name="site"/> is reached.</summary>
    public IEnumerable<int> CellsReaching(int site)
    {
        var (x, y) = (grid.X[site], grid.Y[site]);
        if (nodeOfCell[site] < 0)
        {
            foreach (var cell in WithinStraightLine(all, x, y))
            {
                yield return cell;
            }

            yield break;
        }

        var limit = (float)(Minutes * 60);
        foreach (var (node, seconds) in network.Reachable(mode, nodeOfCell[site], accessOfCell[site], limit, towards: true))
        {
            if (cellsAtNode.TryGetValue(node, out var cells))
            {
                foreach (var cell in cells)
                {
                    if (seconds + accessOfCell[cell] <= limit)
                    {
                        yield return cell;
                    }
                }
            }
        }

        if (offNetwork is not null)
        {
            foreach (var cell in WithinStraightLine(offNetwork, x, y))
            {
                yield return cell;
            }
        }
    }

    private IEnumerable<int> WithinStraightLine(PointGrid<int> cells, double x, double y)
    {
        var box = new Envelope(x - straightLineMetres, x + straightLineMetres, y - straightLineMetres, y + straightLineMetres);
        foreach (var cell in cells.Within(box))
        {
            if (Math.Pow(grid.X[cell] - x, 2) + Math.Pow(grid.Y[cell] - y, 2) <= straightLineMetres * straightLineMetres)
            {
                yield return cell;
            }
        }
    }
}
