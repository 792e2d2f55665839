using NetTopologySuite.Geometries;

namespace Directory.Core.Geography;

/// <summary>
/// One inhabited 1 km cell of the Zensus 2011 population grid whose centre lies in NRW, stored in the GeoPackage
/// layer <c>bevoelkerung_1km</c>. Used for the reach measure: residents are counted at the cell centre.
/// </summary>
public sealed class PopulationCell
{
    /// <summary>GeoPackage feature id.</summary>
    public int Id { get; set; }

    /// <summary>INSPIRE cell id, e.g. <c>CRS3035RES1000mN3130000E4096000</c>.</summary>
    public required string CellId { get; set; }

    /// <summary>Residents on 09.05.2011 (Zensus 2011), unscaled.</summary>
    public int Population { get; set; }

    /// <summary>The AGS of the municipality that contains the cell centre.</summary>
    public required string Ags { get; set; }

    /// <summary>The cell centre in EPSG:25832.</summary>
    public required Point Location { get; set; }
}
