namespace Directory.Core.Coverage;

/// <summary>Both coverage measures for one region (a Gemeinde, Kreis, Regierungsbezirk, or NRW).</summary>
/// <param name="Key">AGS, Kreis or Regierungsbezirk key; <c>05</c> for NRW.</param>
/// <param name="Name">Display name.</param>
/// <param name="Level"><c>gemeinde</c>, <c>kreis</c>, <c>regierungsbezirk</c> or <c>land</c>.</param>
/// <param name="ParentKey">The Kreis of a Gemeinde, the Regierungsbezirk of a Kreis; null above.</param>
/// <param name="Managers">Active family managers working in the region (for a Gemeinde: its own; Kreis-level ones count for the Kreis).</param>
/// <param name="Municipalities">Gemeinden in the region.</param>
/// <param name="MunicipalitiesCovered">Gemeinden with a manager of their own or of their whole Kreis.</param>
/// <param name="CoveredBy">For a Gemeinde: <c>gemeinde</c>, <c>kreis</c> or null.</param>
/// <param name="Population">Residents (GV100, 31.12.2024).</param>
/// <param name="PopulationCovered">Residents of the covered Gemeinden.</param>
/// <param name="ResidentsWithinReach">Residents living within the radius of an active manager (grid-based estimate).</param>
/// <param name="MeanDistanceMetres">Mean straight-line distance from a resident to the nearest active manager; null without managers.</param>
/// <param name="Children">Residents under 15 (the grid's, scaled as the residents are).</param>
/// <param name="ChildrenWithinReach">Residents under 15 living within the radius of an active manager.</param>
public sealed record RegionCoverage(
    string Key,
    string Name,
    string Level,
    string? ParentKey,
    int Managers,
    int Municipalities,
    int MunicipalitiesCovered,
    string? CoveredBy,
    long Population,
    long PopulationCovered,
    double ResidentsWithinReach,
    double? MeanDistanceMetres,
    double Children,
    double ChildrenWithinReach)
{
    /// <summary>Share of the Gemeinden that are covered (0–1).</summary>
    public double ShareMunicipalitiesCovered => Municipalities == 0 ? 0 : (double)MunicipalitiesCovered / Municipalities;

    /// <summary>Share of the residents that live in a covered Gemeinde (0–1).</summary>
    public double SharePopulationCovered => Population == 0 ? 0 : (double)PopulationCovered / Population;

    /// <summary>Share of the residents within reach (0–1).</summary>
    public double ShareWithinReach => Population == 0 ? 0 : ResidentsWithinReach / Population;

    /// <summary>Share of the residents under 15 within reach (0–1).</summary>
    public double ShareChildrenWithinReach => Children == 0 ? 0 : ChildrenWithinReach / Children;
}

/// <summary>The coverage of every region at one radius.</summary>
public sealed record CoverageResult(
    double RadiusMetres,
    IReadOnlyList<RegionCoverage> Municipalities,
    IReadOnlyList<RegionCoverage> Districts,
    IReadOnlyList<RegionCoverage> GovernmentRegions,
    RegionCoverage Land);
