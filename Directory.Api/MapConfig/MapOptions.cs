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
}
