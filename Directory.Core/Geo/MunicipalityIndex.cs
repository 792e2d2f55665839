using Directory.Core.Snapshot;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace Directory.Core.Geo;

/// <summary>
/// Point-in-polygon over the municipalities: an STRtree of their envelopes whose entries hold prepared polygons
/// (EPSG:25832). Built once per snapshot and then only read; NTS documents both STRtree queries and prepared
/// predicates as thread-safe.
/// </summary>
public sealed class MunicipalityIndex
{
    private readonly STRtree<(IPreparedGeometry Polygon, Region Municipality)> tree = new();

    /// <summary>Indexes <paramref name="municipalities"/> (their boundaries must be in EPSG:25832).</summary>
    public MunicipalityIndex(IEnumerable<Region> municipalities)
    {
        foreach (var municipality in municipalities)
        {
            tree.Insert(municipality.Boundary.EnvelopeInternal, (PreparedGeometryFactory.Prepare(municipality.Boundary), municipality));
        }

        tree.Build();
    }

    /// <summary>
    /// The municipality that contains the point (EPSG:25832), or null outside NRW. A point exactly on a shared border
    /// belongs to the municipality that comes first in key order, so the answer is the same every time.
    /// </summary>
    public Region? Locate(Point point)
    {
        Region? found = null;
        foreach (var (polygon, municipality) in tree.Query(point.EnvelopeInternal))
        {
            if (polygon.Covers(point) && (found is null || string.CompareOrdinal(municipality.Key, found.Key) < 0))
            {
                found = municipality;
            }
        }

        return found;
    }
}
