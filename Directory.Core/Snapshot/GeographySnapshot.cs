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

    /// <summary>Reads the geography from the database and builds the snapshot.</summary>
    public static async Task<GeographySnapshot> LoadAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var municipalities = (await db.Municipalities.AsNoTracking().OrderBy(m => m.Ags).ToListAsync(cancellationToken))
            .Select(m => new Region(RegionLevel.Gemeinde, m.Ags, m.Name, m.OfficialName, m.Type, m.DistrictKey,
                m.GovernmentRegionKey, m.Population, m.AreaKm2, m.Boundary,
                Etrs89Factory.CreatePoint(new Coordinate(m.InteriorEasting, m.InteriorNorthing))))
            .ToList();
        var districts = (await db.Districts.AsNoTracking().OrderBy(d => d.Key).ToListAsync(cancellationToken))
            .Select(d => new Region(RegionLevel.Kreis, d.Key, d.Name, d.OfficialName, d.Type, null,
                d.GovernmentRegionKey, d.Population, d.AreaKm2, d.Boundary, LabelPoint.Of(d.Boundary)))
            .ToList();
        var regions = (await db.GovernmentRegions.AsNoTracking().OrderBy(r => r.Key).ToListAsync(cancellationToken))
            .Select(r => new Region(RegionLevel.Regierungsbezirk, r.Key, r.Name, r.OfficialName, "Regierungsbezirk", null,
                null, r.Population, r.AreaKm2, r.Boundary, LabelPoint.Of(r.Boundary)))
            .ToList();
        var postcodes = await db.Postcodes.AsNoTracking().OrderBy(p => p.Code).ThenBy(p => p.Id)
            .Select(p => new PostcodePlace(p.Code, p.Place, p.Ags, p.Location))
            .ToListAsync(cancellationToken);
        return new GeographySnapshot(municipalities, districts, regions, postcodes);
    }
}
