using NetTopologySuite.Geometries;

namespace Directory.Core.Geography;

/// <summary>
/// One inhabited 1 km cell of the Zensus 2022 population grid (the EU's Census 2021 round) whose centre lies in NRW,
/// stored in the GeoPackage layer <c>bevoelkerung_1km</c>. Used for the reach measure and planning: residents are
/// counted at the cell centre.
/// </summary>
public sealed class PopulationCell
{
    /// <summary>GeoPackage feature id.</summary>
    public int Id { get; set; }

    /// <summary>INSPIRE cell id, e.g. <c>CRS3035RES1000mN3130000E4096000</c>.</summary>
    public required string CellId { get; set; }

    /// <summary>Residents on 15.05.2022 (Zensus 2022), unscaled.</summary>
    public int Population { get; set; }

    /// <summary>Residents under 15 on 15.05.2022, unscaled (the age classes are perturbed separately for
    /// confidentiality, so they need not add up to <see cref="Population"/>).</summary>
    public int Children { get; set; }

    /// <summary>The AGS of the municipality that contains the cell centre.</summary>
    public required string Ags { get; set; }

    /// <summary>The cell centre in EPSG:25832.</summary>
    public required Point Location { get; set; }
}
