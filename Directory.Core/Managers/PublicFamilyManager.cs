using NetTopologySuite.Geometries;

namespace Directory.Core.Managers;

/// <summary>
/// A family manager as the public may see them: only entries with consent and status active, and only the fields
/// meant for citizens (no certificate number, consent, status or certification date). Public endpoints can reach
/// nothing else, so a leak needs a visible change of code, not a forgotten filter.
/// <see cref="Latitude"/> and <see cref="Longitude"/> are the location in WGS84, computed once per snapshot so that
/// a search answers without reprojecting (docs/performance.md). <see cref="X"/> and <see cref="Y"/> are the official
/// location in EPSG:25832 as plain numbers: a NetTopologySuite point per entry cost 170 bytes, 17 MB at 100,000.
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
    double X,
    double Y,
    bool IsApproximate,
    double Latitude,
    double Longitude,
    bool? FamilyContact,
    DateOnly? LastChecked)
{
    /// <summary>
    /// Only what is public of <paramref name="manager"/>, or null when the entry is not public. Texts that repeat
    /// across entries are shared through <paramref name="pool"/> when one is given.
    /// </summary>
    public static PublicFamilyManager? From(FamilyManager manager, StringPool? pool = null)
    {
        if (!manager.IsPublic)
        {
            return null;
        }

        var (lon, lat) = Geo.Reprojector.Transform(manager.Location.X, manager.Location.Y, Geo.Crs.Etrs89Utm32N, Geo.Crs.Wgs84);
        string? Pooled(string? text) => pool is null ? text : pool.Get(text);
        return new PublicFamilyManager(manager.Id, Pooled(manager.Title), Pooled(manager.FirstName)!, Pooled(manager.Surname)!,
            Pooled(manager.AreaKey)!, Pooled(manager.Organisation), Pooled(manager.Street), Pooled(manager.Postcode), Pooled(manager.Town),
            manager.Email, manager.Phone, Pooled(manager.Website),
            manager.Location.X, manager.Location.Y, manager.IsApproximate, Math.Round(lat, 6), Math.Round(lon, 6),
            manager.FamilyContact, manager.LastCheckedOn);
    }

    /// <summary>The location in EPSG:25832 as a coordinate.</summary>
    public Coordinate Coordinate => new(X, Y);

    /// <summary>"Dr. Anna Beispiel".</summary>
    public string DisplayName => string.IsNullOrEmpty(Title) ? $"{FirstName} {Surname}" : $"{Title} {FirstName} {Surname}";
}
