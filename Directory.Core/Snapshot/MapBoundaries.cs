using Directory.Core.Geo;
using Directory.Core.Geography;
using NetTopologySuite.Coverage;
using NetTopologySuite.Geometries;

namespace Directory.Core.Snapshot;

/// <summary>A region with the simplified boundary the map draws (EPSG:4326, rounded).</summary>
public sealed record MapBoundary(Region Region, Geometry Boundary);

/// <summary>
/// The boundaries the page draws: the municipalities simplified as one coverage, so that neighbours keep sharing
/// their borders exactly (no slivers, no gaps, unlike simplifying each polygon on its own), and the Kreis outlines
/// as the union of their simplified municipalities, so that both layers line up at every zoom.
/// </summary>
public sealed class MapBoundaries
{
    /// <summary>
    /// Simplification tolerance in metres (EPSG:25832). The overview shows all of NRW, where a screen pixel spans
    /// 150–600 m; 300 m keeps every municipality recognisable at 20,561 of 106,562 vertices (104 KiB gzipped,
    /// docs/performance.md). A selected municipality is drawn with its full boundary from <c>/api/regions/{key}</c>.
    /// </summary>
    public const double ToleranceMetres = 300;

    /// <summary>Decimals of a degree kept in the output: 5 ≈ 1 m, far below the simplification tolerance.</summary>
    public const int Decimals = 5;

    private MapBoundaries(IReadOnlyList<MapBoundary> municipalities, IReadOnlyList<MapBoundary> districts,
        IReadOnlyList<MapBoundary> governmentRegions, Geometry land)
    {
        Municipalities = municipalities;
        Districts = districts;
        GovernmentRegions = governmentRegions;
        Land = land;
    }

    /// <summary>Simplified municipalities, in the order given.</summary>
    public IReadOnlyList<MapBoundary> Municipalities { get; }

    /// <summary>Kreis outlines built from the simplified municipalities.</summary>
    public IReadOnlyList<MapBoundary> Districts { get; }

    /// <summary>Regierungsbezirk outlines built from the simplified municipalities.</summary>
    public IReadOnlyList<MapBoundary> GovernmentRegions { get; }

    /// <summary>The outline of NRW built from the simplified municipalities (EPSG:4326).</summary>
    public Geometry Land { get; }

    /// <summary>Builds the map boundaries from the snapshot's regions (boundaries in EPSG:25832).</summary>
    public static MapBoundaries Build(IReadOnlyList<Region> municipalities, IReadOnlyList<Region> districts,
        IReadOnlyList<Region> governmentRegions)
    {
        var simplified = CoverageSimplifier.Simplify(municipalities.Select(m => (Geometry)m.Boundary).ToArray(), ToleranceMetres);

        var municipalityBoundaries = municipalities
            .Select((m, i) => new MapBoundary(m, ToMap(simplified[i])))
            .ToList();

        var simplifiedByDistrict = municipalities
            .Select((m, i) => (m.DistrictKey, Geometry: simplified[i]))
            .ToLookup(p => p.DistrictKey, p => p.Geometry);
        var districtBoundaries = districts
            .Select(d => new MapBoundary(d, ToMap(CoverageUnion.Union(simplifiedByDistrict[d.Key].ToArray()))))
            .ToList();

        var simplifiedByRegion = municipalities
            .Select((m, i) => (m.GovernmentRegionKey, Geometry: simplified[i]))
            .ToLookup(p => p.GovernmentRegionKey, p => p.Geometry);
        var regionBoundaries = governmentRegions
            .Select(r => new MapBoundary(r, ToMap(CoverageUnion.Union(simplifiedByRegion[r.Key].ToArray()))))
            .ToList();
        return new MapBoundaries(municipalityBoundaries, districtBoundaries, regionBoundaries, ToMap(CoverageUnion.Union(simplified)));
    }

    private static Geometry ToMap(Geometry etrs89) =>
        CoordinateRounding.Round(Reprojector.Transform(etrs89, Crs.Wgs84), Decimals);
}
