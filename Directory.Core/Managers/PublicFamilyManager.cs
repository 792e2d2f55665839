using NetTopologySuite.Geometries;

namespace Directory.Core.Managers;

/// <summary>
/// A family manager as the public may see them: only entries with consent and status active, and only the fields
/// meant for citizens (no certificate number, consent, status or certification date). Public endpoints can reach
/// nothing else, so a leak needs a visible change of code, not a forgotten filter.
/// <see cref="Latitude"/> and <see cref="Longitude"/> are the location in WGS84, computed once per snapshot so that
/// a search answers without reprojecting (docs/performance.md).
/// </summary>
public sealed record PublicFamilyManager(
    int Id,
    string? Title,
    string FirstName,
    string Surname,
    string AreaKey,
    string? Organisation,
    string? Street,
    string? Postcode,
    string? Town,
    string? Email,
    string? Phone,
    string? Website,
    Point Location,
    bool IsApproximate,
    double Latitude,
    double Longitude)
{
    /// <summary>Only what is public of <paramref name="manager"/>, or null when the entry is not public.</summary>
    public static PublicFamilyManager? From(FamilyManager manager)
    {
        if (!manager.IsPublic)
        {
            return null;
        }

        var (lon, lat) = Geo.Reprojector.Transform(manager.Location.X, manager.Location.Y, Geo.Crs.Etrs89Utm32N, Geo.Crs.Wgs84);
        return new PublicFamilyManager(manager.Id, manager.Title, manager.FirstName, manager.Surname, manager.AreaKey,
            manager.Organisation, manager.Street, manager.Postcode, manager.Town, manager.Email, manager.Phone, manager.Website,
            manager.Location, manager.IsApproximate, Math.Round(lat, 6), Math.Round(lon, 6));
    }

    /// <summary>"Dr. Anna Beispiel".</summary>
    public string DisplayName => string.IsNullOrEmpty(Title) ? $"{FirstName} {Surname}" : $"{Title} {FirstName} {Surname}";
}
