using NetTopologySuite.Geometries;

namespace Directory.Api.Ogc;

/// <summary>
/// One feature of an OGC API collection: id, geometry in CRS84 (longitude, latitude) and as stored in EPSG:25832,
/// and properties.
/// </summary>
public sealed record OgcFeature(string Id, Geometry Geometry, Geometry StoredGeometry, IReadOnlyDictionary<string, object?> Properties)
{
    /// <summary>The envelope in CRS84 (longitude, latitude), for bbox queries.</summary>
    public Envelope Envelope { get; } = Geometry.EnvelopeInternal;
}

/// <summary>
/// A collection served under <c>/ogc/collections/{Id}</c>: built once per snapshot from the same public view as the
/// JSON API, so the OGC API can show nothing the public API does not.
/// </summary>
/// <param name="Id">The collection id, e.g. <c>gemeinden</c>.</param>
/// <param name="Title">German title.</param>
/// <param name="Description">German description.</param>
/// <param name="Features">The features in a stable order.</param>
/// <param name="Filters">Which property each equality filter (<c>ags</c>, <c>kreis</c>, <c>regierungsbezirk</c>) tests, by prefix of a key.</param>
public sealed record OgcCollection(string Id, string Title, string Description, IReadOnlyList<OgcFeature> Features,
    IReadOnlyDictionary<string, string> Filters)
{
    /// <summary>The features by id.</summary>
    public IReadOnlyDictionary<string, OgcFeature> ById { get; } = Features.ToDictionary(f => f.Id);

    /// <summary>The spatial extent in CRS84.</summary>
    public Envelope Extent { get; } = Features.Aggregate(new Envelope(), (e, f) => { e.ExpandToInclude(f.Envelope); return e; });
}
