using NetTopologySuite.Geometries;

namespace Directory.Core.Managers;

/// <summary>
/// A certified Familienmanagerin or Familienmanager, stored in the GeoPackage layer <c>familienmanager</c>.
/// Entries without publication consent or with status inactive count for coverage but are never public.
/// </summary>
public sealed class FamilyManager
{
    /// <summary>GeoPackage feature id.</summary>
    public int Id { get; set; }

    /// <summary>Certificate number; the stable identity where present.</summary>
    public string? CertificateNumber { get; set; }

    /// <summary>Surname.</summary>
    public required string Surname { get; set; }

    /// <summary>First name.</summary>
    public required string FirstName { get; set; }

    /// <summary>Academic title, e.g. "Dr.".</summary>
    public string? Title { get; set; }

    /// <summary>The area worked for: an 8-digit AGS (a Gemeinde) or a 5-digit key (a whole Kreis).</summary>
    public required string AreaKey { get; set; }

    /// <summary>Organisation or office, e.g. "Stadt Bocholt, Fachbereich Jugend und Familie".</summary>
    public string? Organisation { get; set; }

    /// <summary>Street and number.</summary>
    public string? Street { get; set; }

    /// <summary>5-digit postcode.</summary>
    public string? Postcode { get; set; }

    /// <summary>Town of the address.</summary>
    public string? Town { get; set; }

    /// <summary>E-mail address.</summary>
    public string? Email { get; set; }

    /// <summary>Phone number as written.</summary>
    public string? Phone { get; set; }

    /// <summary>Website (http or https).</summary>
    public string? Website { get; set; }

    /// <summary>Date of certification.</summary>
    public DateOnly? CertifiedOn { get; set; }

    /// <summary>Active or inactive.</summary>
    public ManagerStatus Status { get; set; } = ManagerStatus.Active;

    /// <summary>Consent to publication; without it the entry is never shown to the public.</summary>
    public bool PublicationConsent { get; set; } = true;

    /// <summary>
    /// Whether families may turn to this person (a counselling or contact role), as the list says; null where it says
    /// nothing. Many family managers plan within the administration and offer no help to families directly.
    /// </summary>
    public bool? FamilyContact { get; set; }

    /// <summary>
    /// The day the entry was last checked: set by a list import that contains it (changed or not), by a staff edit, or
    /// by "geprüft" in the staff area; null for an entry not checked since this was recorded.
    /// </summary>
    public DateOnly? LastCheckedOn { get; set; }

    /// <summary>Where the location comes from.</summary>
    public LocationSource LocationSource { get; set; }

    /// <summary>The location in EPSG:25832.</summary>
    public required Point Location { get; set; }

    /// <summary>True where the location stands in for an address: a postcode's or a municipality's point.</summary>
    public bool IsApproximate => LocationSource != LocationSource.Coordinates;

    /// <summary>Whether the public may see this entry: consent given and status active.</summary>
    public bool IsPublic => PublicationConsent && Status == ManagerStatus.Active;
}
