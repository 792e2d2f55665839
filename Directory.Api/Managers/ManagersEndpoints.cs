using System.ComponentModel;
using Directory.Api.Problems;
using Directory.Api.Texts;
using Directory.Core.Geography;
using Directory.Core.Managers;
using Directory.Core.Snapshot;
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
    ManagerLocation Location,
    [property: Description("Whether families may turn to this person directly; null where the list says nothing. Many family managers plan within the administration and offer no help to families directly.")]
    bool? FamilyContact,
    [property: Description("The day the entry was last checked (an import containing it, a staff edit or check); null where unknown.")]
    DateOnly? LastChecked);

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
        app.MapGet("/api/managers/{id}", GetManager).WithTags("Familienmanager").WithName(nameof(GetManager))
            .WithSummary("One public family manager by id.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/regions/{key}/managers", ManagersOfRegion).WithTags("Familienmanager").WithName(nameof(ManagersOfRegion))
            .WithSummary("The public family managers working for a Gemeinde, Kreis or Regierungsbezirk, including Kreis-level managers for its Gemeinden.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Ok<List<ManagerResponse>> ListManagers(SnapshotProvider snapshots)
    {
        var snapshot = snapshots.Current;
        return TypedResults.Ok(snapshot.PublicManagers.Select(m => ToResponse(m, snapshot)).ToList());
    }

    private static Results<Ok<ManagerResponse>, ValidationProblem, ProblemHttpResult> GetManager(
        [Description("The entry's id, as in the other answers.")] string id, SnapshotProvider snapshots)
    {
        if (!int.TryParse(id, System.Globalization.NumberStyles.None, System.Globalization.CultureInfo.InvariantCulture, out var number))
        {
            return ApiProblems.InvalidParameters(new Dictionary<string, string[]> { ["id"] = [string.Format(ApiTexts.IdInvalid, id)] });
        }

        var snapshot = snapshots.Current;
        if (snapshot.FindPublicManager(number) is not { } manager)
        {
            // Non-public entries answer exactly like missing ones: their existence is not public either.
            var message = string.Format(ApiTexts.ManagerNotFound, number);
            return ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.ManagerNotFound, ApiTexts.ManagerNotFoundTitle, message, ["id"], message);
        }

        return TypedResults.Ok(ToResponse(manager, snapshot));
    }

    private static Results<Ok<List<ManagerResponse>>, ValidationProblem, ProblemHttpResult> ManagersOfRegion(
        [Description("8-, 5- or 3-digit key of a Gemeinde, Kreis or Regierungsbezirk.")] string key, SnapshotProvider snapshots)
    {
        if (!RegionKey.IsNrwKey(key))
        {
            return ApiProblems.InvalidParameters(new Dictionary<string, string[]> { ["key"] = [string.Format(ApiTexts.KeyInvalid, key)] });
        }

        var snapshot = snapshots.Current;
        var region = snapshot.Geography.Find(key);
        if (region is null)
        {
            var message = string.Format(ApiTexts.RegionNotFound, key);
            return ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.RegionNotFound, ApiTexts.RegionNotFoundTitle, message, ["key"], message);
        }

        // A Gemeinde: its own managers and those of its Kreis. A Kreis or Regierungsbezirk: every manager within.
        bool WorksFor(string areaKey) => region.Level == RegionLevel.Gemeinde
            ? areaKey == region.Key || areaKey == region.DistrictKey
            : region.Contains(areaKey);
        return TypedResults.Ok(snapshot.PublicManagers.Where(m => WorksFor(m.AreaKey)).Select(m => ToResponse(m, snapshot)).ToList());
    }

    /// <summary>The level of an area a manager works for: a Gemeinde (8-digit key) or a whole Kreis.</summary>
    internal const string GemeindeLevel = "gemeinde", KreisLevel = "kreis";

    internal static ManagerResponse ToResponse(PublicFamilyManager manager, ServedSnapshot snapshot) =>
        new(manager.Id, manager.DisplayName, manager.Organisation,
            new ManagerArea(manager.AreaKey, AreaName(manager, snapshot), RegionKey.IsGemeinde(manager.AreaKey) ? GemeindeLevel : KreisLevel),
            new ManagerAddress(manager.Street, manager.Postcode, manager.Town),
            new ManagerContact(manager.Email, manager.Phone, manager.Website),
            new ManagerLocation(manager.Latitude, manager.Longitude, manager.IsApproximate),
            manager.FamilyContact, manager.LastChecked);

    /// <summary>The name of the area <paramref name="manager"/> works for; its key if the geography lacks it.</summary>
    internal static string AreaName(PublicFamilyManager manager, ServedSnapshot snapshot) =>
        snapshot.Geography.Find(manager.AreaKey)?.Name ?? manager.AreaKey;
}
