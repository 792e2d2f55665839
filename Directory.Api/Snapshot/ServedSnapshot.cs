using System.Collections.Concurrent;
using System.Text.Json;
using Directory.Core.Coverage;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using NetTopologySuite.Features;

namespace Directory.Api.Snapshot;

/// <summary>
/// Everything the Api serves from, built once per data version and never changed: the geography, the public view of
/// the family managers with its spatial index, the place index, which areas are covered, and the map boundaries
/// serialised once as GeoJSON with an ETag.
/// </summary>
public sealed class ServedSnapshot
{
    private const int MaxCachedRadii = 256;

    private readonly Lazy<byte[]> municipalityBoundaries;
    private readonly Lazy<CoverageModel> coverageModel;
    private readonly Lazy<IReadOnlyList<Ogc.OgcCollection>> ogcCollections;
    private readonly ConcurrentDictionary<double, CoverageResult> coverageByRadius = new();
    private readonly Lazy<byte[]> districtBoundaries;

    /// <summary>Builds the indexes; <paramref name="jsonOptions"/> must know GeoJSON.</summary>
    /// <param name="geography">The geography.</param>
    /// <param name="publicManagers">The managers the public may see.</param>
    /// <param name="coveredAreaKeys">Area keys (AGS or Kreis) with an active manager, published or not: an entry
    /// without consent is never shown, but it still covers its area.</param>
    /// <param name="jsonOptions">JSON options that know GeoJSON.</param>
    public ServedSnapshot(GeographySnapshot geography, IReadOnlyList<PublicFamilyManager> publicManagers,
        IReadOnlySet<string> coveredAreaKeys, Func<CoverageModel> coverage, JsonSerializerOptions jsonOptions)
    {
        coverageModel = new Lazy<CoverageModel>(coverage);
        ogcCollections = new Lazy<IReadOnlyList<Ogc.OgcCollection>>(() => Ogc.OgcCatalog.Build(this));
        Geography = geography;
        PublicManagers = publicManagers;
        PublicManagersById = publicManagers.ToDictionary(m => m.Id);
        CoveredAreaKeys = coveredAreaKeys;
        Managers = new ManagerIndex(publicManagers);
        Places = new PlaceIndex(geography.Municipalities, geography.PostcodePlaces);
        Areas = new AreaResolver(geography);
        LoadedAt = DateTimeOffset.UtcNow;
        ETag = $"\"{LoadedAt.UtcTicks:x}\"";
        municipalityBoundaries = new Lazy<byte[]>(() => Serialize(geography.MapBoundaries.Municipalities, jsonOptions));
        districtBoundaries = new Lazy<byte[]>(() => Serialize(geography.MapBoundaries.Districts, jsonOptions));
    }

    /// <summary>The geography.</summary>
    public GeographySnapshot Geography { get; }

    /// <summary>The family managers the public may see (consent given, status active), by id.</summary>
    public IReadOnlyList<PublicFamilyManager> PublicManagers { get; }

    /// <summary>The public managers by id.</summary>
    public IReadOnlyDictionary<int, PublicFamilyManager> PublicManagersById { get; }

    /// <summary>Area keys with an active family manager (published or not).</summary>
    public IReadOnlySet<string> CoveredAreaKeys { get; }

    /// <summary>Spatial index over the public managers.</summary>
    public ManagerIndex Managers { get; }

    /// <summary>Autocomplete over places and postcodes.</summary>
    public PlaceIndex Places { get; }

    /// <summary>Names and keys of areas, with suggestions for unknown names.</summary>
    public AreaResolver Areas { get; }

    /// <summary>When this snapshot was built.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Entity tag of the responses built from this snapshot.</summary>
    public string ETag { get; }

    /// <summary>
    /// Coverage at a radius (metres), computed once per radius and snapshot: the snapshot is per data version, so
    /// the cache is per (radius, data version), and every level comes from the same computation.
    /// </summary>
    public CoverageResult Coverage(double radiusMetres)
    {
        if (coverageByRadius.Count > MaxCachedRadii)
        {
            coverageByRadius.Clear(); // a bound against clients that ask for ever new radii
        }

        return coverageByRadius.GetOrAdd(radiusMetres, r => coverageModel.Value.Compute(r));
    }

    /// <summary>The OGC API collections, built on first use.</summary>
    public IReadOnlyList<Ogc.OgcCollection> OgcCollections => ogcCollections.Value;

    /// <summary>The simplified municipalities as a GeoJSON FeatureCollection (UTF-8).</summary>
    public byte[] MunicipalityBoundaries => municipalityBoundaries.Value;

    /// <summary>The Kreis outlines as a GeoJSON FeatureCollection (UTF-8).</summary>
    public byte[] DistrictBoundaries => districtBoundaries.Value;

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
