using System.Globalization;
using Directory.Core.Geography;
using Directory.Core.Geo;
using Directory.Core.Managers;
using Directory.Core.Snapshot;
using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Directory.Api.Ogc;

/// <summary>0, 1, …, count − 1 without an array: every manager matches when nothing filters.</summary>
internal sealed class IndexRange(int count) : IReadOnlyList<int>
{
    public int Count => count;

    public int this[int index] => (uint)index < (uint)count ? index : throw new ArgumentOutOfRangeException(nameof(index));

    public IEnumerator<int> GetEnumerator() => Enumerable.Range(0, count).GetEnumerator();

    System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
}

/// <summary>
/// The <c>familienmanager</c> collection over the snapshot's public view, without a copy: queries read the
/// coordinates and area keys the view already holds, and a feature (two points and a property map) is built only
/// for the page that is sent. Prebuilding all 92,529 features of a 100,000-entry list cost 150 MB of memory, and
/// a bbox query that tested each feature's geometry answered in 157 ms at the 99th percentile (docs/performance.md).
/// </summary>
public sealed class OgcPointTable(ManagerIndex managerIndex, GeographySnapshot geography)
{
    private readonly ManagerIndex index = managerIndex;
    private readonly IReadOnlyList<PublicFamilyManager> managers = managerIndex.Managers;

    private static readonly GeometryFactory Wgs84 = NtsGeometryServices.Instance.CreateGeometryFactory(Crs.Wgs84);
    private static readonly GeometryFactory Etrs89 = NtsGeometryServices.Instance.CreateGeometryFactory(Crs.Etrs89Utm32N);

    /// <summary>The properties of every feature, in the order they are written.</summary>
    public IReadOnlyList<string> PropertyNames { get; } =
    [
        "name", "organisation", "gebiet", "gebiet_name", "kreis", "regierungsbezirk", "strasse", "plz", "ort", "email",
        "telefon", "website", "lage_ungefaehr", "ansprechpartner_familien", "geprueft_am",
    ];

    /// <summary>How many managers there are.</summary>
    public int Count => managers.Count;

    /// <summary>The extent of all positions in CRS84.</summary>
    public Envelope Extent { get; } = managerIndex.Managers.Aggregate(new Envelope(), (e, m) => { e.ExpandToInclude(m.Longitude, m.Latitude); return e; });

    /// <summary>The extent of all positions in EPSG:25832.</summary>
    private Envelope UtmExtent { get; } = managerIndex.Managers.Aggregate(new Envelope(), (e, m) => { e.ExpandToInclude(m.X, m.Y); return e; });

    /// <summary>The feature id of the manager at <paramref name="index"/>.</summary>
    public string Id(int index) => managers[index].Id.ToString(CultureInfo.InvariantCulture);

    /// <summary>The index of the manager with feature id <paramref name="id"/>, or null (the view is ordered by id).</summary>
    public int? IndexOf(string id) =>
        int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var wanted) && ServedList.PositionOf(managers, wanted) is { } at && Id(at) == id ? at : null;

    /// <summary>
    /// The indexes of the managers inside <paramref name="box"/> (given in <paramref name="crs"/>'s axis order, edges
    /// included) with every value of <paramref name="equal"/>, in the view's order. A box is looked up in the grid
    /// index of the snapshot (EPSG:25832), so a map-sized box costs the managers near it, not all of them.
    /// </summary>
    public IReadOnlyList<int> Matching(Envelope? box, OgcCrs crs, IReadOnlyList<(string Property, string Value)> equal)
    {
        if (box is null && equal.Count == 0)
        {
            return new IndexRange(managers.Count);
        }

        // Each filter becomes one test on the manager, decided once per query rather than once per manager.
        var tests = equal.Select(e => Filter(e.Property, e.Value)).ToArray();
        bool Passes(int i, PublicFamilyManager manager)
        {
            foreach (var test in tests)
            {
                if (!test(i, manager))
                {
                    return false;
                }
            }

            return true;
        }

        var result = new List<int>();
        var search = box is null ? null : SearchEnvelope(box, crs);
        if (box is not null && search is null)
        {
            return result;
        }

        // The grid pays for a box that holds a small part of the managers (a map view); a box over most of the Land
        // is cheaper as one pass in order than as a grid walk plus a sort.
        if (search is not null && search.Area < UtmExtent.Area / 16)
        {
            // The index answers positions in the view, ascending: the page order without a lookup or a sort here.
            foreach (var i in index.PositionsWithin(search))
            {
                var manager = managers[i];
                if (Inside(manager, box!, crs) && Passes(i, manager))
                {
                    result.Add(i);
                }
            }

            return result;
        }

        for (var i = 0; i < managers.Count; i++)
        {
            var manager = managers[i];
            if ((box is null || Inside(manager, box, crs)) && Passes(i, manager))
            {
                result.Add(i);
            }
        }

        return result;
    }

    /// <summary>The equality filter on <paramref name="property"/>, reading the area key directly where it can.</summary>
    private Func<int, PublicFamilyManager, bool> Filter(string property, string value) => property switch
    {
        "gebiet" => (_, m) => m.AreaKey == value,
        "kreis" => (_, m) => RegionKey.LevelOf(value) == RegionLevel.Kreis && RegionKey.IsWithin(m.AreaKey, value),
        "regierungsbezirk" => (_, m) => RegionKey.LevelOf(value) == RegionLevel.Regierungsbezirk && RegionKey.IsWithin(m.AreaKey, value),
        _ => (i, _) => Value(i, property) is string s && s == value,
    };

    /// <summary>One property's value (for sorting and filters).</summary>
    public object? Value(int index, string property)
    {
        var m = managers[index];
        return property switch
        {
            "name" => m.DisplayName,
            "organisation" => m.Organisation,
            "gebiet" => m.AreaKey,
            "gebiet_name" => geography.Find(m.AreaKey)?.Name,
            "kreis" => RegionKey.DistrictOf(m.AreaKey),
            "regierungsbezirk" => RegionKey.GovernmentRegionOf(m.AreaKey),
            "strasse" => m.Street,
            "plz" => m.Postcode,
            "ort" => m.Town,
            "email" => m.Email,
            "telefon" => m.Phone,
            "website" => m.Website,
            "lage_ungefaehr" => m.IsApproximate,
            "ansprechpartner_familien" => m.FamilyContact,
            "geprueft_am" => m.LastChecked?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            _ => null,
        };
    }

    private static bool Inside(PublicFamilyManager m, Envelope box, OgcCrs crs) => crs switch
    {
        OgcCrs.Epsg25832 => box.Intersects(m.X, m.Y),
        OgcCrs.Epsg4326 => box.Intersects(m.Latitude, m.Longitude),
        _ => box.Intersects(m.Longitude, m.Latitude),
    };

    /// <summary>
    /// An EPSG:25832 envelope that holds every position inside <paramref name="box"/>, or null when the box misses
    /// all of them. A longitude/latitude box is first clipped to the managers' extent (a world-wide box would reach
    /// where UTM zone 32 is meaningless) and then densified, because its edges are curves in UTM.
    /// </summary>
    private Envelope? SearchEnvelope(Envelope box, OgcCrs crs)
    {
        if (crs == OgcCrs.Epsg25832)
        {
            return box;
        }

        var lonLat = crs == OgcCrs.Epsg4326 ? new Envelope(box.MinY, box.MaxY, box.MinX, box.MaxX) : box;
        var clipped = lonLat.Intersection(Extent);
        if (clipped.IsNull)
        {
            return null;
        }

        // The corners and the middles of the edges in UTM, widened by what the curved edges can bulge between them:
        // a parallel's sag over a chord of L km is about L² / 8R with R ≥ 4,000 km in NRW, a metre or two for a map
        // view. The envelope only selects candidates, each tested exactly in degrees afterwards; eight points instead
        // of the 36 this took before (ProjNet, a microsecond or two each).
        var search = new Envelope();
        foreach (var lon in new[] { clipped.MinX, clipped.Centre.X, clipped.MaxX })
        {
            foreach (var lat in new[] { clipped.MinY, clipped.Centre.Y, clipped.MaxY })
            {
                if (lon != clipped.Centre.X || lat != clipped.Centre.Y)
                {
                    var utm = Reprojector.Transform(lon, lat, Crs.Wgs84, Crs.Etrs89Utm32N);
                    search.ExpandToInclude(utm.X, utm.Y);
                }
            }
        }

        var span = Math.Max(search.Width, search.Height);
        search.ExpandBy((span * span / (8 * 4_000_000.0)) + 1);
        return search;
    }

    /// <summary>The queryables: every property (texts, two yes/no) and the point.</summary>
    public IReadOnlyList<OgcQueryable> Queryables { get; } =
    [
        .. new[] { "name", "organisation", "gebiet", "gebiet_name", "kreis", "regierungsbezirk", "strasse", "plz", "ort", "email", "telefon", "website" }
            .Select(p => new OgcQueryable(p, "string")),
        new("lage_ungefaehr", "boolean"),
        new("ansprechpartner_familien", "boolean"),
        new("geprueft_am", "string"),
        new(Cql2Evaluator.GeometryName, "point"),
    ];

    /// <summary>
    /// Whether the manager at <paramref name="index"/> (in CRS84) lies in <paramref name="shape"/>, whose envelope is
    /// <paramref name="envelope"/>; a null shape is the envelope itself (a box or a point).
    /// </summary>
    public bool Intersects(int index, Envelope envelope, NetTopologySuite.Geometries.Prepared.IPreparedGeometry? shape)
    {
        var m = managers[index];
        return envelope.Intersects(m.Longitude, m.Latitude)
            && (shape is null || shape.Intersects(Wgs84.CreatePoint(new Coordinate(m.Longitude, m.Latitude))));
    }

    /// <summary>The feature of the manager at <paramref name="index"/>.</summary>
    public OgcFeature Feature(int index)
    {
        var m = managers[index];
        var degrees = Wgs84.CreatePoint(new Coordinate(m.Longitude, m.Latitude));
        return new OgcFeature(Id(index), Etrs89.CreatePoint(m.Coordinate), () => degrees,
            PropertyNames.ToDictionary(p => p, p => Value(index, p)));
    }
}
