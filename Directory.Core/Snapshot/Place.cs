using NetTopologySuite.Geometries;

namespace Directory.Core.Snapshot;

/// <summary>What kind of place a search found.</summary>
public enum PlaceKind
{
    /// <summary>A municipality.</summary>
    Gemeinde,

    /// <summary>A locality from the postcode list (an Ortsteil or town of a postcode).</summary>
    Ort,

    /// <summary>A postcode.</summary>
    Postleitzahl,
}

/// <summary>A place people search for, with the point a search starts from (EPSG:25832).</summary>
/// <param name="Label">What the user sees, e.g. "Olpe", "Rhode (Olpe)", "57462 Olpe".</param>
/// <param name="Kind">Gemeinde, Ort or Postleitzahl.</param>
/// <param name="Ags">The municipality the place lies in.</param>
/// <param name="Postcode">The postcode, for postcode places.</param>
/// <param name="Location">The point (EPSG:25832).</param>
/// <param name="Population">The municipality's residents, for ranking.</param>
public sealed record Place(string Label, PlaceKind Kind, string Ags, string? Postcode, Point Location, int Population);
