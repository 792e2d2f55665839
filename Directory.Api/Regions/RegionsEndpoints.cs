using System.ComponentModel;
using Directory.Api.Problems;
using Directory.Api.Texts;
using Directory.Core.Geo;
using Directory.Core.Geography;
using Directory.Core.Snapshot;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Net.Http.Headers;

namespace Directory.Api.Regions;

/// <summary>The Gemeinden, Kreise and Regierungsbezirke of NRW: lists, single regions, map boundaries.</summary>
public static class RegionsEndpoints
{
    /// <summary>Maps <c>/api/regions</c>.</summary>
    public static IEndpointRouteBuilder MapRegions(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/regions").WithTags("Regionen");
        group.MapGet("/", ListRegions).WithName(nameof(ListRegions))
            .WithSummary("Lists the regions of one level with key, name, type, parents, population and area.");
        group.MapGet("/boundaries", GetBoundaries).WithName(nameof(GetBoundaries))
            .WithSummary("Simplified boundaries of one level as GeoJSON, for the overview map.");
        group.MapGet("/{key}", GetRegion).WithName(nameof(GetRegion))
            .WithSummary("One region by its 8-, 5- or 3-digit key, with its full boundary as GeoJSON.")
            .ProducesProblem(StatusCodes.Status404NotFound);
        return app;
    }

    private static Results<Ok<List<RegionSummary>>, ValidationProblem> ListRegions(
        [Description("gemeinde (default), kreis or regierungsbezirk.")] string? level, SnapshotProvider snapshots)
    {
        if (!TryParseLevel(level, out var parsed, out var problem))
        {
            return problem;
        }

        var geography = snapshots.Current.Geography;
        return TypedResults.Ok(geography.RegionsAt(parsed).Select(r => RegionSummary.Of(r, geography)).ToList());
    }

    private static Results<FileContentHttpResult, ValidationProblem> GetBoundaries(
        [Description("gemeinde (default) or kreis.")] string? level, SnapshotProvider snapshots,
        HttpResponse response)
    {
        if (!TryParseLevel(level, out var parsed, out var problem))
        {
            return problem;
        }

        if (parsed == RegionLevel.Regierungsbezirk)
        {
            return ApiProblems.InvalidParameters(new Dictionary<string, string[]>
            {
                ["level"] = [string.Format(ApiTexts.LevelInvalid, level)],
            });
        }

        var snapshot = snapshots.Current;
        // Revalidate every time: an import may change the data, and the ETag makes an unchanged answer a 304.
        response.Headers.CacheControl = "no-cache";
        var body = parsed == RegionLevel.Gemeinde ? snapshot.Served.MunicipalityBoundaries : snapshot.Served.DistrictBoundaries;
        return TypedResults.Bytes(body, "application/geo+json", entityTag: new EntityTagHeaderValue(snapshot.Served.BoundariesETag));
    }

    private static Results<Ok<RegionDetail>, ValidationProblem, ProblemHttpResult> GetRegion(
        [Description("8-digit AGS (Gemeinde), 5-digit Kreis key or 3-digit Regierungsbezirk key, e.g. 05315000.")] string key,
        SnapshotProvider snapshots)
    {
        if (!RegionKey.IsNrwKey(key))
        {
            return ApiProblems.InvalidParameters(new Dictionary<string, string[]>
            {
                ["key"] = [string.Format(ApiTexts.KeyInvalid, key)],
            });
        }

        var geography = snapshots.Current.Geography;
        var region = geography.Find(key);
        if (region is null)
        {
            var message = string.Format(ApiTexts.RegionNotFound, key);
            return ApiProblems.ForParameter(StatusCodes.Status404NotFound, ProblemTypes.RegionNotFound,
                ApiTexts.RegionNotFoundTitle, message, ["key"], message);
        }

        var boundary = CoordinateRounding.Round(Reprojector.Transform(region.Boundary, Crs.Wgs84), 6);
        return TypedResults.Ok(new RegionDetail(RegionSummary.Of(region, geography), boundary));
    }

    private static bool TryParseLevel(string? level, out RegionLevel parsed, out ValidationProblem problem)
    {
        problem = null!;
        if (level is null)
        {
            parsed = RegionLevel.Gemeinde;
            return true;
        }

        // Only the three names; Enum.TryParse would also take numbers such as "1".
        if (level.All(char.IsAsciiLetter) && Enum.TryParse(level, ignoreCase: true, out parsed))
        {
            return true;
        }

        parsed = default;
        problem = ApiProblems.InvalidParameters(new Dictionary<string, string[]>
        {
            ["level"] = [string.Format(ApiTexts.LevelInvalid, level)],
        });
        return false;
    }
}
