using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Directory.Api.Common;
using Directory.Api.Problems;
using Directory.Api.Regions;
using Directory.Api.Texts;
using Directory.Core.Coverage;
using Directory.Core.Geography;
using Directory.Core.Snapshot;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Options;
using NetTopologySuite.Features;

namespace Directory.Api.Coverage;

/// <summary>Coverage: who has a family manager, and how many residents live within reach of one.</summary>
public static class CoverageEndpoints
{

    /// <summary>Maps <c>/api/coverage</c>.</summary>
    public static IEndpointRouteBuilder MapCoverage(this IEndpointRouteBuilder app)
    {
        // Each answer may be a computation over the whole grid (or road network): they take turns, within a budget.
        var group = app.MapGroup("/api/coverage").WithTags("Abdeckung").AddEndpointFilter(ExpensiveComputations.FilterAsync)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
#pragma warning disable RDG002 // left to the runtime on purpose: Common/QueryRecordEndpoint
        group.MapGet("/", QueryRecordEndpoint.Of(GetCoverage)).WithName(nameof(GetCoverage))
            .WithSummary("Responsibility coverage and reach per region of a level (gemeinde, kreis, regierungsbezirk, land) at radiusKm (default 10), optionally within a region; as JSON, CSV or GeoJSON.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/history", QueryRecordEndpoint.Of(GetHistory)).WithName(nameof(GetHistory))
            .WithSummary("Per year since the first certification: the entries certified by then (and active today) and the share of today's residents and children within radiusKm, per region of a level (land, regierungsbezirk, kreis, gemeinde).")
            .ProducesProblem(StatusCodes.Status404NotFound);
        group.MapGet("/gaps", QueryRecordEndpoint.Of(GetGaps)).WithName(nameof(GetGaps))
            .WithSummary("The Gemeinden without a family manager, and those with the most residents out of reach, most affected first.")
            .ProducesProblem(StatusCodes.Status404NotFound);
#pragma warning restore RDG002
        return app;
    }

    // Ok<CoverageResponse> declares the JSON answer's schema (OpenAPI); the bytes sent are that record serialised.
    private static Results<Ok<CoverageResponse>, FileContentHttpResult, ValidationProblem, ProblemHttpResult> GetCoverage(
        [AsParameters] CoverageQuery query, SnapshotProvider snapshots, IOptions<JsonOptions> json, IOptions<QueryLimits> limits,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var (levelName, radiusKm, formatName, date) = query.Check(limits.Value, QueryValues.Today, errors);
        var snapshot = snapshots.Current;
        var travel = TravelReach.Parse(query.Minutes, query.Mode, query.RadiusKm, limits.Value.CoverageMinutes, HasRoads(query.Minutes, snapshot), errors);
        var region = Within(query.Within, levelName, snapshot, errors, out var notFound);
        if (notFound is not null)
        {
            return notFound;
        }

        if (errors.Count > 0)
        {
            return ApiProblems.InvalidParameters(errors);
        }

        // The answer depends only on the snapshot and these parameters: rendered once, then sent as bytes.
        var reachText = travel is var (minutes, mode)
            ? $"{minutes.ToString(CultureInfo.InvariantCulture)}min-{(mode == Core.Roads.TravelMode.Car ? "auto" : "zu-fuss")}"
            : $"{radiusKm.ToString(CultureInfo.InvariantCulture)}km";
        var answer = snapshot.RenderedAnswer($"coverage|{levelName}|{reachText}|{region?.Key}|{formatName}|{date:yyyy-MM-dd}", () =>
        {
            var travelCoverage = travel is { } t ? snapshot.Travel(t.Mode, date, cancellationToken) : null;
            var result = travel is { } asked ? snapshot.Coverage(asked.Minutes, asked.Mode, date, cancellationToken)! : snapshot.Coverage(radiusKm, date);
            var inMinutes = travel is not null;
            var rows = RowsOf(result, levelName).Where(r => region is null || region.Contains(r.Key)).ToList();
            var total = region is null ? result.Land : RowsOf(result, LevelName(region.Level)).Single(r => r.Key == region.Key);
            var method = travelCoverage is { Times: var times }
                ? string.Format(CultureInfo.CurrentUICulture, ApiTexts.TravelMethod, times.CellsByStraightLine, times.ManagersByStraightLine)
                : ApiTexts.CoverageMethod;
            var attribution = inMinutes ? $"{ApiTexts.PopulationAttribution} · {ApiTexts.RoadAttribution}" : ApiTexts.PopulationAttribution;
            return formatName switch
            {
                "csv" => Csv(rows, inMinutes),
                "geojson" => GeoJson(rows, snapshot, levelName, inMinutes, json.Value.SerializerOptions),
                _ => JsonSerializer.SerializeToUtf8Bytes(new CoverageResponse(levelName, inMinutes ? null : radiusKm, date, region is null ? null : RegionReference.Of(region),
                    method, CoverageRow.Of(total, inMinutes), rows.Select(r => CoverageRow.Of(r, inMinutes)).ToList(), attribution,
                    travel?.Minutes, travel is { } m ? TravelReach.Name(m.Mode) : null, travelCoverage?.Times.CellsByStraightLine),
                    json.Value.SerializerOptions),
            };
        });
        return formatName switch
        {
            "csv" => TypedResults.File(answer, "text/csv; charset=utf-8", $"abdeckung-{levelName}-{reachText}{(date is { } d ? $"-{d:yyyy-MM-dd}" : "")}.csv"),
            "geojson" => TypedResults.File(answer, "application/geo+json"),
            _ => TypedResults.File(answer, "application/json; charset=utf-8"),
        };
    }

    private static Results<Ok<HistoryResponse>, ValidationProblem, ProblemHttpResult> GetHistory(
        [AsParameters] HistoryQuery query, SnapshotProvider snapshots, IOptions<QueryLimits> limits)
    {
        var errors = new Dictionary<string, string[]>();
        var (levelName, radiusKm) = query.Check(limits.Value, errors);
        var snapshot = snapshots.Current;
        var region = Within(query.Within, levelName, snapshot, errors, out var notFound);
        if (notFound is not null)
        {
            return notFound;
        }

        if (errors.Count > 0)
        {
            return ApiProblems.InvalidParameters(errors);
        }

        var today = QueryValues.Today;
        // From the first certification, but never before the configured year: the years are a computation each.
        var first = snapshot.FirstCertification is { } certified && certified.Year < limits.Value.HistoryFromYear
            ? new DateOnly(limits.Value.HistoryFromYear, 1, 1)
            : snapshot.FirstCertification;
        var days = first is { } start && start.Year <= today.Year
            ? Enumerable.Range(start.Year, today.Year - start.Year + 1).Select(y => y == today.Year ? today : new DateOnly(y, 12, 31)).ToList()
            : [];
        // Each year's regions of the level by key; every year lists the same regions (the geography of the snapshot).
        var years = days.Select(day => (Day: day, Regions: RowsOf(snapshot.Coverage(radiusKm, day), levelName).ToDictionary(c => c.Key)))
            .ToList();
        var regions = RowsOf(snapshot.Coverage(radiusKm), levelName).Where(r => region is null || region.Contains(r.Key))
            .Select(r => new HistoryRegion(r.Key, r.Name, r.Level, r.Municipalities, years.Select(y =>
            {
                var then = y.Regions[r.Key];
                return new HistoryYear(y.Day.Year, y.Day, then.Managers, then.MunicipalitiesCovered, Math.Round(then.ShareWithinReach, 4),
                    Math.Round(then.ShareChildrenWithinReach, 4));
            }).ToList()))
            .ToList();
        return TypedResults.Ok(new HistoryResponse(levelName, radiusKm, region is null ? null : RegionReference.Of(region),
            ApiTexts.HistoryMethod, snapshot.UndatedManagers, regions, ApiTexts.PopulationAttribution));
    }

    private static Results<Ok<GapsResponse>, ValidationProblem, ProblemHttpResult> GetGaps(
        [AsParameters] GapsQuery query, SnapshotProvider snapshots, IOptions<QueryLimits> limits, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var radius = CoverageRadius.Parse(query.RadiusKm, limits.Value.CoverageRadiusKm, errors);
        var date = QueryValues.Date(query.Date, "date", QueryValues.Today, errors);
        var snapshot = snapshots.Current;

        var travel = TravelReach.Parse(query.Minutes, query.Mode, query.RadiusKm, limits.Value.CoverageMinutes, HasRoads(query.Minutes, snapshot), errors);
        var region = Within(query.Within, "gemeinde", snapshot, errors, out var notFound);
        if (notFound is not null)
        {
            return notFound;
        }

        if (errors.Count > 0)
        {
            return ApiProblems.InvalidParameters(errors);
        }

        var result = travel is var (minutes, mode) ? snapshot.Coverage(minutes, mode, date, cancellationToken)! : snapshot.Coverage(radius!.Value, date);
        var municipalities = result.Municipalities
            .Where(m => region is null || region.Contains(m.Key))
            .ToList();
        CoverageGap Gap(RegionCoverage m) => new(m.Key, m.Name, snapshot.Geography.Find(m.ParentKey!)!.Name, m.Population,
            (long)Math.Round(m.Population - m.ResidentsWithinReach), Math.Round(m.ShareWithinReach, 4));
        var uncovered = municipalities.Where(m => m.CoveredBy is null).OrderByDescending(m => m.Population).Select(Gap).ToList();
        var outOfReach = municipalities.Select(Gap).Where(g => g.ResidentsOutOfReach > 0)
            .OrderByDescending(g => g.ResidentsOutOfReach).ThenBy(g => g.Key, StringComparer.Ordinal).Take(20).ToList();
        return TypedResults.Ok(new GapsResponse(region is null ? null : RegionReference.Of(region), travel is null ? radius : null, uncovered, outOfReach,
            travel?.Minutes, travel is { } t ? TravelReach.Name(t.Mode) : null));
    }

    /// <summary>
    /// Whether a road network is imported, asked only when minutes are (it waits for a network still loading, a few
    /// seconds after start; answers in kilometres never wait).
    /// </summary>
    internal static bool HasRoads(string? minutes, ServedSnapshot snapshot) =>
        minutes is not null && snapshot.Roads is not null;

    /// <summary>The region of <c>within</c>: it must exist and lie above the level asked for.</summary>
    internal static Region? Within(string? within, string levelName, ServedSnapshot snapshot, Dictionary<string, string[]> errors,
        out ProblemHttpResult? notFound)
    {
        notFound = null;
        if (within is null)
        {
            return null;
        }

        if (!RegionKey.IsNrwKey(within) || RegionKey.LevelOf(within) is not { } withinLevel)
        {
            errors["within"] = [string.Format(ApiTexts.KeyInvalid, within)];
            return null;
        }

        var region = snapshot.Geography.Find(within);
        if (region is null)
        {
            var message = string.Format(ApiTexts.RegionNotFound, within);
            notFound = ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.RegionNotFound, ApiTexts.RegionNotFoundTitle, message, ["within"], message);
            return null;
        }

        var rank = Array.IndexOf(CoverageQuery.Levels, levelName);
        if (rank >= 0 && Array.IndexOf(CoverageQuery.Levels, LevelName(withinLevel)) < rank)
        {
            errors["within"] = [string.Format(ApiTexts.WithinBelowLevel, within, levelName)];
        }

        return region;
    }

    private static string LevelName(RegionLevel level) => level switch
    {
        RegionLevel.Gemeinde => "gemeinde",
        RegionLevel.Kreis => "kreis",
        _ => "regierungsbezirk",
    };

    private static IEnumerable<RegionCoverage> RowsOf(CoverageResult result, string levelName) => levelName switch
    {
        "gemeinde" => result.Municipalities,
        "kreis" => result.Districts,
        "regierungsbezirk" => result.GovernmentRegions,
        _ => [result.Land],
    };

    /// <summary>German-Excel CSV: semicolon, UTF-8 with BOM, decimal comma.</summary>
    private static byte[] Csv(IEnumerable<RegionCoverage> rows, bool inMinutes)
    {
        var german = CultureInfo.GetCultureInfo("de-DE");
        var text = new StringBuilder().Append(inMinutes ? ApiTexts.CoverageCsvHeaderMinutes : ApiTexts.CoverageCsvHeader).Append("\r\n");
        foreach (var r in rows.Select(row => CoverageRow.Of(row, inMinutes)))
        {
            string[] cells =
            [
                r.Key, r.Name, r.Level, r.ParentKey ?? "", r.Managers.ToString(german), r.Municipalities.ToString(german),
                r.MunicipalitiesCovered.ToString(german), r.ShareMunicipalitiesCovered.ToString("0.0000", german), r.CoveredBy ?? "",
                r.Population.ToString(german), r.PopulationCovered.ToString(german), r.SharePopulationCovered.ToString("0.0000", german),
                r.ResidentsWithinReach.ToString(german), r.ShareWithinReach.ToString("0.0000", german),
                (inMinutes ? r.MeanMinutes?.ToString("0.0", german) : r.MeanDistanceKm?.ToString("0.00", german)) ?? "", r.Children.ToString(german), r.ChildrenWithinReach.ToString(german),
                r.ShareChildrenWithinReach.ToString("0.0000", german),
            ];
            text.Append(string.Join(';', cells.Select(Core.Managers.Lists.ListExport.Quote))).Append("\r\n");
        }

        return [.. Encoding.UTF8.GetPreamble(), .. Encoding.UTF8.GetBytes(text.ToString())];
    }

    /// <summary>The regions' simplified boundaries (WGS84) with the figures as properties, for a GIS.</summary>
    private static byte[] GeoJson(IEnumerable<RegionCoverage> rows, ServedSnapshot snapshot, string levelName, bool inMinutes, JsonSerializerOptions options)
    {
        var boundaries = snapshot.Geography.MapBoundaries;
        var byKey = (levelName switch
        {
            "gemeinde" => boundaries.Municipalities,
            "kreis" => boundaries.Districts,
            "regierungsbezirk" => boundaries.GovernmentRegions,
            _ => [],
        }).ToDictionary(b => b.Region.Key, b => b.Boundary);
        var collection = new FeatureCollection();
        foreach (var row in rows.Select(r => CoverageRow.Of(r, inMinutes)))
        {
            var geometry = levelName == "land" ? boundaries.Land : byKey[row.Key];
            var attributes = new AttributesTable();
            foreach (var property in typeof(CoverageRow).GetProperties())
            {
                attributes.Add(JsonNamingPolicy.CamelCase.ConvertName(property.Name), property.GetValue(row));
            }

            collection.Add(new Feature(geometry, attributes));
        }

        return JsonSerializer.SerializeToUtf8Bytes(collection, options);
    }
}
