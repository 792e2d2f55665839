namespace Directory.Core.Coverage;

/// <summary>
/// The people coverage counts, and where: the municipalities with their names, and the 1 km population grid (Zensus
/// 2022) with each cell counted at its centre. The cells of each Gemeinde are scaled to its GV100 population
/// (31.12.2024), so that totals are today's while the distribution within a Gemeinde is the census's; the residents
/// under 15 of a cell are scaled by the same factor. A Gemeinde without an inhabited cell has all its residents at its
/// label point, its children at the grid's share of children. Built once per geography; the family managers are not
/// part of it (<see cref="CoverageModel"/>).
/// </summary>
public sealed class CoverageGrid
{
    /// <summary>Prepares the grid.</summary>
    /// <param name="municipalities">All municipalities.</param>
    /// <param name="districtNames">Kreis key → name.</param>
    /// <param name="regionNames">Regierungsbezirk key → name.</param>
    /// <param name="cells">The population grid.</param>
    public CoverageGrid(IEnumerable<CoverageMunicipality> municipalities, IReadOnlyDictionary<string, string> districtNames,
        IReadOnlyDictionary<string, string> regionNames, IEnumerable<CoverageCell> cells)
    {
        Municipalities = municipalities.OrderBy(m => m.Ags, StringComparer.Ordinal).ToArray();
        DistrictNames = new Dictionary<string, string>(districtNames);
        RegionNames = new Dictionary<string, string>(regionNames);
        var indexByAgs = Municipalities.Select((m, i) => (m.Ags, i)).ToDictionary(p => p.Ags, p => p.i);
        var all = cells.ToList();
        var cellsByMunicipality = all.Where(c => indexByAgs.ContainsKey(c.Ags)).GroupBy(c => indexByAgs[c.Ags]).ToDictionary(g => g.Key, g => g.ToList());
        var gridResidents = all.Sum(c => (long)c.Population);
        var childShare = gridResidents == 0 ? 0 : (double)all.Sum(c => (long)c.Children) / gridResidents;

        var prepared = new List<(int Municipality, double X, double Y, double Residents, double Children)>(all.Count + 16);
        for (var i = 0; i < Municipalities.Length; i++)
        {
            var municipality = Municipalities[i];
            var own = cellsByMunicipality.GetValueOrDefault(i);
            var ownResidents = own?.Sum(c => (long)c.Population) ?? 0;
            if (own is not null && ownResidents > 0)
            {
                var factor = (double)municipality.Population / ownResidents;
                prepared.AddRange(own.Select(c => (i, c.X, c.Y, c.Population * factor, c.Children * factor)));
            }
            else
            {
                prepared.Add((i, municipality.LabelPoint.X, municipality.LabelPoint.Y, municipality.Population, municipality.Population * childShare));
            }
        }

        Count = prepared.Count;
        X = prepared.Select(c => c.X).ToArray();
        Y = prepared.Select(c => c.Y).ToArray();
        MunicipalityOf = prepared.Select(c => c.Municipality).ToArray();
        Residents = prepared.Select(c => c.Residents).ToArray();
        Children = prepared.Select(c => c.Children).ToArray();
        ChildrenOfMunicipality = new double[Municipalities.Length];
        for (var c = 0; c < Count; c++)
        {
            ChildrenOfMunicipality[MunicipalityOf[c]] += Children[c];
        }
    }

    /// <summary>The municipalities, ordered by AGS; a cell refers to one by its position here.</summary>
    public CoverageMunicipality[] Municipalities { get; }

    /// <summary>Kreis key → name.</summary>
    public IReadOnlyDictionary<string, string> DistrictNames { get; }

    /// <summary>Regierungsbezirk key → name.</summary>
    public IReadOnlyDictionary<string, string> RegionNames { get; }

    /// <summary>Number of cells (inhabited grid cells, plus one label point per Gemeinde without any).</summary>
    public int Count { get; }

    /// <summary>Cell centres, easting (EPSG:25832).</summary>
    public double[] X { get; }

    /// <summary>Cell centres, northing (EPSG:25832).</summary>
    public double[] Y { get; }

    /// <summary>The position in <see cref="Municipalities"/> of each cell's Gemeinde.</summary>
    public int[] MunicipalityOf { get; }

    /// <summary>Residents per cell, scaled to today's total of its Gemeinde.</summary>
    public double[] Residents { get; }

    /// <summary>Residents under 15 per cell, scaled by the same factor.</summary>
    public double[] Children { get; }

    /// <summary>Residents under 15 per Gemeinde (the sum of its scaled cells).</summary>
    public double[] ChildrenOfMunicipality { get; }

    /// <summary>The people counted for <paramref name="target"/> in each cell.</summary>
    public double[] PeopleOf(CoverageTarget target) => target == CoverageTarget.Children ? Children : Residents;
}

/// <summary>Whom a reach figure counts.</summary>
public enum CoverageTarget
{
    /// <summary>All residents.</summary>
    Residents,

    /// <summary>Residents under 15.</summary>
    Children,
}
