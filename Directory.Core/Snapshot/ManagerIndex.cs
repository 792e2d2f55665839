using Directory.Core.Geo;
using Directory.Core.Managers;
using NetTopologySuite.Geometries;

namespace Directory.Core.Snapshot;

/// <summary>A family manager found near a point, with the distance in metres (EPSG:25832, planar).</summary>
public sealed record NearbyManager(PublicFamilyManager Manager, double DistanceMetres);

/// <summary>
/// The public family managers in a <see cref="PointGrid{T}"/>, for searches by distance and by box. The grid holds
/// each manager's position in the list, so a box query answers in the list's order without looking entries up
/// (the OGC items' page order is the list's; docs/performance.md, issue 9, seventh pass).
/// </summary>
public sealed class ManagerIndex
{
    private readonly PointGrid<int> grid;

    /// <summary>Indexes <paramref name="managers"/>, which the index keeps and answers positions in.</summary>
    public ManagerIndex(IReadOnlyList<PublicFamilyManager> managers)
    {
        Managers = managers;
        grid = new PointGrid<int>(Enumerable.Range(0, managers.Count), i => managers[i].Coordinate, i => managers[i].Id);
    }

    /// <summary>The managers indexed, in the order they were given.</summary>
    public IReadOnlyList<PublicFamilyManager> Managers { get; }

    /// <summary>The positions in <see cref="Managers"/> of the managers inside <paramref name="envelope"/> (EPSG:25832, edges included), ascending.</summary>
    public List<int> PositionsWithin(Envelope envelope)
    {
        var positions = grid.Within(envelope);
        positions.Sort();
        return positions;
    }

    /// <summary>
    /// The managers within <paramref name="radiusMetres"/> of <paramref name="origin"/>, nearest first (ties by id),
    /// at most <paramref name="limit"/>. When there are none, the nearest <paramref name="limit"/> anyway, with
    /// <paramref name="outsideRadius"/> set: a citizen should never meet a dead end.
    /// </summary>
    public IReadOnlyList<NearbyManager> Nearby(Point origin, double radiusMetres, int limit, out bool outsideRadius)
    {
        outsideRadius = false;
        var nearest = grid.Nearest(origin.X, origin.Y, limit).Select(n => new NearbyManager(Managers[n.Item], n.Distance)).ToList();
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
}
