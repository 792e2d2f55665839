using System.ComponentModel;
using System.Globalization;
using Directory.Api.Common;
using Directory.Api.Problems;
using Directory.Api.Regions;
using Directory.Api.Texts;
using Directory.Core.Snapshot;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Directory.Api.Locate;

/// <summary>The point of a WGS84 coordinate.</summary>
public sealed record GeoPoint(double Lat, double Lon);

/// <summary>The regions that contain a point.</summary>
public sealed record LocateResponse(GeoPoint Point, RegionReference Gemeinde, RegionReference Kreis, RegionReference Regierungsbezirk);

/// <summary>Which Gemeinde, Kreis and Regierungsbezirk contain a point.</summary>
public static class LocateEndpoints
{
    /// <summary>Maps <c>/api/locate</c>.</summary>
    public static IEndpointRouteBuilder MapLocate(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/locate", Locate).WithTags("Regionen").WithName(nameof(Locate))
            .WithSummary("The Gemeinde, Kreis and Regierungsbezirk that contain a WGS84 point (lat, lon in degrees).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Results<Ok<LocateResponse>, ValidationProblem, ProblemHttpResult> Locate(
        [Description("Latitude in WGS84 degrees, decimal point, e.g. 50.9413.")] string? lat,
        [Description("Longitude in WGS84 degrees, decimal point, e.g. 6.9583.")] string? lon,
        SnapshotProvider snapshots)
    {
        var errors = new Dictionary<string, string[]>();
        var latitude = QueryValues.Degrees(lat, "lat", 90, "50.9413", errors);
        var longitude = QueryValues.Degrees(lon, "lon", 180, "6.9583", errors);
        if (latitude is null || longitude is null)
        {
            return ApiProblems.InvalidParameters(errors);
        }

        var location = snapshots.Current.Geography.Locate(longitude.Value, latitude.Value);
        if (location is null)
        {
            return ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.OutsideNrw, ApiTexts.OutsideNrwTitle,
                string.Format(ApiTexts.OutsideNrw, latitude.Value.ToString(CultureInfo.InvariantCulture),
                    longitude.Value.ToString(CultureInfo.InvariantCulture)),
                ["lat", "lon"], ApiTexts.OutsideNrwParameter);
        }

        return TypedResults.Ok(new LocateResponse(new GeoPoint(latitude.Value, longitude.Value),
            RegionReference.Of(location.Municipality), RegionReference.Of(location.District),
            RegionReference.Of(location.GovernmentRegion)));
    }
}
