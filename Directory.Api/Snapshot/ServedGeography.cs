using System.Text.Json;
using Directory.Core.Coverage;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using NetTopologySuite.Features;

namespace Directory.Api.Snapshot;

/// <summary>
/// What the service builds from the geography alone: the geography, the place index, the area resolver, the map
/// boundaries as GeoJSON and the population cells. Kept from one snapshot to the next while only the list changes
/// (a list import costs no re-reading of 396 boundaries, and the boundaries' ETag stays valid).
/// </summary>
public sealed class ServedGeography
{
    // A new build may simplify or serialise the boundaries differently: the ETag names the build too.
    private static readonly string BuildTag = typeof(ServedGeography).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..8];

    private readonly Lazy<byte[]> municipalityBoundaries;
    private readonly Lazy<byte[]> districtBoundaries;
    private readonly Lazy<IReadOnlyList<Ogc.OgcCollection>> ogcRegions;

    /// <summary>Builds the indexes; the cells arrive later (<paramref name="cells"/> runs off the start-up path).</summary>
    public ServedGeography(GeographySnapshot geography, long version, Task<IReadOnlyList<CoverageCell>> cells, JsonSerializerOptions jsonOptions)
    {
        Geography = geography;
        Version = version;
        Cells = cells;
        Places = new PlaceIndex(geography.Municipalities, geography.PostcodePlaces);
        Areas = new AreaResolver(geography);
        BoundariesETag = $"\"g{version}-{BuildTag}\"";
        municipalityBoundaries = new Lazy<byte[]>(() => Serialize(geography.MapBoundaries.Municipalities, jsonOptions));
        districtBoundaries = new Lazy<byte[]>(() => Serialize(geography.MapBoundaries.Districts, jsonOptions));
        ogcRegions = new Lazy<IReadOnlyList<Ogc.OgcCollection>>(() => Ogc.OgcCatalog.BuildRegions(geography));
    }

    /// <summary>The geography.</summary>
    public GeographySnapshot Geography { get; }

    /// <summary>The geography's change counter (<c>directory_state</c>).</summary>
    public long Version { get; }

    /// <summary>The population grid for coverage, loading in the background.</summary>
    public Task<IReadOnlyList<CoverageCell>> Cells { get; }

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

    /// <summary>The OGC API collections of the regions (Gemeinden, Kreise, Regierungsbezirke), built on first use.</summary>
    public IReadOnlyList<Ogc.OgcCollection> OgcRegions => ogcRegions.Value;

    private static byte[] Serialize(IReadOnlyList<MapBoundary> boundaries, JsonSerializerOptions jsonOptions)
    {
        var collection = new FeatureCollection();
        foreach (var boundary in boundaries)
        {
            // Only what the overview needs; details come from /api/regions/{key} when a region is selected.
            collection.Add(new Feature(boundary.Boundary, new AttributesTable
            {
                { "key", boundary.Region.Key },
                { "name", boundary.Region.Name },
            }));
        }

        return JsonSerializer.SerializeToUtf8Bytes(collection, jsonOptions);
    }
}
