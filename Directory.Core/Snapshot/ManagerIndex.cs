using Directory.Core.Managers;
using NetTopologySuite.Geometries;

namespace Directory.Core.Snapshot;

/// <summary>A family manager found near a point, with the distance in metres (EPSG:25832, planar).</summary>
public sealed record NearbyManager(PublicFamilyManager Manager, double DistanceMetres);

/// <summary>
/// The public family managers in a uniform grid over EPSG:25832 (2 km cells, managers stored contiguously per cell):
/// the k nearest are found ring by ring around the origin's cell, stopping once no unvisited cell can hold anyone
/// nearer. NTS's STRtree k-nearest search took 41 µs a query over 100,000 managers, this one a few µs
/// (docs/performance.md). Built once per snapshot, then only read, so any number of requests may query it at once.
/// </summary>
public sealed class ManagerIndex
{
    private const double CellSize = 2_000;

    private readonly PublicFamilyManager[] managers;
    private readonly double[] xs;
    private readonly double[] ys;
    private readonly int[] cellStart;
    private readonly double originX;
    private readonly double originY;
    private readonly int columns;
    private readonly int rows;

    /// <summary>Indexes <paramref name="publicManagers"/> (locations in EPSG:25832).</summary>
    public ManagerIndex(IEnumerable<PublicFamilyManager> publicManagers)
    {
        var all = publicManagers.ToArray();
        var envelope = new Envelope();
        foreach (var manager in all)
        {
            envelope.ExpandToInclude(manager.Location.Coordinate);
        }

        originX = envelope.IsNull ? 0 : envelope.MinX;
        originY = envelope.IsNull ? 0 : envelope.MinY;
        columns = envelope.IsNull ? 1 : (int)(envelope.Width / CellSize) + 1;
        rows = envelope.IsNull ? 1 : (int)(envelope.Height / CellSize) + 1;

        // Counting sort by cell: cellStart[c] .. cellStart[c + 1] are the managers of cell c.
        var cells = all.Select(m => Cell(m.Location.X, m.Location.Y)).ToArray();
        cellStart = new int[(columns * rows) + 1];
        foreach (var cell in cells)
        {
            cellStart[cell + 1]++;
        }

        for (var c = 0; c < columns * rows; c++)
        {
            cellStart[c + 1] += cellStart[c];
        }

        managers = new PublicFamilyManager[all.Length];
        xs = new double[all.Length];
        ys = new double[all.Length];
        var next = (int[])cellStart.Clone();
        for (var i = 0; i < all.Length; i++)
        {
            var slot = next[cells[i]]++;
            managers[slot] = all[i];
            xs[slot] = all[i].Location.X;
            ys[slot] = all[i].Location.Y;
        }
    }

    /// <summary>
    /// The managers within <paramref name="radiusMetres"/> of <paramref name="origin"/>, nearest first (ties by id),
    /// at most <paramref name="limit"/>. When there are none, the nearest <paramref name="limit"/> anyway, with
    /// <paramref name="outsideRadius"/> set: a citizen should never meet a dead end.
    /// </summary>
    public IReadOnlyList<NearbyManager> Nearby(Point origin, double radiusMetres, int limit, out bool outsideRadius)
    {
        outsideRadius = false;
        var nearest = Nearest(origin.X, origin.Y, limit);
        if (nearest.Count == 0)
        {
            return nearest;
        }

        // The managers within the radius are a prefix of the nearest ones.
        var within = nearest.TakeWhile(n => n.DistanceMetres <= radiusMetres).ToList();
        if (within.Count > 0)
        {
            return within;
        }

        outsideRadius = true;
        return nearest;
    }

    private List<NearbyManager> Nearest(double x, double y, int k)
    {
        k = Math.Min(k, managers.Length);
        var best = new List<(double Squared, int Slot)>(k + 1);
        if (k == 0)
        {
            return [];
        }

        var column = Math.Clamp((int)Math.Floor((x - originX) / CellSize), 0, columns - 1);
        var row = Math.Clamp((int)Math.Floor((y - originY) / CellSize), 0, rows - 1);
        var maxRing = Math.Max(Math.Max(column, columns - 1 - column), Math.Max(row, rows - 1 - row));
        for (var ring = 0; ring <= maxRing; ring++)
        {
            for (var r = row - ring; r <= row + ring; r++)
            {
                if (r < 0 || r >= rows)
                {
                    continue;
                }

                // The whole row on the ring's top and bottom edge, only the two end cells in between.
                var step = r == row - ring || r == row + ring ? 1 : Math.Max(1, 2 * ring);
                for (var c = column - ring; c <= column + ring; c += step)
                {
                    if (c >= 0 && c < columns)
                    {
                        Visit((r * columns) + c, x, y, k, best);
                    }
                }
            }

            // Every cell of a later ring is at least `ring * CellSize` away from the origin.
            var bound = ring * CellSize;
            if (best.Count == k && best[^1].Squared <= bound * bound)
            {
                break;
            }
        }

        return best.Select(b => new NearbyManager(managers[b.Slot], Math.Sqrt(b.Squared))).ToList();
    }

    private void Visit(int cell, double x, double y, int k, List<(double Squared, int Slot)> best)
    {
        for (var i = cellStart[cell]; i < cellStart[cell + 1]; i++)
        {
            var dx = xs[i] - x;
            var dy = ys[i] - y;
            var squared = (dx * dx) + (dy * dy);
            if (best.Count == k && !Before(squared, i, best[^1]))
            {
                continue;
            }

            // Insertion into the sorted short list (k is at most 100).
            var at = best.Count;
            while (at > 0 && Before(squared, i, best[at - 1]))
            {
                at--;
            }

            best.Insert(at, (squared, i));
            if (best.Count > k)
            {
                best.RemoveAt(best.Count - 1);
            }
        }
    }

    // Nearer first; at equal distance the lower id, so that answers never depend on storage order.
    private bool Before(double squared, int slot, (double Squared, int Slot) other) =>
        squared < other.Squared || (squared == other.Squared && managers[slot].Id < managers[other.Slot].Id);

    private int Cell(double x, double y) =>
        (Math.Clamp((int)((y - originY) / CellSize), 0, rows - 1) * columns) + Math.Clamp((int)((x - originX) / CellSize), 0, columns - 1);
}
