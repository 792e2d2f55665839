namespace Directory.Core.Managers;

/// <summary>Where a family manager's location comes from (stored as German words for GIS users).</summary>
public enum LocationSource
{
    /// <summary>Coordinates given in the list (<c>koordinaten</c>).</summary>
    Coordinates,

    /// <summary>The point of the address's postcode (<c>postleitzahl</c>); approximate.</summary>
    Postcode,

    /// <summary>The interior point of the municipality or Kreis worked for (<c>gebiet</c>); approximate.</summary>
    Area,
}
