using Directory.Api.Snapshot;
using Directory.Core.Geo;
using Directory.Core.Managers;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Directory.Api.Managers;

/// <summary>A family manager as the public API returns them (WGS84 location).</summary>
public sealed record ManagerResponse(
    int Id,
    string Name,
    string? Organisation,
    ManagerArea Area,
    ManagerAddress Address,
    ManagerContact Contact,
    ManagerLocation Location);

/// <summary>The Gemeinde or Kreis a manager works for.</summary>
public sealed record ManagerArea(string Key, string Name, string Level);

/// <summary>Postal address.</summary>
public sealed record ManagerAddress(string? Street, string? Postcode, string? Town);

/// <summary>Contact details.</summary>
public sealed record ManagerContact(string? Email, string? Phone, string? Website);

/// <summary>Location in WGS84; approximate when it is a postcode's or an area's point.</summary>
public sealed record ManagerLocation(double Lat, double Lon, bool Approximate);

/// <summary>The public list of family managers (issue 5 adds search by place and distance).</summary>
public static class ManagersEndpoints
{
    /// <summary>Maps <c>/api/managers</c>.</summary>
    public static IEndpointRouteBuilder MapManagers(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/managers", ListManagers).WithTags("Familienmanager").WithName(nameof(ListManagers))
            .WithSummary("All family managers the public may see (consent given, status active), with area, contact and location.");
        return app;
    }

    private static Ok<List<ManagerResponse>> ListManagers(SnapshotProvider snapshots)
    {
        var snapshot = snapshots.Current;
        return TypedResults.Ok(snapshot.PublicManagers.Select(m => ToResponse(m, snapshot)).ToList());
    }

    internal static ManagerResponse ToResponse(PublicFamilyManager manager, ServedSnapshot snapshot)
    {
        var area = snapshot.Geography.Find(manager.AreaKey);
        var (lon, lat) = Reprojector.Transform(manager.Location.X, manager.Location.Y, Crs.Etrs89Utm32N, Crs.Wgs84);
        return new ManagerResponse(manager.Id, manager.DisplayName, manager.Organisation,
            new ManagerArea(manager.AreaKey, area?.Name ?? manager.AreaKey, manager.AreaKey.Length == 8 ? "gemeinde" : "kreis"),
            new ManagerAddress(manager.Street, manager.Postcode, manager.Town),
            new ManagerContact(manager.Email, manager.Phone, manager.Website),
            new ManagerLocation(Math.Round(lat, 6), Math.Round(lon, 6), manager.IsApproximate));
    }
}
