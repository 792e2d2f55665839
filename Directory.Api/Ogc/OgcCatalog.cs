using Directory.Api.Texts;
using Directory.Core.Geo;
using Directory.Core.Geography;
using Directory.Core.Snapshot;

namespace Directory.Api.Ogc;

/// <summary>The four OGC API collections of a snapshot (full boundaries, in WGS84 with 6 decimals), in the order the landing page lists them.</summary>
/// <param name="All">The collections.</param>
public sealed record OgcCatalog(IReadOnlyList<OgcCollection> All)
{
    /// <summary>The catalogue of <paramref name="snapshot"/>, built once per snapshot (<see cref="ServedSnapshot.Derived"/>).</summary>
    public static OgcCatalog Of(ServedSnapshot snapshot) => snapshot.Derived(s => new OgcCatalog(
    [
        new OgcCollection("familienmanager", ApiTexts.OgcManagersTitle, ApiTexts.OgcManagersDescription,
            new OgcPointTable(s.Managers, s.Geography)),
        .. s.Served.Derived(OgcRegionCollections.Build).All,
    ]));

    /// <summary>The collection with this id, or null.</summary>
    public OgcCollection? Find(string id) => All.FirstOrDefault(c => c.Id == id);
}

/// <summary>
/// The collections of the regions: built once per geography (<see cref="ServedGeography.Derived"/>), not again after
/// every list import.
/// </summary>
/// <param name="All">Gemeinden, Kreise, Regierungsbezirke.</param>
internal sealed record OgcRegionCollections(IReadOnlyList<OgcCollection> All)
{
    public static OgcRegionCollections Build(GeographySnapshot geography)
    {
        OgcFeature Region(Region r) => new(r.Key, r.Boundary,
            () => CoordinateRounding.Round(Reprojector.Transform(r.Boundary, Crs.Wgs84), 6),
            new Dictionary<string, object?>
            {
                ["schluessel"] = r.Key,
                ["name"] = r.Name,
                ["name_amtlich"] = r.OfficialName,
                ["art"] = r.Type,
                ["kreis"] = r.Level == Core.Geography.RegionLevel.Regierungsbezirk ? null : Core.Geography.RegionKey.DistrictOf(r.Key),
                ["regierungsbezirk"] = Core.Geography.RegionKey.GovernmentRegionOf(r.Key),
                ["einwohner"] = r.Population,
                ["flaeche_km2"] = r.AreaKm2,
            });

        return new OgcRegionCollections(
        [
            new OgcCollection("gemeinden", ApiTexts.OgcMunicipalitiesTitle, ApiTexts.OgcMunicipalitiesDescription,
                geography.Municipalities.Select(Region).ToList()),
            new OgcCollection("kreise", ApiTexts.OgcDistrictsTitle, ApiTexts.OgcDistrictsDescription,
                geography.Districts.Select(Region).ToList()),
            new OgcCollection("regierungsbezirke", ApiTexts.OgcGovernmentRegionsTitle, ApiTexts.OgcGovernmentRegionsDescription,
                geography.GovernmentRegions.Select(Region).ToList()),
        ]);
    }
}
