using Directory.Api.Snapshot;
using Directory.Core.Geo;
using Directory.Core.Geography;
using Directory.Core.Snapshot;

namespace Directory.Api.Ogc;

/// <summary>Builds the four OGC API collections (full boundaries, in WGS84 with 6 decimals).</summary>
public static class OgcCatalog
{
    /// <summary>The collections of <paramref name="snapshot"/>, in the order the landing page lists them.</summary>
    public static IReadOnlyList<OgcCollection> Build(ServedSnapshot snapshot) =>
    [
        new OgcCollection("familienmanager", "Familienmanager:innen",
            "Zertifizierte Familienmanagerinnen und Familienmanager, die veröffentlicht werden dürfen (aktiv, mit Einwilligung).",
            new OgcPointTable(snapshot.Managers, snapshot.Geography)),
        .. snapshot.Served.OgcRegions,
    ];

    /// <summary>
    /// The collections of the regions: built once per geography (<see cref="ServedGeography"/>), not again after
    /// every list import.
    /// </summary>
    public static IReadOnlyList<OgcCollection> BuildRegions(GeographySnapshot geography)
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

        return
        [
            new OgcCollection("gemeinden", "Gemeinden", "Die 396 Gemeinden Nordrhein-Westfalens (DVG2, GV100AD).",
                geography.Municipalities.Select(Region).ToList()),
            new OgcCollection("kreise", "Kreise", "Die 31 Kreise und 22 kreisfreien Städte Nordrhein-Westfalens.",
                geography.Districts.Select(Region).ToList()),
            new OgcCollection("regierungsbezirke", "Regierungsbezirke", "Die 5 Regierungsbezirke Nordrhein-Westfalens.",
                geography.GovernmentRegions.Select(Region).ToList()),
        ];
    }
}
