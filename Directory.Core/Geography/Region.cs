using NetTopologySuite.Geometries;

namespace Directory.Core.Geography;

/// <summary>
/// A Gemeinde, Kreis or Regierungsbezirk as the snapshot serves it: one shape for the three levels, so that the
/// Api can answer for any key. The boundary is in EPSG:25832.
/// </summary>
/// <param name="Level">The administrative level.</param>
/// <param name="Key">8-, 5- or 3-digit key.</param>
/// <param name="Name">Short display name.</param>
/// <param name="OfficialName">Full official designation.</param>
/// <param name="Type">E.g. <c>Stadt</c>, <c>Gemeinde</c>, <c>Kreis</c>, <c>kreisfreie Stadt</c>, <c>Regierungsbezirk</c>.</param>
/// <param name="DistrictKey">The Kreis a Gemeinde belongs to; null on the other levels.</param>
/// <param name="GovernmentRegionKey">The Regierungsbezirk of a Gemeinde or Kreis; null for a Regierungsbezirk.</param>
/// <param name="Population">Residents (GV100, 31.12.2024).</param>
/// <param name="AreaKm2">Official area in km².</param>
/// <param name="Boundary">Boundary in EPSG:25832.</param>
/// <param name="LabelPoint">A point inside the region (EPSG:25832): for labels and approximate locations.</param>
public sealed record Region(
    RegionLevel Level,
    string Key,
    string Name,
    string OfficialName,
    string Type,
    string? DistrictKey,
    string? GovernmentRegionKey,
    int Population,
    double AreaKm2,
    MultiPolygon Boundary,
    Point LabelPoint)
{
    /// <summary>True when this region is <paramref name="key"/>'s region or contains it (<see cref="RegionKey"/>).</summary>
    public bool Contains(string key) => RegionKey.IsWithin(key, Key);
}
