using Directory.Core.Texts;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;

namespace Directory.Core.Geography;

/// <summary>
/// Cross-layer checks of a geography import: counts, unique keys, the key hierarchy Gemeinde → Kreis →
/// Regierungsbezirk, and that each Gemeinde lies in its Kreis and Regierungsbezirk.
/// </summary>
internal static class GeographyConsistency
{
    /// <summary>Municipalities of NRW (Gebietsstand 31.10.2025). A territorial reform changes these counts.</summary>
    public const int ExpectedMunicipalities = 396;

    /// <summary>31 Kreise (incl. Städteregion Aachen) and 22 kreisfreie Städte.</summary>
    public const int ExpectedDistricts = 53;

    /// <summary>Düsseldorf, Köln, Münster, Detmold, Arnsberg.</summary>
    public const int ExpectedGovernmentRegions = 5;

    /// <summary>
    /// The share of a municipality's area that may lie outside its Kreis or Regierungsbezirk polygon. DVG2 generalises
    /// each layer on its own (±50 m), so borders differ by a few metres; a municipality in the wrong Kreis lies
    /// wholly outside it.
    /// </summary>
    private const double ToleratedAreaOutside = 0.02;

    public static void CheckCount(GeoJsonLayer layer, int expected, List<ImportProblem> problems)
    {
        if (layer.Features.Count != expected)
        {
            problems.Add(new ImportProblem(layer.FileName, null, null,
                string.Format(ImportTexts.WrongFeatureCount, expected, layer.Features.Count)));
        }
    }

    public static void CheckUniqueKeys<T>(string fileName, IEnumerable<T> items, Func<T, string> key, string property,
        List<ImportProblem> problems)
    {
        foreach (var group in items.GroupBy(key).Where(g => g.Count() > 1))
        {
            problems.Add(new ImportProblem(fileName, null, property, string.Format(ImportTexts.DuplicateKey, group.Key, group.Count())));
        }
    }

    /// <summary>
    /// Every key a layer declares, in the property or as the feature id, including features rejected for another
    /// reason: a reference to such a feature is not reported again, so one bad feature gives one problem, not dozens.
    /// </summary>
    public static HashSet<string> DeclaredKeys(GeoJsonLayer layer, string property)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        foreach (var feature in layer.Features)
        {
            if (feature.Id is not null)
            {
                keys.Add(feature.Id);
            }

            if (feature.Properties.TryGetProperty(property, out var value) && value.ValueKind == System.Text.Json.JsonValueKind.String)
            {
                keys.Add(value.GetString()!);
            }
        }

        return keys;
    }

    public static void CheckPostcodes(GeographySources sources, IReadOnlyList<Postcode> postcodes, HashSet<string> declaredAgs,
        List<ImportProblem> problems)
    {
        foreach (var postcode in postcodes.Where(p => !declaredAgs.Contains(p.Ags)))
        {
            problems.Add(new ImportProblem(Path.GetFileName(sources.Postcodes), postcode.Code, "ags",
                string.Format(ImportTexts.UnknownParent, postcode.Ags, Path.GetFileName(sources.Municipalities))));
        }
    }

    public static void CheckPopulationGrid(GeographySources sources, IReadOnlyList<PopulationCell> cells, HashSet<string> declaredAgs,
        List<ImportProblem> problems)
    {
        foreach (var cell in cells.Where(c => !declaredAgs.Contains(c.Ags)).Take(100))
        {
            problems.Add(new ImportProblem(Path.GetFileName(sources.PopulationGrid), cell.CellId, "ags",
                string.Format(ImportTexts.UnknownParent, cell.Ags, Path.GetFileName(sources.Municipalities))));
        }

        CheckUniqueKeys(Path.GetFileName(sources.PopulationGrid), cells, c => c.CellId, "cell_id", problems);
    }

    public static void CheckHierarchy(GeographySources sources, IReadOnlyList<Municipality> municipalities,
        IReadOnlyList<District> districts, IReadOnlyList<GovernmentRegion> regions, HashSet<string> declaredDistricts,
        HashSet<string> declaredRegions, List<ImportProblem> problems)
    {
        var municipalitiesFile = Path.GetFileName(sources.Municipalities);
        var districtsFile = Path.GetFileName(sources.Districts);
        var districtByKey = districts.GroupBy(d => d.Key).ToDictionary(g => g.Key, g => g.First());
        var regionByKey = regions.GroupBy(r => r.Key).ToDictionary(g => g.Key, g => g.First());

        foreach (var district in districts.Where(d => !declaredRegions.Contains(d.GovernmentRegionKey)))
        {
            problems.Add(new ImportProblem(districtsFile, district.Key, "regbez_ags",
                string.Format(ImportTexts.UnknownParent, district.GovernmentRegionKey, Path.GetFileName(sources.GovernmentRegions))));
        }

        var preparedDistricts = districtByKey.ToDictionary(p => p.Key, p => PreparedGeometryFactory.Prepare(p.Value.Boundary));
        var preparedRegions = regionByKey.ToDictionary(p => p.Key, p => PreparedGeometryFactory.Prepare(p.Value.Boundary));
        foreach (var municipality in municipalities)
        {
            var location = $"{municipality.Ags} {municipality.Name}";
            if (!declaredDistricts.Contains(municipality.DistrictKey))
            {
                problems.Add(new ImportProblem(municipalitiesFile, location, "kreis_ags",
                    string.Format(ImportTexts.UnknownParent, municipality.DistrictKey, districtsFile)));
            }
            else if (preparedDistricts.TryGetValue(municipality.DistrictKey, out var district))
            {
                CheckInside(municipality, district, municipality.DistrictKey,
                    municipalitiesFile, location, problems);
            }

            if (!declaredRegions.Contains(municipality.GovernmentRegionKey))
            {
                problems.Add(new ImportProblem(municipalitiesFile, location, "regbez_ags",
                    string.Format(ImportTexts.UnknownParent, municipality.GovernmentRegionKey, Path.GetFileName(sources.GovernmentRegions))));
            }
            else if (preparedRegions.TryGetValue(municipality.GovernmentRegionKey, out var region))
            {
                CheckInside(municipality, region, municipality.GovernmentRegionKey,
                    municipalitiesFile, location, problems);
            }
        }
    }

    private static void CheckInside(Municipality municipality, IPreparedGeometry parent, string parentKey, string fileName,
        string location, List<ImportProblem> problems)
    {
        // Most municipalities are covered outright; only those along the parent's border need the area computation.
        if (parent.Covers(municipality.Boundary))
        {
            return;
        }

        var outside = parent.Intersects(municipality.Boundary)
            ? 1 - (municipality.Boundary.Intersection(parent.Geometry).Area / municipality.Boundary.Area)
            : 1;
        if (outside > ToleratedAreaOutside)
        {
            problems.Add(new ImportProblem(fileName, location, "geometry",
                string.Format(ImportTexts.NotInsideParent, parentKey, outside)));
        }
    }
}
