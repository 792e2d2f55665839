using Directory.Core.Managers;
using NetTopologySuite.Geometries;
using NetTopologySuite.Index.Strtree;

namespace Directory.Core.Snapshot;

/// <summary>A family manager found near a point, with the distance in metres (EPSG:25832, planar).</summary>
public sealed record NearbyManager(PublicFamilyManager Manager, double DistanceMetres);

/// <summary>
/// The public family managers in an STRtree over their EPSG:25832 points: managers within a radius, or the nearest
/// ones when none is. Built once per snapshot, then only read (STRtree queries are thread-safe).
/// </summary>
public sealed class ManagerIndex
{
    private readonly STRtree<PublicFamilyManager> tree = new();
    private readonly int count;

    /// <summary>Indexes <paramref name="managers"/>.</summary>
    public ManagerIndex(IEnumerable<PublicFamilyManager> managers)
    {
        foreach (var manager in managers)
        {
            tree.Insert(manager.Location.EnvelopeInternal, manager);
            count++;
        }

        tree.Build();
    }

    /// <summary>
    /// The managers within <paramref name="radiusMetres"/> of <paramref name="origin"/>, nearest first, at most
    /// <paramref name="limit"/>. When there are none, the nearest <paramref name="limit"/> anyway, with
    /// <paramref name="outsideRadius"/> set: a citizen should never meet a dead end.
    /// </summary>
    public IReadOnlyList<NearbyManager> Nearby(Point origin, double radiusMetres, int limit, out bool outsideRadius)
    {
        outsideRadius = false;
        if (count == 0)
        {
            return [];
        }

        var search = new Envelope(origin.Coordinate);
        search.ExpandBy(radiusMetres);
        var within = tree.Query(search)
            .Select(m => new NearbyManager(m, m.Location.Distance(origin)))
            .Where(n => n.DistanceMetres <= radiusMetres)
            .OrderBy(n => n.DistanceMetres).ThenBy(n => n.Manager.Id)
            .Take(limit)
            .ToList();
        if (within.Count > 0)
        {
            return within;
        }

        outsideRadius = true;
        var nearest = tree.NearestNeighbour(origin.EnvelopeInternal, null!, new PointDistance(), Math.Min(limit, count));
        return nearest.Select(m => new NearbyManager(m, m.Location.Distance(origin)))
            .OrderBy(n => n.DistanceMetres).ThenBy(n => n.Manager.Id)
            .ToList();
    }

    private sealed class PointDistance : IItemDistance<Envelope, PublicFamilyManager>
    {
        public double Distance(IBoundable<Envelope, PublicFamilyManager> item1, IBoundable<Envelope, PublicFamilyManager> item2)
        {
            // The query item has no manager; its envelope is the origin point.
            var a = item1.Item?.Location.Coordinate ?? item1.Bounds.Centre;
            var b = item2.Item?.Location.Coordinate ?? item2.Bounds.Centre;
            return a.Distance(b);
        }
    }
}
