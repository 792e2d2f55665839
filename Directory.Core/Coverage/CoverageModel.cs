using Directory.Core.Geo;
using Directory.Core.Geography;

namespace Directory.Core.Coverage;

/// <summary>
/// The two coverage measures of issue 6, computed from real data:
/// <list type="bullet">
/// <item>Responsibility: a Gemeinde is covered when an active family manager works for it or for its whole Kreis.</item>
/// <item>Reach: residents, and residents under 15, within R km (straight line) of an active manager's location, from
/// the population grid (<see cref="CoverageGrid"/>).</item>
/// </list>
/// Built once per data version and date: the distance from every cell to its nearest manager (a
/// <see cref="PointGrid{T}"/> over the managers) does not depend on R, so <see cref="Compute"/> for any radius only
/// sums, and planning (<see cref="CoveragePlanner"/>) starts from the same distances.
/// </summary>
public sealed class CoverageModel
{
    private readonly CoverageMunicipality[] municipalities;
    private readonly IReadOnlyDictionary<string, string> districtNames;
    private readonly IReadOnlyDictionary<string, string> regionNames;
    private readonly Dictionary<string, int> managersByArea;
    private readonly double[] distances;
    private readonly double[] distanceSums;

    /// <summary>Prepares the measures by straight-line distance.</summary>
    /// <param name="grid">The municipalities and the population grid.</param>
    /// <param name="managers">The active family managers that count, at the positions at which they count
    /// (<see cref="CoverageManager.AtPublicPositions"/>).</param>
    public CoverageModel(CoverageGrid grid, IEnumerable<CoverageManager> managers)
        : this(grid, managers.ToList(), costs: null)
    {
    }

    /// <summary>
    /// Prepares the measures by another cost than the straight line: <paramref name="costs"/> per cell (travel minutes,
    /// <see cref="TravelTimeCoverage"/>); reach and mean are then in that unit.
    /// </summary>
    public CoverageModel(CoverageGrid grid, IReadOnlyList<CoverageManager> managers, double[]? costs)
    {
        Grid = grid;
        municipalities = grid.Municipalities;
        districtNames = grid.DistrictNames;
        regionNames = grid.RegionNames;
        ManagerCount = managers.Count;
        managersByArea = managers.GroupBy(m => m.AreaKey).ToDictionary(g => g.Key, g => g.Count());
        if (costs is null)
        {
            var index = new PointGrid<CoverageManager>(managers, m => new NetTopologySuite.Geometries.Coordinate(m.X, m.Y), _ => 0);
            costs = new double[grid.Count];
            for (var c = 0; c < grid.Count; c++)
            {
                costs[c] = index.NearestDistance(grid.X[c], grid.Y[c]);
            }
        }

        distances = costs;
        distanceSums = new double[municipalities.Length];
        for (var c = 0; c < grid.Count; c++)
        {
            distanceSums[grid.MunicipalityOf[c]] += grid.Residents[c] * distances[c];
        }
    }

    /// <summary>The municipalities and the population grid.</summary>
    public CoverageGrid Grid { get; }

    /// <summary>How many managers count.</summary>
    public int ManagerCount { get; }

    /// <summary>The straight-line distance in metres from each cell of <see cref="Grid"/> to its nearest manager
    /// (infinite without any), or the cost given instead (minutes).</summary>
    public ReadOnlySpan<double> Distances => distances;

    /// <summary>Both measures for every region at <paramref name="radiusMetres"/> (or that many minutes, for a model of minutes).</summary>
    public CoverageResult Compute(double radiusMetres)
    {
        var within = new double[municipalities.Length];
        var childrenWithin = new double[municipalities.Length];
        for (var c = 0; c < distances.Length; c++)
        {
            if (distances[c] <= radiusMetres)
            {
                within[Grid.MunicipalityOf[c]] += Grid.Residents[c];
                childrenWithin[Grid.MunicipalityOf[c]] += Grid.Children[c];
            }
        }

        var perMunicipality = new RegionCoverage[municipalities.Length];
        for (var i = 0; i < municipalities.Length; i++)
        {
            var m = municipalities[i];
            var own = managersByArea.GetValueOrDefault(m.Ags);
            var coveredBy = own > 0 ? "gemeinde" : managersByArea.GetValueOrDefault(m.DistrictKey) > 0 ? "kreis" : null;
            perMunicipality[i] = new RegionCoverage(m.Ags, m.Name, "gemeinde", m.DistrictKey, own, 1, coveredBy is null ? 0 : 1,
                coveredBy, m.Population, coveredBy is null ? 0 : m.Population, within[i], Mean(distanceSums[i], m.Population),
                Grid.ChildrenOfMunicipality[i], childrenWithin[i]);
        }

        var districts = Aggregate(perMunicipality, i => municipalities[i].DistrictKey, "kreis", districtNames,
            key => municipalities.First(m => m.DistrictKey == key).GovernmentRegionKey, key => managersByArea.GetValueOrDefault(key), i => i);
        var regions = Aggregate(perMunicipality, i => municipalities[i].GovernmentRegionKey, "regierungsbezirk", regionNames, _ => "05",
            key => districtNames.Keys.Where(d => RegionKey.IsWithin(d, key)).Sum(d => managersByArea.GetValueOrDefault(d)), i => i);
        var land = Aggregate(perMunicipality, _ => RegionKey.Land, "land", new Dictionary<string, string> { [RegionKey.Land] = "Nordrhein-Westfalen" }, _ => null,
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
                    Mean(g.Sum(i => distanceSums[index(i)]), population),
                    members.Sum(m => m.Children), members.Sum(m => m.ChildrenWithinReach));
            })
            .ToList();
    }

    private double? Mean(double distanceSum, long population) =>
        population == 0 || double.IsInfinity(distanceSum) || double.IsNaN(distanceSum) ? null : distanceSum / population;
}
