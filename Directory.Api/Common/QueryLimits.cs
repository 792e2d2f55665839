using System.ComponentModel.DataAnnotations;

namespace Directory.Api.Common;

/// <summary>
/// What a public request may ask for (configuration section <c>Limits</c>): the endpoints check their parameters
/// against these, and the OpenAPI documents declare them as the parameters' ranges (<see cref="OpenApiParameterFacts"/>),
/// so the two cannot disagree. Checked at start (ValidateOnStart).
/// </summary>
public sealed class QueryLimits
{
    /// <summary>Configuration section name.</summary>
    public const string Section = "Limits";

    /// <summary>Largest search radius (km) of <c>/api/managers/nearby</c>.</summary>
    [Range(1, 1000)]
    public int SearchRadiusKm { get; set; } = 200;

    /// <summary>Most results of one search.</summary>
    [Range(1, 1000)]
    public int SearchResults { get; set; } = 100;

    /// <summary>Most suggestions of <c>/api/places</c>.</summary>
    [Range(1, 100)]
    public int PlaceSuggestions { get; set; } = 20;

    /// <summary>Longest place name or autocomplete text (characters; the longest Gemeinde name has 33).</summary>
    [Range(2, 1000)]
    public int PlaceTextLength { get; set; } = 100;

    /// <summary>Largest coverage radius (whole km); every radius up to it is cached per snapshot.</summary>
    [Range(1, 1000)]
    public int CoverageRadiusKm { get; set; } = 200;

    /// <summary>
    /// Largest planning radius (whole km): the work of one suggestion grows with the cells within reach of a site,
    /// and a family manager's reach beyond this says nothing a planner can use.
    /// </summary>
    [Range(1, 200)]
    public int PlanningRadiusKm { get; set; } = 25;

    /// <summary>Largest reach in minutes for coverage over the road network (whole minutes, each cached per snapshot).</summary>
    [Range(1, 600)]
    public int CoverageMinutes { get; set; } = 120;

    /// <summary>
    /// Largest reach in minutes for planning over the road network: each candidate site is one search bounded by it,
    /// so the work grows with it.
    /// </summary>
    [Range(1, 120)]
    public int PlanningMinutes { get; set; } = 30;

    /// <summary>The first year of a coverage history, however early the first certification: each year is a computation.</summary>
    [Range(2000, 2100)]
    public int HistoryFromYear { get; set; } = 2010;

    /// <summary>Most features of one OGC items page.</summary>
    [Range(1, 100_000)]
    public int OgcItems { get; set; } = 10_000;
}
