using NetTopologySuite.Geometries;

namespace Directory.Core.Coverage;

/// <summary>A municipality as coverage sees it: its keys, its GV100 population and a point inside it (EPSG:25832).</summary>
public sealed record CoverageMunicipality(string Ags, string Name, string DistrictKey, string GovernmentRegionKey,
    long Population, Coordinate LabelPoint);

/// <summary>A population cell: its municipality, its centre (EPSG:25832), its Zensus 2022 residents and those under 15.</summary>
public sealed record CoverageCell(string Ags, double X, double Y, int Population, int Children);

/// <summary>
/// An active family manager, published or not: the area worked for, the location (EPSG:25832), whether the public
/// may see the entry (consent given) and when it was certified (null when the list does not say).
/// </summary>
public sealed record CoverageManager(string AreaKey, double X, double Y, bool Published, DateOnly? CertifiedOn)
{
    /// <summary>
    /// The managers that count at <paramref name="date"/>: all of them without a date; with one, those certified on or
    /// before it. Only active entries are ever given (an inactive entry has no end date, so when it stopped is not
    /// known: it counts for no date), and an entry without a certification date counts for no date either, since
    /// when it began is not known.
    /// </summary>
    public static IEnumerable<CoverageManager> CertifiedBy(IEnumerable<CoverageManager> managers, DateOnly? date) =>
        date is { } day ? managers.Where(m => m.CertifiedOn <= day) : managers;

    /// <summary>
    /// The managers at the positions at which they count for everything that public answers are computed from
    /// (reach, mean distance, gaps, planning): a published entry at its own location, a hidden one at the label
    /// point of the area it works for (its Gemeinde, or its Kreis for a Kreis-level entry). That point reveals
    /// nothing the responsibility measure does not already say ("this Gemeinde has a family manager"), so no radius,
    /// count or distance can be traced back to where a hidden person works. A hidden entry whose area has no label
    /// point is left out rather than counted at its own position. A hidden entry counts for dates from the 1st of
    /// January after its certification, so that no dated answer reveals more than its year.
    /// </summary>
    /// <param name="managers">Active managers, published or not.</param>
    /// <param name="labelPointOfArea">The label point of an area key (AGS or Kreis key), or null when unknown.</param>
    public static IReadOnlyList<CoverageManager> AtPublicPositions(IEnumerable<CoverageManager> managers,
        Func<string, Coordinate?> labelPointOfArea)
    {
        var placed = new List<CoverageManager>();
        foreach (var manager in managers)
        {
            if (manager.Published)
            {
                placed.Add(manager);
            }
            else if (labelPointOfArea(manager.AreaKey) is { } label)
            {
                // Dated answers (history, a chosen date) would otherwise tell the day a hidden entry was certified, by
                // asking day after day; from the 1st of January after, they tell its year at most.
                placed.Add(manager with
                {
                    X = label.X,
                    Y = label.Y,
                    CertifiedOn = manager.CertifiedOn is { } day ? new DateOnly(day.Year + 1, 1, 1) : null,
                });
            }
        }

        return placed;
    }
}
