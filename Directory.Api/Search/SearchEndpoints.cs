using System.ComponentModel;
using System.Globalization;
using System.Text.Json.Serialization;
using Directory.Api.Common;
using Directory.Api.Managers;
using Directory.Api.Problems;
using Directory.Api.Regions;
using Directory.Api.Texts;
using Directory.Core.Geo;
using Directory.Core.Geography;
using Directory.Core.Snapshot;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Directory.Api.Search;

/// <summary>Where a search starts: the place found, its point, and how it was given.</summary>
public sealed record SearchOrigin(string Name, string Kind, double Lat, double Lon);

/// <summary>The Gemeinde a search starts in, and whether it has a family manager (its own or its Kreis's).</summary>
/// <param name="CoveredBy"><c>gemeinde</c> (a manager works for it), <c>kreis</c> (one works for its whole Kreis), or null.</param>
public sealed record OriginMunicipality(string Key, string Name, RegionReference Kreis, bool HasManager, string? CoveredBy);

/// <summary>A manager with the distance from the origin, and the travel times when a road network is imported.</summary>
/// <param name="TravelMinutes">Minutes by car and on foot over the road network; null without one.</param>
public sealed record NearbyResult(ManagerResponse Manager, long DistanceM, TravelMinutes? TravelMinutes = null);

/// <summary>Whole minutes of travel from the search's origin to a manager.</summary>
/// <param name="Car">By car.</param>
/// <param name="Foot">On foot.</param>
/// <param name="StraightLine">The modes (<c>car</c>, <c>foot</c>) whose minutes are straight-line estimates: the origin
/// or the manager lies more than 1 km from that mode's network, or it does not connect them.</param>
public sealed record TravelMinutes(long Car, long Foot, IReadOnlyList<string> StraightLine);

/// <summary>The answer of <c>/api/managers/nearby</c>.</summary>
/// <param name="OutsideRadius">True when nobody is within the radius and the results are the nearest ones anyway.</param>
public sealed record NearbyResponse(SearchOrigin Origin, OriginMunicipality Gemeinde, double RadiusKm, int Limit,
    string Distance, bool OutsideRadius, int Count, IReadOnlyList<NearbyResult> Results);

/// <summary>A place suggestion for the search field.</summary>
public sealed record PlaceSuggestion(string Label, string Kind, string Ags, string? Plz, double Lat, double Lon);

/// <summary>
/// The search answers' serialisation metadata, generated at build time and first in the service's HTTP JSON options'
/// resolver chain: the autocomplete is written by the serialiser with those options, without reflection and without
/// metadata built at the first request. The nearby answer is written by <see cref="NearbyAnswer"/>; its record is
/// here for <c>NearbyJsonTests</c> and the OpenAPI document.
/// </summary>
[JsonSerializable(typeof(NearbyResponse))]
[JsonSerializable(typeof(List<PlaceSuggestion>))]
public sealed partial class SearchJsonContext : JsonSerializerContext;

/// <summary>Searching family managers by place, postcode or position, and the places autocomplete.</summary>
public static class SearchEndpoints
{
    private static readonly GeometryFactory Etrs89 = NtsGeometryServices.Instance.CreateGeometryFactory(Crs.Etrs89Utm32N);

    /// <summary>Maps <c>/api/managers/nearby</c> and <c>/api/places</c>.</summary>
    public static IEndpointRouteBuilder MapSearch(this IEndpointRouteBuilder app)
    {
#pragma warning disable RDG002 // left to the runtime on purpose: Common/QueryRecordEndpoint
        app.MapGet("/api/managers/nearby", QueryRecordEndpoint.Of(Nearby)).WithTags("Familienmanager").WithName(nameof(Nearby))
            .WithSummary("Family managers near a place (place), a postcode (plz) or a position (lat, lon), nearest first, within radiusKm (default 25); the nearest ones anyway when none is within.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        app.MapGet("/api/places", QueryRecordEndpoint.Of(Places)).WithTags("Suche").WithName(nameof(Places))
            .WithSummary("Autocomplete: municipalities, localities and postcodes for a prefix of 2 or more characters, forgiving umlauts.");
#pragma warning restore RDG002
        return app;
    }

    private static Results<NearbyAnswer, ValidationProblem, ProblemHttpResult> Nearby([AsParameters] NearbyQuery query,
        SnapshotProvider snapshots, IOptions<QueryLimits> limits)
    {
        var errors = new Dictionary<string, string[]>();
        var (lat, lon, plz, place) = (query.Lat, query.Lon, query.Plz, query.Place);
        var checkedQuery = query.Check(limits.Value, errors);
        var snapshot = snapshots.Current;
        (Point Point, string Name, string Kind, string? Ags)? origin = null;
        if (errors.Count == 0)
        {
            var located = plz is not null ? FromPostcode(plz, snapshot, errors, out var problem)
                : place is not null ? FromPlace(place, limits.Value.PlaceTextLength, snapshot, errors, out problem)
                : FromCoordinates(lat, lon, errors, out problem);
            if (problem is not null)
            {
                return problem;
            }

            origin = located;
        }

        if (errors.Count > 0 || origin is null || checkedQuery is not var (radius, count))
        {
            return ApiProblems.InvalidParameters(errors);
        }

        var (point, name, kind, ags) = origin.Value;
        var municipality = ags is not null ? snapshot.Geography.Find(ags) : snapshot.Geography.MunicipalityIndex.Locate(point);
        if (municipality is null)
        {
            // Only coordinates can lie outside (places and postcodes are in NRW); echo them as given.
            return ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.OutsideNrw, ApiTexts.OutsideNrwTitle,
                string.Format(ApiTexts.OutsideNrw, lat, lon), ["lat", "lon"], ApiTexts.OutsideNrwParameter);
        }

        var district = snapshot.Geography.Find(municipality.DistrictKey!)!;
        var coveredBy = snapshot.CoveredAreaKeys.Contains(municipality.Key) ? "gemeinde"
            : snapshot.CoveredAreaKeys.Contains(district.Key) ? "kreis" : null;
        var nearby = snapshot.Managers.Nearby(point, radius * 1000, count, out var outside);
        var travel = snapshot.Roads is { } network && nearby.Count > 0 ? Travel(snapshot, network, point, nearby) : null;
        // A position comes back as given; places and postcodes have their point in EPSG:25832 only.
        var (originLon, originLat) = origin.Value.Kind == "koordinaten"
            ? (double.Parse(lon!, CultureInfo.InvariantCulture), double.Parse(lat!, CultureInfo.InvariantCulture))
            : Wgs84(point);
        return new NearbyAnswer(new SearchOrigin(name, kind, Math.Round(originLat, 6), Math.Round(originLon, 6)),
            municipality, district, coveredBy, radius, count, travel is null ? ApiTexts.DistanceMethod : $"{ApiTexts.DistanceMethod}. {ApiTexts.TravelTimeMethod}",
            outside, nearby, travel, snapshot);
    }

    // Only public entries are ever results, so travel times say nothing about a hidden one.
    private static TravelMinutes[] Travel(ServedSnapshot snapshot, Core.Roads.RoadNetwork network, Point origin, IReadOnlyList<NearbyManager> nearby)
    {
        Core.Roads.TravelEstimate[] In(Core.Roads.TravelMode mode)
        {
            var places = snapshot.ManagerPlaces(network, mode);
            return Core.Roads.TravelTimes.From(network, mode, Core.Roads.TravelTimes.Place(network, mode, origin.X, origin.Y),
                [.. nearby.Select(n => places[n.Manager.Id])], place => snapshot.TargetSpace(network, mode, place));
        }

        var car = In(Core.Roads.TravelMode.Car);
        var foot = In(Core.Roads.TravelMode.Foot);
        static long Whole(double minutes) => Math.Max(1, (long)Math.Round(minutes));
        return [.. car.Zip(foot, (c, f) => new TravelMinutes(Whole(c.Minutes), Whole(f.Minutes),
            (c.StraightLine, f.StraightLine) switch { (true, true) => ["car", "foot"], (true, false) => ["car"], (false, true) => ["foot"], _ => [] }))];
    }

    private static Results<Ok<List<PlaceSuggestion>>, ValidationProblem> Places([AsParameters] PlacesQuery query,
        SnapshotProvider snapshots, IOptions<QueryLimits> limits)
    {
        var errors = new Dictionary<string, string[]>();
        if (query.Check(limits.Value, errors) is not var (prefix, count))
        {
            return ApiProblems.InvalidParameters(errors);
        }

        return TypedResults.Ok(snapshots.Current.Places.Search(prefix, count).Select(ToSuggestion).ToList());
    }

    private static PlaceSuggestion ToSuggestion(Place place)
    {
        var (lon, lat) = Wgs84(place.Location);
        var kind = place.Kind switch { PlaceKind.Gemeinde => "gemeinde", PlaceKind.Ort => "ort", _ => "plz" };
        return new PlaceSuggestion(place.Label, kind, place.Ags, place.Postcode, Math.Round(lat, 6), Math.Round(lon, 6));
    }

    private static (Point, string, string, string?)? FromPostcode(string plz, ServedSnapshot snapshot, Dictionary<string, string[]> errors,
        out ProblemHttpResult? problem)
    {
        problem = null;
        var code = plz.Trim();
        if (code.Length != 5 || !code.All(char.IsAsciiDigit))
        {
            errors["plz"] = [string.Format(ApiTexts.PostcodeInvalid, plz)];
            return null;
        }

        var found = snapshot.Places.Postcode(code);
        if (found is null)
        {
            var message = string.Format(ApiTexts.PostcodeNotFound, code);
            problem = ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.PostcodeNotFound, ApiTexts.PostcodeNotFoundTitle, message, ["plz"], message);
            return null;
        }

        return (found.Location, found.Label, "plz", found.Ags);
    }

    private static (Point, string, string, string?)? FromPlace(string place, int longest, ServedSnapshot snapshot, Dictionary<string, string[]> errors,
        out ProblemHttpResult? problem)
    {
        problem = null;
        // Checked before any matching: the fuzzy match costs time with the length of the text.
        if (place.Length > longest)
        {
            errors["place"] = [string.Format(ApiTexts.TextTooLong, longest, place.Length)];
            return null;
        }

        if (place.Trim().Length < 2)
        {
            errors["place"] = [ApiTexts.PlaceTooShort];
            return null;
        }

        var found = snapshot.Places.Best(place);
        if (found is null)
        {
            var suggestions = snapshot.Areas.ResolveName(place, RegionLevel.Gemeinde).Suggestions;
            var message = suggestions.Count == 0
                ? string.Format(ApiTexts.PlaceNotFound, place)
                : string.Format(ApiTexts.PlaceNotFoundSuggest, place, string.Join("“, „", suggestions));
            problem = ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.PlaceNotFound, ApiTexts.PlaceNotFoundTitle, message, ["place"], message);
            return null;
        }

        return (found.Location, found.Label, found.Kind == PlaceKind.Gemeinde ? "gemeinde" : found.Kind == PlaceKind.Ort ? "ort" : "plz", found.Ags);
    }

    private static (Point, string, string, string?)? FromCoordinates(string? lat, string? lon, Dictionary<string, string[]> errors,
        out ProblemHttpResult? problem)
    {
        problem = null;
        var latitude = QueryValues.Degrees(lat, "lat", 90, "50.9413", errors);
        var longitude = QueryValues.Degrees(lon, "lon", 180, "6.9583", errors);
        if (latitude is null || longitude is null)
        {
            return null;
        }

        var (x, y) = Reprojector.Transform(longitude.Value, latitude.Value, Crs.Wgs84, Crs.Etrs89Utm32N);
        var name = string.Create(CultureInfo.InvariantCulture, $"{latitude.Value:0.#####}, {longitude.Value:0.#####}");
        return (Etrs89.CreatePoint(new Coordinate(x, y)), name, "koordinaten", null);
    }

    private static (double Lon, double Lat) Wgs84(Point point) =>
        Reprojector.Transform(point.X, point.Y, Crs.Etrs89Utm32N, Crs.Wgs84);
}
