using System.Text.Json.Serialization;
using NetTopologySuite.Geometries;

namespace Directory.Api.Ogc;

/// <summary>A link of an OGC API resource.</summary>
public sealed record OgcLink(string Href, string Rel, string Type, string Title);

/// <summary>The landing page (<c>/ogc</c>).</summary>
public sealed record OgcLanding(string Title, string Description, IReadOnlyList<OgcLink> Links);

/// <summary>The conformance declaration (<c>/ogc/conformance</c>).</summary>
public sealed record OgcConformance(IReadOnlyList<string> ConformsTo);

/// <summary>The spatial extent of a collection, in CRS84.</summary>
public sealed record OgcSpatialExtent(IReadOnlyList<IReadOnlyList<double>> Bbox, string Crs);

/// <summary>The extent of a collection.</summary>
public sealed record OgcExtent(OgcSpatialExtent Spatial);

/// <summary>A collection's description (<c>/ogc/collections/{collectionId}</c>).</summary>
/// <param name="Count">Its features, for the HTML page; not part of the JSON.</param>
public sealed record OgcCollectionInfo(string Id, string Title, string Description, string ItemType, IReadOnlyList<string> Crs,
    string StorageCrs, OgcExtent Extent, IReadOnlyList<OgcLink> Links, [property: JsonIgnore] int Count);

/// <summary>The collections (<c>/ogc/collections</c>).</summary>
public sealed record OgcCollections(IReadOnlyList<OgcLink> Links, IReadOnlyList<OgcCollectionInfo> Collections);

/// <summary>A GeoJSON feature; with links when served on its own (<c>…/items/{featureId}</c>).</summary>
public sealed record OgcFeatureDocument(string Type, string Id, Geometry Geometry, IReadOnlyDictionary<string, object?> Properties,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IReadOnlyList<OgcLink>? Links = null)
{
    /// <summary>The feature's name for a page: its <c>name</c> property, else its id.</summary>
    [JsonIgnore]
    public string Name => Properties.GetValueOrDefault("name")?.ToString() ?? Id;
}

/// <summary>A page of features (<c>…/items</c>).</summary>
/// <param name="Title">The page's heading, for HTML; not part of the JSON.</param>
/// <param name="CollectionUrl">The items' URL without a query, for the features' links in HTML; not part of the JSON.</param>
public sealed record OgcFeatureCollection(string Type, IReadOnlyList<OgcLink> Links, string TimeStamp, int NumberMatched, int NumberReturned,
    IReadOnlyList<OgcFeatureDocument> Features, [property: JsonIgnore] string Title, [property: JsonIgnore] string CollectionUrl);
