using NetTopologySuite.Geometries;

namespace Directory.Core.Geography;

/// <summary>
/// A Kreis or kreisfreie Stadt (53 in NRW), stored in the GeoPackage layer <c>kreise</c>.
/// </summary>
public sealed class District
{
    /// <summary>GeoPackage feature id.</summary>
    public int Id { get; set; }

    /// <summary>The 5-digit key, e.g. <c>05966</c> for the Kreis Olpe.</summary>
    public required string Key { get; set; }

    /// <summary>Display name, e.g. <c>Kreis Olpe</c>, <c>Städteregion Aachen</c>, <c>Köln</c>.</summary>
    public required string Name { get; set; }

    /// <summary>Full official designation.</summary>
    public required string OfficialName { get; set; }

    /// <summary><c>Kreis</c> or <c>kreisfreie Stadt</c>.</summary>
    public required string Type { get; set; }

    /// <summary>Seat of the administration (Verwaltungssitz).</summary>
    public required string Seat { get; set; }

    /// <summary>The 3-digit key of the Regierungsbezirk.</summary>
    public required string GovernmentRegionKey { get; set; }

    /// <summary>Residents, summed over the district's municipalities.</summary>
    public int Population { get; set; }

    /// <summary>Area in km², summed over the district's municipalities.</summary>
    public double AreaKm2 { get; set; }

    /// <summary>Number of municipalities in the district.</summary>
    public int MunicipalityCount { get; set; }

    /// <summary>Boundary in EPSG:25832.</summary>
    public required MultiPolygon Boundary { get; set; }
}
