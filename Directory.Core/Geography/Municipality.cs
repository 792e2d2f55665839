using NetTopologySuite.Geometries;

namespace Directory.Core.Geography;

/// <summary>A Gemeinde: one of the 396 municipalities of NRW, stored in the GeoPackage layer <c>gemeinden</c>.</summary>
public sealed class Municipality
{
    /// <summary>GeoPackage feature id (the integer primary key the standard requires).</summary>
    public int Id { get; set; }

    /// <summary>The 8-digit Amtlicher Gemeindeschlüssel, e.g. <c>05315000</c> for Köln.</summary>
    public required string Ags { get; set; }

    /// <summary>Short name, e.g. <c>Halle (Westf.)</c>.</summary>
    public required string Name { get; set; }

    /// <summary>Full official designation, e.g. <c>Düsseldorf, Stadt</c>.</summary>
    public required string OfficialName { get; set; }

    /// <summary><c>kreisfreie Stadt</c>, <c>Stadt</c> or <c>Gemeinde</c>.</summary>
    public required string Type { get; set; }

    /// <summary>The 5-digit key of the Kreis or kreisfreie Stadt (the AGS's first five digits).</summary>
    public required string DistrictKey { get; set; }

    /// <summary>The 3-digit key of the Regierungsbezirk (the AGS's first three digits).</summary>
    public required string GovernmentRegionKey { get; set; }

    /// <summary>Residents at <see cref="PopulationDate"/>.</summary>
    public int Population { get; set; }

    /// <summary>Reference date of <see cref="Population"/>.</summary>
    public DateOnly PopulationDate { get; set; }

    /// <summary>Official cadastral area in km².</summary>
    public double AreaKm2 { get; set; }

    /// <summary>A point inside the municipality, EPSG:25832 easting (for labels and approximate locations).</summary>
    public double InteriorEasting { get; set; }

    /// <summary>A point inside the municipality, EPSG:25832 northing.</summary>
    public double InteriorNorthing { get; set; }

    /// <summary>Boundary in EPSG:25832.</summary>
    public required MultiPolygon Boundary { get; set; }
}
