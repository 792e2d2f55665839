using Directory.Core.Geo;
using Directory.Core.Geography;
using Directory.Core.Storage;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Directory.Core.Snapshot;

/// <summary>The Gemeinde, Kreis and Regierungsbezirk that contain a point.</summary>
public sealed record Location(Region Municipality, Region District, Region GovernmentRegion);

/// <summary>
/// An immutable, in-memory copy of the geography that the Api serves from: regions by key and level, the
/// municipality index for point-in-polygon, and the simplified map boundaries. Built from the database; never
/// changed afterwards, so any number of requests may read it at once.
/// </summary>
public sealed class GeographySnapshot
{
    private static readonly GeometryFactory Etrs89Factory = NtsGeometryServices.Instance.CreateGeometryFactory(Crs.Etrs89Utm32N);

    private readonly Dictionary<string, Region> regionsByKey;
    private readonly Lazy<MapBoundaries> mapBoundaries;

    private GeographySnapshot(IReadOnlyList<Region> municipalities, IReadOnlyList<Region> districts,
        IReadOnlyList<Region> governmentRegions, IReadOnlyList<PostcodePlace> postcodes)
    {
        PostcodePlaces = postcodes.GroupBy(p => p.Code).ToDictionary(g => g.Key, g => (IReadOnlyList<PostcodePlace>)g.ToList());
        Municipalities = municipalities;
        Districts = districts;
        GovernmentRegions = governmentRegions;
        regionsByKey = municipalities.Concat(districts).Concat(governmentRegions).ToDictionary(r => r.Key);
        MunicipalityIndex = new MunicipalityIndex(municipalities);
        // Simplification takes a noticeable moment; only the page needs it, so it waits for the first map request.
        mapBoundaries = new Lazy<MapBoundaries>(() => MapBoundaries.Build(Municipalities, Districts, GovernmentRegions));
    }

    /// <summary>The municipalities, ordered by AGS.</summary>
    public IReadOnlyList<Region> Municipalities { get; }

    /// <summary>The Kreise and kreisfreie Städte, ordered by key.</summary>
    public IReadOnlyList<Region> Districts { get; }

    /// <summary>The Regierungsbezirke, ordered by key.</summary>
    public IReadOnlyList<Region> GovernmentRegions { get; }

    /// <summary>The places of each postcode (a postcode may cover several places and municipalities).</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<PostcodePlace>> PostcodePlaces { get; }

    /// <summary>Point-in-polygon over the municipalities.</summary>
    public MunicipalityIndex MunicipalityIndex { get; }

    /// <summary>Simplified boundaries for the map, built on first use.</summary>
    public MapBoundaries MapBoundaries => mapBoundaries.Value;

    /// <summary>The regions of one level, ordered by key.</summary>
    public IReadOnlyList<Region> RegionsAt(RegionLevel level) => level switch
    {
        RegionLevel.Gemeinde => Municipalities,
        RegionLevel.Kreis => Districts,
        _ => GovernmentRegions,
    };

    /// <summary>The region with this 8-, 5- or 3-digit key, or null.</summary>
    public Region? Find(string key) => regionsByKey.GetValueOrDefault(key);

    /// <summary>The regions that contain a WGS84 point, or null when it lies outside NRW.</summary>
    public Location? Locate(double longitude, double latitude)
    {
        var (x, y) = Reprojector.Transform(longitude, latitude, Crs.Wgs84, Crs.Etrs89Utm32N);
        var municipality = MunicipalityIndex.Locate(Etrs89Factory.CreatePoint(new Coordinate(x, y)));
        return municipality is null
            ? null
            : new Location(municipality, regionsByKey[municipality.DistrictKey!], regionsByKey[municipality.GovernmentRegionKey!]);
    }

    /// <summary>
    /// Reads the geography from the database (inside the context's transaction when it has one) and builds the
    /// snapshot. Through <see cref="Rows"/>: this runs at every start of the service, and EF Core's first LINQ query
    /// would cost more than the reading itself.
    /// </summary>
    public static async Task<GeographySnapshot> LoadAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var municipalities = await Rows.ReadAsync<Municipality, Region>(db,
            [nameof(Municipality.Ags), nameof(Municipality.Name), nameof(Municipality.OfficialName), nameof(Municipality.Type),
                nameof(Municipality.DistrictKey), nameof(Municipality.GovernmentRegionKey), nameof(Municipality.Population),
                nameof(Municipality.AreaKm2), nameof(Municipality.Boundary), nameof(Municipality.InteriorEasting), nameof(Municipality.InteriorNorthing)],
            [nameof(Municipality.Ags)],
            m => new Region(RegionLevel.Gemeinde, m.Get<string>(nameof(Municipality.Ags)), m.Get<string>(nameof(Municipality.Name)),
                m.Get<string>(nameof(Municipality.OfficialName)), m.Get<string>(nameof(Municipality.Type)),
                m.Get<string>(nameof(Municipality.DistrictKey)), m.Get<string>(nameof(Municipality.GovernmentRegionKey)),
                m.Get<int>(nameof(Municipality.Population)), m.Get<double>(nameof(Municipality.AreaKm2)),
                m.Get<MultiPolygon>(nameof(Municipality.Boundary)),
                Etrs89Factory.CreatePoint(new Coordinate(m.Get<double>(nameof(Municipality.InteriorEasting)), m.Get<double>(nameof(Municipality.InteriorNorthing))))),
            cancellationToken);
        var districts = await Rows.ReadAsync<District, Region>(db,
            [nameof(District.Key), nameof(District.Name), nameof(District.OfficialName), nameof(District.Type),
                nameof(District.GovernmentRegionKey), nameof(District.Population), nameof(District.AreaKm2), nameof(District.Boundary)],
            [nameof(District.Key)],
            d =>
            {
                var boundary = d.Get<MultiPolygon>(nameof(District.Boundary));
                return new Region(RegionLevel.Kreis, d.Get<string>(nameof(District.Key)), d.Get<string>(nameof(District.Name)),
                    d.Get<string>(nameof(District.OfficialName)), d.Get<string>(nameof(District.Type)), null,
                    d.Get<string>(nameof(District.GovernmentRegionKey)), d.Get<int>(nameof(District.Population)),
                    d.Get<double>(nameof(District.AreaKm2)), boundary, LabelPoint.Of(boundary));
            },
            cancellationToken);
        var regions = await Rows.ReadAsync<GovernmentRegion, Region>(db,
            [nameof(GovernmentRegion.Key), nameof(GovernmentRegion.Name), nameof(GovernmentRegion.OfficialName),
                nameof(GovernmentRegion.Population), nameof(GovernmentRegion.AreaKm2), nameof(GovernmentRegion.Boundary)],
            [nameof(GovernmentRegion.Key)],
            r =>
            {
                var boundary = r.Get<MultiPolygon>(nameof(GovernmentRegion.Boundary));
                return new Region(RegionLevel.Regierungsbezirk, r.Get<string>(nameof(GovernmentRegion.Key)),
                    r.Get<string>(nameof(GovernmentRegion.Name)), r.Get<string>(nameof(GovernmentRegion.OfficialName)),
                    "Regierungsbezirk", null, null, r.Get<int>(nameof(GovernmentRegion.Population)),
                    r.Get<double>(nameof(GovernmentRegion.AreaKm2)), boundary, LabelPoint.Of(boundary));
            },
            cancellationToken);
        var postcodes = await Rows.ReadAsync<Postcode, PostcodePlace>(db,
            [nameof(Postcode.Code), nameof(Postcode.Place), nameof(Postcode.Ags), nameof(Postcode.Location)],
            [nameof(Postcode.Code), nameof(Postcode.Id)],
            p => new PostcodePlace(p.Get<string>(nameof(Postcode.Code)), p.Get<string>(nameof(Postcode.Place)),
                p.Get<string>(nameof(Postcode.Ags)), p.Get<Point>(nameof(Postcode.Location))),
            cancellationToken);
        return new GeographySnapshot(municipalities, districts, regions, postcodes);
    }
}
