using System.ComponentModel;
using System.Globalization;
using Directory.Api.Common;
using Directory.Api.Problems;
using Directory.Api.Regions;
using Directory.Api.Texts;
using Directory.Core.Snapshot;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;

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
#pragma warning disable RDG002 // left to the runtime on purpose: Common/QueryRecordEndpoint
        app.MapGet("/api/locate", QueryRecordEndpoint.Of(Locate)).WithTags("Regionen").WithName(nameof(Locate))
            .WithSummary("The Gemeinde, Kreis and Regierungsbezirk that contain a WGS84 point (lat, lon in degrees).")
            .ProducesProblem(StatusCodes.Status404NotFound);
#pragma warning restore RDG002
        return app;
    }

    private static Results<Ok<LocateResponse>, ValidationProblem, ProblemHttpResult> Locate([AsParameters] LocateQuery query,
        SnapshotProvider snapshots)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.Check(errors) is not var (latitude, longitude))
        {
            return ApiProblems.InvalidParameters(errors);
        }

        var location = snapshots.Current.Geography.Locate(longitude, latitude);
        if (location is null)
        {
            return ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.OutsideNrw, ApiTexts.OutsideNrwTitle,
                string.Format(ApiTexts.OutsideNrw, latitude.ToString(CultureInfo.InvariantCulture),
                    longitude.ToString(CultureInfo.InvariantCulture)),
                ["lat", "lon"], ApiTexts.OutsideNrwParameter);
        }

        return TypedResults.Ok(new LocateResponse(new GeoPoint(latitude, longitude),
            RegionReference.Of(location.Municipality), RegionReference.Of(location.District),
            RegionReference.Of(location.GovernmentRegion)));
    }
}

/// <summary>The query of <c>/api/locate</c> as given (<c>[AsParameters]</c>); <see cref="Check"/> holds its rules.</summary>
public sealed record LocateQuery(
    [property: FromQuery(Name = "lat"), Description("Latitude in WGS84 degrees, decimal point, e.g. 50.9413.")] string? Lat,
    [property: FromQuery(Name = "lon"), Description("Longitude in WGS84 degrees, decimal point, e.g. 6.9583.")] string? Lon)
{
    /// <summary>Latitude and longitude, or null with each problem in <paramref name="errors"/>.</summary>
    public (double Latitude, double Longitude)? Check(Dictionary<string, string[]> errors)
    {
        var latitude = QueryValues.Degrees(Lat, "lat", 90, "50.9413", errors);
        var longitude = QueryValues.Degrees(Lon, "lon", 180, "6.9583", errors);
        return latitude is { } y && longitude is { } x ? (y, x) : null;
    }
}
