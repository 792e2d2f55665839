namespace Directory.Api.MapConfig;

/// <summary>
/// The page's map (configuration section <c>Map</c>). Without a tile layer, the map shows only the project's own
/// data and works offline; a tile server is an optional addition for deployments that may use one.
/// </summary>
public sealed class MapOptions
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Map";

    /// <summary>A Leaflet tile URL template, e.g. <c>https://tiles.example.org/{z}/{x}/{y}.png</c>; empty for none.</summary>
    public string? TileUrl { get; set; }

    /// <summary>The attribution the tile provider requires (HTML allowed, as Leaflet renders it).</summary>
    public string? TileAttribution { get; set; }

    /// <summary>
    /// The "Route planen" link of each search result: a URL template with <c>{fromLat}</c>, <c>{fromLon}</c>,
    /// <c>{toLat}</c>, <c>{toLon}</c> (WGS84 degrees). Default: OpenStreetMap's directions, from the search's origin to
    /// the entry; empty for no link. Only a link the user follows: the page itself never calls the service.
    /// </summary>
    public string? RouteUrl { get; set; } =
        "https://www.openstreetmap.org/directions?route={fromLat}%2C{fromLon}%3B{toLat}%2C{toLon}";
}
