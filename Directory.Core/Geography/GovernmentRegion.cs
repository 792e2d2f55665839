using NetTopologySuite.Geometries;

namespace Directory.Core.Geography;

/// <summary>
/// A Regierungsbezirk (5 in NRW: Düsseldorf, Köln, Münster, Detmold, Arnsberg), stored in the GeoPackage layer
/// <c>regierungsbezirke</c>.
/// </summary>
public sealed class GovernmentRegion
{
    /// <summary>GeoPackage feature id.</summary>
    public int Id { get; set; }

    /// <summary>The 3-digit key, e.g. <c>053</c> for Köln.</summary>
    public required string Key { get; set; }

    /// <summary>Name, e.g. <c>Köln</c>.</summary>
    public required string Name { get; set; }

    /// <summary>Full official designation.</summary>
    public required string OfficialName { get; set; }

    /// <summary>Seat of the Bezirksregierung.</summary>
    public required string Seat { get; set; }

    /// <summary>Residents, summed over the region's municipalities.</summary>
    public int Population { get; set; }

    /// <summary>Area in km², summed over the region's municipalities.</summary>
    public double AreaKm2 { get; set; }

    /// <summary>Number of municipalities in the region.</summary>
    public int MunicipalityCount { get; set; }

    /// <summary>Boundary in EPSG:25832.</summary>
    public required MultiPolygon Boundary { get; set; }
}
