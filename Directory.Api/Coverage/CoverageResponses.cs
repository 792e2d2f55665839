using Directory.Api.Regions;
using Directory.Core.Coverage;

namespace Directory.Api.Coverage;

/// <summary>Both coverage measures of one region, as the API returns them (shares 0–1, distances in km).</summary>
/// <param name="Children">Residents under 15 (the grid's, scaled as the residents are).</param>
/// <param name="ChildrenWithinReach">Residents under 15 within the radius.</param>
/// <param name="ShareChildrenWithinReach">Their share (0–1).</param>
/// <param name="MeanDistanceKm">Mean straight-line distance of the residents to the nearest manager (null in minutes).</param>
/// <param name="MeanMinutes">Mean travel time of the residents to the nearest manager, when reach is in minutes.</param>
public sealed record CoverageRow(string Key, string Name, string Level, string? ParentKey, int Managers, int Municipalities,
    int MunicipalitiesCovered, double ShareMunicipalitiesCovered, string? CoveredBy, long Population, long PopulationCovered,
    double SharePopulationCovered, long ResidentsWithinReach, double ShareWithinReach, double? MeanDistanceKm,
    long Children, long ChildrenWithinReach, double ShareChildrenWithinReach, double? MeanMinutes = null)
{
    /// <summary>The row of <paramref name="c"/>; <paramref name="inMinutes"/> when its model is one of minutes.</summary>
    public static CoverageRow Of(RegionCoverage c, bool inMinutes = false) => new(c.Key, c.Name, c.Level, c.ParentKey, c.Managers, c.Municipalities,
        c.MunicipalitiesCovered, Math.Round(c.ShareMunicipalitiesCovered, 4), c.CoveredBy, c.Population, c.PopulationCovered,
        Math.Round(c.SharePopulationCovered, 4), (long)Math.Round(c.ResidentsWithinReach), Math.Round(c.ShareWithinReach, 4),
        !inMinutes && c.MeanDistanceMetres is { } m ? Math.Round(m / 1000, 2) : null,
        (long)Math.Round(c.Children), (long)Math.Round(c.ChildrenWithinReach), Math.Round(c.ShareChildrenWithinReach, 4),
        inMinutes && c.MeanDistanceMetres is { } minutes ? Math.Round(minutes, 1) : null);
}

/// <summary>The answer of <c>/api/coverage</c>.</summary>
/// <param name="Date">The date asked about (entries certified on or before it), or null for today.</param>
/// <param name="Total">The figures of the selection as a whole: the <c>within</c> region, or NRW.</param>
/// <param name="Attribution">The sources of the population figures (and of the road network), to be shown with them.</param>
/// <param name="RadiusKm">The radius of reach in km; null when reach is in minutes.</param>
/// <param name="Minutes">Reach in minutes of travel over the road network, when asked for.</param>
/// <param name="Mode">With minutes: <c>car</c> or <c>foot</c>.</param>
/// <param name="CellsByStraightLine">With minutes: inhabited cells more than 1 km from the network, counted by straight line.</param>
public sealed record CoverageResponse(string Level, int? RadiusKm, DateOnly? Date, RegionReference? Within, string Method, CoverageRow Total,
    IReadOnlyList<CoverageRow> Regions, string Attribution, int? Minutes = null, string? Mode = null, int? CellsByStraightLine = null);

/// <summary>One year of a region's history.</summary>
/// <param name="Year">The year.</param>
/// <param name="Date">The day counted: 31 December, or today in the current year.</param>
/// <param name="Entries">Active entries certified by then that work in the region (published or not).</param>
/// <param name="MunicipalitiesCovered">Gemeinden with a family manager of their own or of their Kreis by then.</param>
/// <param name="ShareWithinReach">Share of today's residents within the radius of those entries (0–1).</param>
/// <param name="ShareChildrenWithinReach">Share of today's residents under 15 within the radius (0–1).</param>
public sealed record HistoryYear(int Year, DateOnly Date, int Entries, int MunicipalitiesCovered, double ShareWithinReach,
    double ShareChildrenWithinReach);

/// <summary>A region's history, one row per year.</summary>
public sealed record HistoryRegion(string Key, string Name, string Level, int Municipalities, IReadOnlyList<HistoryYear> Years);

/// <summary>The answer of <c>/api/coverage/history</c>.</summary>
/// <param name="UndatedEntries">Active entries without a certification date: counted today, in no year.</param>
public sealed record HistoryResponse(string Level, int RadiusKm, RegionReference? Within, string Method, int UndatedEntries,
    IReadOnlyList<HistoryRegion> Regions, string Attribution);

/// <summary>A Gemeinde in the gaps list.</summary>
public sealed record CoverageGap(string Key, string Name, string Kreis, long Population, long ResidentsOutOfReach, double ShareWithinReach);

/// <summary>The answer of <c>/api/coverage/gaps</c>.</summary>
/// <param name="WithoutManager">Gemeinden without responsibility coverage, most residents first.</param>
/// <param name="MostOutOfReach">The Gemeinden with the most residents beyond the radius, most first (at most 20).</param>
/// <param name="RadiusKm">The radius of reach; null when reach is in minutes.</param>
/// <param name="Minutes">Reach in minutes of travel over the road network, when asked for.</param>
/// <param name="Mode">With minutes: <c>car</c> or <c>foot</c>.</param>
public sealed record GapsResponse(RegionReference? Within, int? RadiusKm, IReadOnlyList<CoverageGap> WithoutManager,
    IReadOnlyList<CoverageGap> MostOutOfReach, int? Minutes = null, string? Mode = null);
