using Directory.Core.Geo;
using Directory.Core.Managers;
using NetTopologySuite.Geometries;

namespace Directory.Core.Snapshot;

/// <summary>A family manager found near a point, with the distance in metres (EPSG:25832, planar).</summary>
public sealed record NearbyManager(PublicFamilyManager Manager, double DistanceMetres);

/// <summary>The public family managers in a <see cref="PointGrid{T}"/>, for searches by distance.</summary>
public sealed class ManagerIndex(IEnumerable<PublicFamilyManager> managers)
{
    private readonly PointGrid<PublicFamilyManager> grid = new(managers, m => m.Coordinate, m => m.Id);

    /// <summary>The managers inside <paramref name="envelope"/> (EPSG:25832), in no particular order.</summary>
    public IEnumerable<PublicFamilyManager> Within(Envelope envelope) => grid.Within(envelope);

    /// <summary>
    /// The managers within <paramref name="radiusMetres"/> of <paramref name="origin"/>, nearest first (ties by id),
    /// at most <paramref name="limit"/>. When there are none, the nearest <paramref name="limit"/> anyway, with
    /// <paramref name="outsideRadius"/> set: a citizen should never meet a dead end.
    /// </summary>
    public IReadOnlyList<NearbyManager> Nearby(Point origin, double radiusMetres, int limit, out bool outsideRadius)
    {
        outsideRadius = false;
        var nearest = grid.Nearest(origin.X, origin.Y, limit).Select(n => new NearbyManager(n.Item, n.Distance)).ToList();
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
