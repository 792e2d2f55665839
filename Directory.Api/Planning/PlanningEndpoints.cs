using System.ComponentModel;
using System.Globalization;
using System.Text.Json;
using Directory.Api.Common;
using Directory.Api.Coverage;
using Directory.Api.Problems;
using Directory.Api.Regions;
using Directory.Api.Texts;
using Directory.Core.Coverage;
using Directory.Core.Geo;
using Directory.Core.Geography;
using Directory.Core.Snapshot;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using FromQueryAttribute = Microsoft.AspNetCore.Mvc.FromQueryAttribute;
using Microsoft.Extensions.Options;

namespace Directory.Api.Planning;

/// <summary>The query of <c>/api/planning/suggestions</c> as given (<c>[AsParameters]</c>); <see cref="Check"/> holds its rules.</summary>
public sealed record PlanningQuery(
    [property: FromQuery(Name = "radiusKm"), Description("Reach radius in whole km, from 0 to Limits:PlanningRadiusKm (25); default 10.")] string? RadiusKm,
    [property: FromQuery(Name = "count"), Description("How many sites, 1 to 20; default 3.")] string? Count,
    [property: FromQuery(Name = "within"), Description("Only this Gemeinde, Kreis or Regierungsbezirk (key): its cells are the candidates and its people are counted.")] string? Within,
    [property: FromQuery(Name = "target"), Description("residents (default) or children (under 15).")] string? Target,
    [property: FromQuery(Name = "date"), Description("YYYY-MM-DD from 2000-01-01 to today: start from the entries certified on or before that day.")] string? Date,
    [property: FromQuery(Name = "minutes"), Description("Reach in whole minutes of travel over the road network instead of radiusKm, 0 to Limits:PlanningMinutes (30); only when a road network is imported.")] string? Minutes = null,
    [property: FromQuery(Name = "mode"), Description("With minutes: car (default) or foot.")] string? Mode = null)
{
    /// <summary>The most sites one question may ask for.</summary>
    public const int MaxCount = 20;

    /// <summary>The radius, count, target and date, with every problem in <paramref name="errors"/>.</summary>
    public (int RadiusKm, int Count, CoverageTarget Target, DateOnly? Date) Check(QueryLimits limits, DateOnly today, Dictionary<string, string[]> errors)
    {

        var radius = CoverageRadius.Parse(RadiusKm, limits.PlanningRadiusKm, errors) ?? 0;
        var count = 3;
        if (Count is not null && !(int.TryParse(Count, NumberStyles.None, CultureInfo.InvariantCulture, out count) && count is >= 1 and <= MaxCount))
        {
            errors["count"] = [string.Format(ApiTexts.PlanningCountInvalid, MaxCount, Count)];
        }

        var target = CoverageTarget.Residents;
        switch (Target?.ToLowerInvariant())
        {
            case null or "residents":
                break;
            case "children":
                target = CoverageTarget.Children;
                break;
            default:
                errors["target"] = [string.Format(ApiTexts.PlanningTargetInvalid, Target)];
                break;
        }

        return (radius, count, target, QueryValues.Date(Date, "date", today, errors));
    }
}

/// <summary>One suggested site.</summary>
/// <param name="Rank">1 for the first site chosen.</param>
/// <param name="Lat">Latitude of the site (WGS84), the centre of an inhabited 1 km cell.</param>
/// <param name="Lon">Longitude of the site.</param>
/// <param name="Municipality">The Gemeinde the site lies in.</param>
/// <param name="NewlyWithinReach">People this site brings within reach, after the sites before it.</param>
/// <param name="WithinReachAfter">People within reach once it is added.</param>
/// <param name="ShareWithinReachAfter">Their share of the people counted (0–1).</param>
public sealed record PlanningSuggestion(int Rank, double Lat, double Lon, RegionReference Municipality, long NewlyWithinReach,
    long WithinReachAfter, double ShareWithinReachAfter);

/// <summary>The answer of <c>/api/planning/suggestions</c>.</summary>
/// <param name="Target"><c>residents</c> or <c>children</c>.</param>
/// <param name="People">The people counted: the residents (or children) of the region, or of NRW.</param>
/// <param name="WithinReachBefore">Of those, within reach of the family managers that count.</param>
/// <param name="Suggestions">The sites in the order chosen; fewer than asked when no further site reaches anyone new.</param>
/// <param name="RadiusKm">The radius of reach; null when reach is in minutes.</param>
/// <param name="Minutes">Reach in minutes of travel over the road network, when asked for.</param>
/// <param name="Mode">With minutes: <c>car</c> or <c>foot</c>.</param>
public sealed record PlanningResponse(int? RadiusKm, string Target, DateOnly? Date, RegionReference? Within, long People,
    long WithinReachBefore, double ShareWithinReachBefore, IReadOnlyList<PlanningSuggestion> Suggestions, string Method, string Attribution,
    int? Minutes = null, string? Mode = null);

/// <summary>Planning: where one more family manager would bring the most people within reach.</summary>
public static class PlanningEndpoints
{
    /// <summary>Maps <c>/api/planning</c>.</summary>
    public static IEndpointRouteBuilder MapPlanning(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/planning").WithTags("Planung").AddEndpointFilter(ExpensiveComputations.FilterAsync)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
#pragma warning disable RDG002 // left to the runtime on purpose: Common/QueryRecordEndpoint
        group.MapGet("/suggestions", QueryRecordEndpoint.Of(GetSuggestions)).WithName(nameof(GetSuggestions))
            .WithSummary("The count sites that, added one after another, bring the most people (residents or children) newly within radiusKm of a family manager (greedy maximal covering over the inhabited 1 km cells).")
            .ProducesProblem(StatusCodes.Status404NotFound);
#pragma warning restore RDG002
        return app;
    }

    private static Results<Ok<PlanningResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult> GetSuggestions(
        [AsParameters] PlanningQuery query, SnapshotProvider snapshots, IOptions<JsonOptions> json, IOptions<QueryLimits> limits,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (radiusKm, count, target, date) = query.Check(limits.Value, QueryValues.Today, errors);
        var snapshot = snapshots.Current;
        var travel = TravelReach.Parse(query.Minutes, query.Mode, query.RadiusKm, limits.Value.PlanningMinutes, CoverageEndpoints.HasRoads(query.Minutes, snapshot), errors);
        // Any level may be asked about: "gemeinde" is the lowest, so every region lies at or above it.
        var region = CoverageEndpoints.Within(query.Within, "gemeinde", snapshot, errors, out var notFound);
        if (notFound is not null)
        {
            return notFound;
        }

        // One bounded road search per candidate cell: over a Kreis a few seconds, over NRW minutes. Until that is
        // fast, minutes need an area of at most a Kreis.
        if (travel is not null && region?.Level is not (RegionLevel.Kreis or RegionLevel.Gemeinde))
        {
            errors["within"] = [ApiTexts.PlanningMinutesNeedsRegion];
        }

        if (errors.Count > 0)
        {
            return ApiProblems.InvalidParameters(errors);
        }

        var targetName = target == CoverageTarget.Children ? "children" : "residents";
        // The answer depends only on the snapshot and these parameters: computed once, then sent as bytes.
        var reachKey = travel is var (minutes, mode) ? $"{minutes}min-{TravelReach.Name(mode)}" : $"{radiusKm}km";
        var answer = snapshot.RenderedAnswer($"planning|{reachKey}|{count}|{region?.Key}|{targetName}|{date:yyyy-MM-dd}", () =>
        {
            var model = travel is { } t ? snapshot.Travel(t.Mode, date, cancellationToken)!.Model : snapshot.CoverageModel(date);
            var municipalities = model.Grid.Municipalities;
            var result = CoveragePlanner.Suggest(model, travel?.Minutes ?? radiusKm * 1000.0, count, target,
                region is null ? null : m => region.Contains(municipalities[m].Ags),
                travel is { } asked ? new TravelReachOfCells(model.Grid, snapshot.Roads!, asked.Mode, asked.Minutes) : null, cancellationToken);
            var suggestions = result.Sites.Select(site =>
            {
                var (lon, lat) = Reprojector.Transform(site.X, site.Y, Crs.Etrs89Utm32N, Crs.Wgs84);
                return new PlanningSuggestion(site.Rank, Math.Round(lat, 6), Math.Round(lon, 6),
                    RegionReference.Of(snapshot.Geography.Find(site.Ags)!), (long)Math.Round(site.NewlyWithinReach),
                    (long)Math.Round(site.WithinReachAfter), Share(site.WithinReachAfter, result.People));
            }).ToList();
            return JsonSerializer.SerializeToUtf8Bytes(new PlanningResponse(travel is null ? radiusKm : null, targetName, date,
                region is null ? null : RegionReference.Of(region), (long)Math.Round(result.People), (long)Math.Round(result.WithinReachBefore),
                Share(result.WithinReachBefore, result.People), suggestions, travel is null ? ApiTexts.PlanningMethod : ApiTexts.PlanningTravelMethod,
                travel is null ? ApiTexts.PopulationAttribution : $"{ApiTexts.PopulationAttribution} · {ApiTexts.RoadAttribution}",
                travel?.Minutes, travel is { } m ? TravelReach.Name(m.Mode) : null),
                json.Value.SerializerOptions);
        });
        return TypedResults.File(answer, "application/json; charset=utf-8");
    }

    private static double Share(double part, double whole) => whole == 0 ? 0 : Math.Round(part / whole, 4);
}
