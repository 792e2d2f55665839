using Directory.Core.Geography;
using Directory.Core.Geo;

namespace Directory.Core.Coverage;

/// <summary>
/// The two coverage measures of issue 6, computed from real data:
/// <list type="bullet">
/// <item>Responsibility: a Gemeinde is covered when an active family manager works for it or for its whole Kreis.</item>
/// <item>Reach: residents within R km (straight line) of an active manager's location, from the 1 km population grid
/// (Zensus 2011), each cell counted at its centre, the cells of each Gemeinde scaled to its GV100 population so that
/// totals are today's figures.</item>
/// </list>
/// Built once per data version: the distance from every cell to its nearest manager (a <see cref="PointGrid{T}"/>
/// over the managers) does not depend on R, so <see cref="Compute"/> for any radius only sums.
/// </summary>
public sealed class CoverageModel
{
    private readonly CoverageMunicipality[] municipalities;
    private readonly Dictionary<string, string> districtNames;
    private readonly Dictionary<string, string> regionNames;
    private readonly Dictionary<string, int> managersByArea;
    private readonly (int Municipality, double Residents, double Distance)[] cells;
    private readonly double[] distanceSums;

    /// <summary>Prepares the measures.</summary>
    /// <param name="municipalities">All municipalities.</param>
    /// <param name="districtNames">Kreis key → name.</param>
    /// <param name="regionNames">Regierungsbezirk key → name.</param>
    /// <param name="cells">The population grid.</param>
    /// <param name="managers">The active family managers (published or not: consent only governs what is shown).</param>
    public CoverageModel(IEnumerable<CoverageMunicipality> municipalities, IReadOnlyDictionary<string, string> districtNames,
        IReadOnlyDictionary<string, string> regionNames, IEnumerable<CoverageCell> cells, IEnumerable<CoverageManager> managers)
    {
        this.municipalities = municipalities.OrderBy(m => m.Ags, StringComparer.Ordinal).ToArray();
        this.districtNames = new Dictionary<string, string>(districtNames);
        this.regionNames = new Dictionary<string, string>(regionNames);
        var managerList = managers.ToList();
        managersByArea = managerList.GroupBy(m => m.AreaKey).ToDictionary(g => g.Key, g => g.Count());
        var grid = new PointGrid<CoverageManager>(managerList, m => new NetTopologySuite.Geometries.Coordinate(m.X, m.Y), _ => 0);

        var indexByAgs = this.municipalities.Select((m, i) => (m.Ags, i)).ToDictionary(p => p.Ags, p => p.i);
        var cellsByMunicipality = cells.Where(c => indexByAgs.ContainsKey(c.Ags)).GroupBy(c => indexByAgs[c.Ags]).ToDictionary(g => g.Key, g => g.ToList());
        var prepared = new List<(int, double, double)>();
        for (var i = 0; i < this.municipalities.Length; i++)
        {
            var municipality = this.municipalities[i];
            if (cellsByMunicipality.TryGetValue(i, out var own) && own.Sum(c => (long)c.Population) > 0)
            {
                // Scale the 2011 distribution to today's total: the Gemeinde's GV100 population over its cells.
                var factor = (double)municipality.Population / own.Sum(c => (long)c.Population);
                prepared.AddRange(own.Select(c => (i, c.Population * factor, grid.NearestDistance(c.X, c.Y))));
            }
            else
            {
                // No inhabited cell has its centre here: all residents at the municipality's inner point.
                prepared.Add((i, municipality.Population, grid.NearestDistance(municipality.LabelPoint.X, municipality.LabelPoint.Y)));
            }
        }

        this.cells = prepared.ToArray();
        distanceSums = new double[this.municipalities.Length];
        foreach (var (m, residents, distance) in this.cells)
        {
            distanceSums[m] += residents * distance;
        }
    }

    /// <summary>Both measures for every region at <paramref name="radiusMetres"/>.</summary>
    public CoverageResult Compute(double radiusMetres)
    {
        var within = new double[municipalities.Length];
        foreach (var (m, residents, distance) in cells)
        {
            if (distance <= radiusMetres)
            {
                within[m] += residents;
            }
        }

        var perMunicipality = new RegionCoverage[municipalities.Length];
        for (var i = 0; i < municipalities.Length; i++)
        {
            var m = municipalities[i];
            var own = managersByArea.GetValueOrDefault(m.Ags);
            var coveredBy = own > 0 ? "gemeinde" : managersByArea.GetValueOrDefault(m.DistrictKey) > 0 ? "kreis" : null;
            perMunicipality[i] = new RegionCoverage(m.Ags, m.Name, "gemeinde", m.DistrictKey, own, 1, coveredBy is null ? 0 : 1,
                coveredBy, m.Population, coveredBy is null ? 0 : m.Population, within[i], Mean(distanceSums[i], m.Population));
        }

        var districts = Aggregate(perMunicipality, i => municipalities[i].DistrictKey, "kreis", districtNames,
            key => municipalities.First(m => m.DistrictKey == key).GovernmentRegionKey, key => managersByArea.GetValueOrDefault(key), i => i);
        var regions = Aggregate(perMunicipality, i => municipalities[i].GovernmentRegionKey, "regierungsbezirk", regionNames, _ => "05",
            key => districtNames.Keys.Where(d => RegionKey.IsWithin(d, key)).Sum(d => managersByArea.GetValueOrDefault(d)), i => i);
        var land = Aggregate(perMunicipality, _ => "05", "land", new Dictionary<string, string> { ["05"] = "Nordrhein-Westfalen" }, _ => null,
            _ => districtNames.Keys.Sum(d => managersByArea.GetValueOrDefault(d)), i => i).Single();
        return new CoverageResult(radiusMetres, perMunicipality, districts, regions, land);
    }

    private List<RegionCoverage> Aggregate(RegionCoverage[] perMunicipality, Func<int, string> groupKey, string level,
        IReadOnlyDictionary<string, string> names, Func<string, string?> parentKey, Func<string, int> groupLevelManagers, Func<int, int> index)
    {
        return Enumerable.Range(0, perMunicipality.Length)
            .GroupBy(groupKey)
            .OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var members = g.Select(i => perMunicipality[index(i)]).ToList();
                var population = members.Sum(m => m.Population);
                return new RegionCoverage(g.Key, names.GetValueOrDefault(g.Key) ?? g.Key, level, parentKey(g.Key),
                    members.Sum(m => m.Managers) + groupLevelManagers(g.Key),
                    members.Count, members.Sum(m => m.MunicipalitiesCovered), null,
                    population, members.Sum(m => m.PopulationCovered), members.Sum(m => m.ResidentsWithinReach),
                    Mean(g.Sum(i => distanceSums[index(i)]), population));
            })
            .ToList();
    }

    private double? Mean(double distanceSum, long population) =>
        population == 0 || double.IsInfinity(distanceSum) || double.IsNaN(distanceSum) ? null : distanceSum / population;
}
