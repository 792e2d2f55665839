using System.Text.Json;
using Directory.Core.Managers;
using Directory.Core.Snapshot;
using NetTopologySuite.Features;

namespace Directory.Api.Snapshot;

/// <summary>
/// What the Api serves from: the geography snapshot plus its map boundaries serialised once as GeoJSON, with an
/// ETag, so that the largest response costs no work after the first request.
/// </summary>
public sealed class ServedSnapshot
{
    private readonly Lazy<byte[]> municipalityBoundaries;
    private readonly Lazy<byte[]> districtBoundaries;

    /// <summary>Wraps <paramref name="geography"/> and the public view of the managers; <paramref name="jsonOptions"/> must know GeoJSON.</summary>
    public ServedSnapshot(GeographySnapshot geography, IReadOnlyList<PublicFamilyManager> publicManagers, JsonSerializerOptions jsonOptions)
    {
        Geography = geography;
        PublicManagers = publicManagers;
        LoadedAt = DateTimeOffset.UtcNow;
        ETag = $"\"{LoadedAt.UtcTicks:x}\"";
        municipalityBoundaries = new Lazy<byte[]>(() => Serialize(geography.MapBoundaries.Municipalities, jsonOptions));
        districtBoundaries = new Lazy<byte[]>(() => Serialize(geography.MapBoundaries.Districts, jsonOptions));
    }

    /// <summary>The geography.</summary>
    public GeographySnapshot Geography { get; }

    /// <summary>The family managers the public may see (consent given, status active), by id.</summary>
    public IReadOnlyList<PublicFamilyManager> PublicManagers { get; }

    /// <summary>When this snapshot was built.</summary>
    public DateTimeOffset LoadedAt { get; }

    /// <summary>Entity tag of the responses built from this snapshot.</summary>
    public string ETag { get; }

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
