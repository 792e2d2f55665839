using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace Directory.Api.MapConfig;

/// <summary>An optional tile layer for the page's map.</summary>
public sealed record TileLayer(string Url, string Attribution);

/// <summary>What the page needs to set up its map.</summary>
/// <param name="TileLayer">The configured tile layer, or null: the map then shows only the project's own data.</param>
/// <param name="RouteUrl">The URL template of the results' route links, or null for none.</param>
/// <param name="TravelTimes">Whether a road network is imported: searches then carry travel minutes, and coverage and
/// planning accept <c>minutes</c>; the pages offer minutes only then.</param>
public sealed record MapConfigResponse(TileLayer? TileLayer, string? RouteUrl, bool TravelTimes = false);

/// <summary>Maps <c>/api/map/config</c>.</summary>
public static class MapConfigEndpoints
{
    /// <summary>Maps <c>/api/map/config</c>.</summary>
    public static IEndpointRouteBuilder MapMapConfig(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/map/config", GetMapConfig).WithTags("Karte").WithName(nameof(GetMapConfig))
            .WithSummary("The page's map configuration: an optional tile layer (off by default), the route link template, and whether travel times exist.");
        return app;
    }

    private static async Task<Ok<MapConfigResponse>> GetMapConfig(IOptions<MapOptions> options, Core.Snapshot.SnapshotProvider snapshots)
    {
        var roads = await snapshots.Current.Served.Roads;
        var map = options.Value;
        var tiles = string.IsNullOrWhiteSpace(map.TileUrl) ? null : new TileLayer(map.TileUrl, map.TileAttribution ?? "");
        return TypedResults.Ok(new MapConfigResponse(tiles, string.IsNullOrWhiteSpace(map.RouteUrl) ? null : map.RouteUrl, roads is not null));
    }
}
