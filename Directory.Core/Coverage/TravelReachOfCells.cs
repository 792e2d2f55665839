using Directory.Core.Geo;
using Directory.Core.Roads;
using Directory.Core.Roads.Hierarchy;
using NetTopologySuite.Geometries;

namespace Directory.Core.Coverage;

/// <summary>
/// For planning in minutes: which cells of the grid a family manager at a cell's centre would reach within
/// <see cref="Minutes"/>, by the same rules as <see cref="TravelTimeCoverage"/> — over the network for cells on the
/// network (the way families travel to the site: one upward search backwards from the site, then a sweep over the part
/// of the hierarchy the grid's cells need, RPHAST), by straight line for cells more than 1 km from it, and by straight
/// line only for a site that lies off the network.
/// </summary>
public sealed class TravelReachOfCells
{
    private readonly CoverageGrid grid;
    private readonly int[] nodeOfCell;
    private readonly float[] accessOfCell;
    private readonly HierarchySelection selection;
    private readonly int[] positionOfCell;
    private readonly ThreadLocal<int[]> times;
    private readonly PointGrid<int>? offNetwork;
    private readonly PointGrid<int> all;
    private readonly double straightLineMetres;

    /// <summary>Joins every cell to the network once.</summary>
    public TravelReachOfCells(CoverageGrid grid, RoadNetwork network, TravelMode mode, double minutes)
    {
        (this.grid, Minutes) = (grid, minutes);
        nodeOfCell = new int[grid.Count];
        accessOfCell = new float[grid.Count];
        var off = new List<int>();
        for (var c = 0; c < grid.Count; c++)
        {
            if (network.Snap(grid.X[c], grid.Y[c], mode) is { } snapped)
            {
                (nodeOfCell[c], accessOfCell[c]) = (snapped.Node, TravelTimes.AccessSeconds(snapped.Metres, mode));
            }
            else
            {
                nodeOfCell[c] = -1;
                off.Add(c);
            }
        }

        selection = network.Hierarchy(mode).Select(nodeOfCell.Where(node => node >= 0));
        positionOfCell = [.. nodeOfCell.Select(node => node >= 0 ? selection.PositionOfNode(node) : -1)];
        times = new ThreadLocal<int[]>(() => new int[selection.Count]);
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

        var limit = RoadNetwork.Milliseconds((float)(Minutes * 60));
        foreach (var cell in OnNetworkReaching(site, limit))
        {
            yield return cell;
        }

        if (offNetwork is not null)
        {
            foreach (var cell in WithinStraightLine(offNetwork, x, y))
            {
                yield return cell;
            }
        }
    }

    // Read at once: the times array is this thread's, and another enumeration on it would overwrite them.
    private List<int> OnNetworkReaching(int site, int limit)
    {
        var ms = times.Value!;
        selection.Hierarchy.Towards(selection, nodeOfCell[site], RoadNetwork.Milliseconds(accessOfCell[site]), limit, ms);
        var cells = new List<int>();
        for (var cell = 0; cell < grid.Count; cell++)
        {
            if (positionOfCell[cell] >= 0 && (long)ms[positionOfCell[cell]] + RoadNetwork.Milliseconds(accessOfCell[cell]) <= limit)
            {
                cells.Add(cell);
            }
        }

        return cells;
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
