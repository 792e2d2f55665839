using Directory.Core.Geography;
using Directory.Core.Snapshot;
using NetTopologySuite.Geometries;

namespace Directory.Api.Regions;

/// <summary>A reference to a region: enough to name and link it.</summary>
public sealed record RegionReference(string Key, string Name, RegionLevel Level)
{
    /// <summary>The reference to <paramref name="region"/>.</summary>
    public static RegionReference Of(Region region) => new(region.Key, region.Name, region.Level);
}

/// <summary>A region without its boundary, as listed by <c>GET /api/regions</c>.</summary>
/// <param name="Key">8-, 5- or 3-digit key.</param>
/// <param name="Name">Short display name.</param>
/// <param name="OfficialName">Full official designation.</param>
/// <param name="Type">E.g. Stadt, Gemeinde, Kreis, kreisfreie Stadt, Regierungsbezirk.</param>
/// <param name="Level">gemeinde, kreis or regierungsbezirk.</param>
/// <param name="Parents">The Kreis and Regierungsbezirk the region belongs to, from near to far.</param>
/// <param name="Population">Residents on 31.12.2024 (GV100AD, Zensus 2022 basis).</param>
/// <param name="AreaKm2">Official area in km².</param>
public sealed record RegionSummary(string Key, string Name, string OfficialName, string Type, RegionLevel Level,
    IReadOnlyList<RegionReference> Parents, int Population, double AreaKm2)
{
    /// <summary>The summary of <paramref name="region"/>, its parents looked up in <paramref name="geography"/>.</summary>
    public static RegionSummary Of(Region region, GeographySnapshot geography) => new(region.Key, region.Name,
        region.OfficialName, region.Type, region.Level, ParentsOf(region, geography), region.Population, region.AreaKm2);

    private static List<RegionReference> ParentsOf(Region region, GeographySnapshot geography) =>
        new[] { region.DistrictKey, region.GovernmentRegionKey }
            .OfType<string>()
            .Select(key => RegionReference.Of(geography.Find(key)!))
            .ToList();
}

/// <summary>A region with its full boundary, as returned by <c>GET /api/regions/{key}</c>.</summary>
/// <param name="Region">The region's data.</param>
/// <param name="Boundary">The boundary in WGS84 (RFC 7946 GeoJSON geometry), 6 decimals.</param>
public sealed record RegionDetail(RegionSummary Region, Geometry Boundary);
