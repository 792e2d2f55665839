using System.Collections.Concurrent;
using System.Text.Json;
using Directory.Core.Coverage;
using NetTopologySuite.Features;

namespace Directory.Core.Snapshot;

/// <summary>
/// What the service builds from the geography alone: the geography, the place index, the area resolver, the map
/// boundaries as GeoJSON, the population cells and the road network (whose import bumps the geography's counter).
/// Kept from one snapshot to the next while only the list changes (a list import costs no re-reading of 396
/// boundaries, and the boundaries' ETag stays valid).
/// </summary>
public sealed class ServedGeography
{
    // A new build may simplify or serialise the boundaries differently: the ETag names the build too.
    private static readonly string BuildTag = typeof(ServedGeography).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    private readonly Lazy<byte[]> municipalityBoundaries;
    private readonly Lazy<byte[]> districtBoundaries;
    private readonly ConcurrentDictionary<Type, Lazy<object>> derived = new();
    private readonly Lazy<CoverageGrid> coverageGrid;

    /// <summary>Builds the indexes; the cells arrive later (<paramref name="cells"/> runs off the start-up path).</summary>
    public ServedGeography(GeographySnapshot geography, long version, Task<IReadOnlyList<CoverageCell>> cells, JsonSerializerOptions jsonOptions,
        Task<Roads.RoadNetwork?>? roads = null)
    {
        Roads = roads ?? Task.FromResult<Roads.RoadNetwork?>(null);
        Geography = geography;
        Version = version;
        Cells = cells;
        Places = new PlaceIndex(geography.Municipalities, geography.PostcodePlaces);
        Areas = new AreaResolver(geography);
        BoundariesETag = $"\"g{version}-{BuildTag}\"";
        municipalityBoundaries = new Lazy<byte[]>(() => Serialize(geography.MapBoundaries.Municipalities, jsonOptions));
        districtBoundaries = new Lazy<byte[]>(() => Serialize(geography.MapBoundaries.Districts, jsonOptions));
        // The cells are loaded by the time coverage asks: its requests await Cells first (Api's ExpensiveComputations).
        // Nothing waits here: asking before is a mistake of the caller, not a reason to block a thread.
        coverageGrid = new Lazy<CoverageGrid>(() => new CoverageGrid(
            geography.Municipalities.Select(m => new CoverageMunicipality(m.Key, m.Name, m.DistrictKey!, m.GovernmentRegionKey!,
                m.Population, m.LabelPoint.Coordinate)),
            geography.Districts.ToDictionary(d => d.Key, d => d.Name),
            geography.GovernmentRegions.ToDictionary(r => r.Key, r => r.Name),
            cells.IsCompletedSuccessfully ? cells.Result : throw new InvalidOperationException("The population cells are still loading: await Cells first.")));
    }

    /// <summary>The geography.</summary>
    public GeographySnapshot Geography { get; }

    /// <summary>The geography's change counter (<c>directory_state</c>).</summary>
    public long Version { get; }

    /// <summary>The population grid for coverage, loading in the background.</summary>
    public Task<IReadOnlyList<CoverageCell>> Cells { get; }

    /// <summary>
    /// The road network for travel times, loading in the background (a few seconds for NRW's); null when none is
    /// imported — the embedded default — and then everything is in kilometres as before.
    /// </summary>
    public Task<Roads.RoadNetwork?> Roads { get; }

    /// <summary>The road network if it has loaded, else null (a search does not wait for it).</summary>
    public Roads.RoadNetwork? RoadsIfLoaded => Roads.IsCompletedSuccessfully ? Roads.Result : null;

    /// <summary>The municipalities and the population grid scaled to today's totals, built on first use.</summary>
    public CoverageGrid CoverageGrid => coverageGrid.Value;

    /// <summary>Autocomplete over places and postcodes.</summary>
    public PlaceIndex Places { get; }

    /// <summary>Names and keys of areas, with suggestions for unknown names.</summary>
    public AreaResolver Areas { get; }

    /// <summary>Entity tag of the boundaries: the same on every instance over the same data and build.</summary>
    public string BoundariesETag { get; }

    /// <summary>The simplified municipalities as a GeoJSON FeatureCollection (UTF-8).</summary>
    public byte[] MunicipalityBoundaries => municipalityBoundaries.Value;

    /// <summary>The Kreis outlines as a GeoJSON FeatureCollection (UTF-8).</summary>
    public byte[] DistrictBoundaries => districtBoundaries.Value;

    /// <summary>
    /// What a host builds from the geography alone (the OGC API's region collections, say), built once on first use
    /// and kept while the geography is: one value per type.
    /// </summary>
    public T Derived<T>(Func<GeographySnapshot, T> build)
        where T : class =>
        (T)derived.GetOrAdd(typeof(T), _ => new Lazy<object>(() => build(Geography))).Value;

    private static byte[] Serialize(IReadOnlyList<MapBoundary> boundaries, JsonSerializerOptions jsonOptions)
    {
        var collection = new FeatureCollection();
        foreach (var boundary in boundaries)
        {
            // Only what the overview needs; details come from /api/regions/{key} when a region is selected. The label
            // point (inside the area, WGS84, 5 decimals ≈ 1 m) places the name; the population ranks the names where
            // they would overlap.
            var (lon, lat) = Geo.Reprojector.Transform(boundary.Region.LabelPoint.X, boundary.Region.LabelPoint.Y,
                Geo.Crs.Etrs89Utm32N, Geo.Crs.Wgs84);
            collection.Add(new Feature(boundary.Boundary, new AttributesTable
            {
                { "key", boundary.Region.Key },
                { "name", boundary.Region.Name },
                { "population", boundary.Region.Population },
                { "label", new[] { Math.Round(lon, 5), Math.Round(lat, 5) } },
            }));
        }

        return JsonSerializer.SerializeToUtf8Bytes(collection, jsonOptions);
    }
}
