using NetTopologySuite.Geometries;

namespace Directory.Core.Geography;

/// <summary>
/// A postcode point (GeoNames): one place of a Postleitzahl with the municipality it lies in, stored in the
/// GeoPackage layer <c>postleitzahlen</c>. A postcode that covers several places has several rows.
/// </summary>
public sealed class Postcode
{
    /// <summary>GeoPackage feature id.</summary>
    public int Id { get; set; }

    /// <summary>The 5-digit postcode, e.g. <c>57462</c>.</summary>
    public required string Code { get; set; }

    /// <summary>The place name GeoNames gives for this point.</summary>
    public required string Place { get; set; }

    /// <summary>The AGS of the municipality the point lies in.</summary>
    public required string Ags { get; set; }

    /// <summary>The point in EPSG:25832. It marks the place, not the centre of the postcode area.</summary>
    public required Point Location { get; set; }
}
