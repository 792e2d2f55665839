using NetTopologySuite.Geometries;

namespace Directory.Api.Ogc;

/// <summary>
/// One feature of an OGC API collection: id, geometry as stored in EPSG:25832, the geometry in CRS84 (longitude,
/// latitude) made by <paramref name="Crs84"/> when a page is sent, and properties. The regions' boundaries (165,905
/// vertices) are thus not kept a second time in degrees: that copy was half of the service's coordinates
/// (docs/performance.md).
/// </summary>
public sealed record OgcFeature(string Id, Geometry StoredGeometry, Func<Geometry> Crs84, IReadOnlyDictionary<string, object?> Properties)
{
    /// <summary>The geometry in CRS84 (longitude, latitude), made anew for each use.</summary>
    public Geometry Geometry => Crs84();

    /// <summary>The envelope in CRS84 (longitude, latitude), for bbox queries.</summary>
    public Envelope Envelope { get; } = Crs84().EnvelopeInternal;
}

/// <summary>
/// A collection served under <c>/ogc/collections/{Id}</c>. The family managers' collection is built once per snapshot
/// from the same public view as the JSON API, so the OGC API can show nothing the public API does not; the regions'
/// once per geography. The regions are few and kept as features (their degrees made per page sent); the family
/// managers (up to 100,000) are a <see cref="OgcPointTable"/>, from which a query selects by coordinates and key and
/// only the features of the page are built.
/// </summary>
public sealed class OgcCollection
{
    private readonly IReadOnlyList<OgcFeature>? features;
    private readonly OgcPointTable? points;
    private readonly Dictionary<string, int>? indexById;

    /// <summary>A collection of prebuilt features (the regions).</summary>
    public OgcCollection(string id, string title, string description, IReadOnlyList<OgcFeature> features)
        : this(id, title, description)
    {
        this.features = features;
        indexById = features.Select((f, i) => (f.Id, i)).ToDictionary(p => p.Id, p => p.i);
        Extent = features.Aggregate(new Envelope(), (e, f) => { e.ExpandToInclude(f.Envelope); return e; });
        Count = features.Count;
        PropertyNames = features.Count > 0 ? features[0].Properties.Keys.ToList() : [];
        // The regions' properties are the same for every feature; their types are those of the first one's values.
        queryables =
        [
            .. PropertyNames.Select(name => new OgcQueryable(name, features[0].Properties[name] switch
            {
                bool => "boolean",
                int or long or double or float or decimal => "number",
                _ => "string",
            })),
            new(Cql2Evaluator.GeometryName, features.Count > 0 && features[0].StoredGeometry is Point ? "point" : "polygon"),
        ];
    }

    /// <summary>A collection of points whose features are built on demand (the family managers).</summary>
    public OgcCollection(string id, string title, string description, OgcPointTable points)
        : this(id, title, description)
    {
        this.points = points;
        Extent = points.Extent;
        Count = points.Count;
        PropertyNames = points.PropertyNames;
    }

    private OgcCollection(string id, string title, string description)
    {
        Id = id;
        Title = title;
        Description = description;
        Extent = new Envelope();
        PropertyNames = [];
    }

    /// <summary>The collection id, e.g. <c>gemeinden</c>.</summary>
    public string Id { get; }

    /// <summary>German title.</summary>
    public string Title { get; }

    /// <summary>German description.</summary>
    public string Description { get; }

    /// <summary>How many features there are.</summary>
    public int Count { get; }

    /// <summary>The spatial extent in CRS84.</summary>
    public Envelope Extent { get; }

    /// <summary>The properties every feature has, in order.</summary>
    public IReadOnlyList<string> PropertyNames { get; }

    /// <summary>The feature at <paramref name="index"/> (stable order).</summary>
    public OgcFeature this[int index] => points is not null ? points.Feature(index) : features![index];

    /// <summary>The feature with <paramref name="id"/>, or null.</summary>
    public OgcFeature? Find(string id) =>
        (points is not null ? points.IndexOf(id) : indexById!.TryGetValue(id, out var index) ? index : null) is { } at ? this[at] : null;

    /// <summary>
    /// The indexes of the features that intersect <paramref name="box"/> (in <paramref name="boxCrs"/>'s axis order,
    /// compared in that CRS: a box in EPSG:25832 is a rectangle in metres) and have every property value of
    /// <paramref name="equal"/>, in the collection's order.
    /// </summary>
    public IReadOnlyList<int> Matching(Envelope? box, OgcCrs boxCrs, IReadOnlyList<(string Property, string Value)> equal) =>
        points is not null ? points.Matching(box, boxCrs, equal) : MatchingFeatures(box, boxCrs, equal).ToList();

    private IEnumerable<int> MatchingFeatures(Envelope? box, OgcCrs boxCrs, IReadOnlyList<(string Property, string Value)> equal)
    {
        var boxGeometry = box is null ? null : new GeometryFactory().ToGeometry(box);
        for (var i = 0; i < features!.Count; i++)
        {
            var feature = features[i];
            // The envelope first: only the few regions near the box are reprojected for the exact test.
            if (boxGeometry is not null
                && (!OgcCrsUris.EnvelopeIn(feature, boxCrs).Intersects(box!) || !OgcCrsUris.GeometryIn(feature, boxCrs).Intersects(boxGeometry)))
            {
                continue;
            }

            if (equal.All(e => feature.Properties.GetValueOrDefault(e.Property) is string s && s == e.Value))
            {
                yield return i;
            }
        }
    }

    /// <summary>Whether <see cref="Matching"/> can select by equality of <paramref name="property"/> (a text property).</summary>
    public bool SelectsBy(string property) =>
        points is not null ? property is "gebiet" or "kreis" or "regierungsbezirk" : Queryables.Any(q => q.Name == property && q.Type == "string");

    /// <summary>What a CQL2 filter may name: the properties with their JSON types, and the geometry.</summary>
    public IReadOnlyList<OgcQueryable> Queryables => points?.Queryables ?? queryables!;

    private IReadOnlyList<OgcQueryable>? queryables;

    /// <summary>
    /// Whether the feature at <paramref name="index"/> intersects <paramref name="shape"/> (in CRS84 for points, in
    /// EPSG:25832 for the regions, see <see cref="IsPoints"/>), whose CRS84 envelope is <paramref name="envelope"/>;
    /// <paramref name="pointsByEnvelope"/> when the shape is a box or a point, so that a point feature intersects it
    /// exactly when it lies in the envelope.
    /// </summary>
    public bool Intersects(int index, Envelope envelope, NetTopologySuite.Geometries.Prepared.IPreparedGeometry shape, bool pointsByEnvelope = false) =>
        points is not null
            ? points.Intersects(index, envelope, pointsByEnvelope ? null : shape)
            : features![index].Envelope.Intersects(envelope) && shape.Intersects(features[index].StoredGeometry);

    /// <summary>
    /// Whether this is a collection of points, compared in CRS84; the regions compare their stored geometry
    /// (EPSG:25832) with a shape given in that CRS (<see cref="Intersects"/>).
    /// </summary>
    public bool IsPoints => points is not null;

    /// <summary>A property's value of the feature at <paramref name="index"/>, for sorting.</summary>
    public object? PropertyValue(int index, string property) =>
        points is not null ? points.Value(index, property) : features![index].Properties.GetValueOrDefault(property);
}
