using Directory.Core.Coverage;
using NetTopologySuite.Geometries;

namespace Directory.Core.Tests.Coverage;

[Collection(NrwGeographyCollection.Name)]
public sealed class CoveragePlannerTests(NrwGeographyFixture nrw)
{
    private static readonly Dictionary<string, string> Kreis = new() { ["05999"] = "K" };
    private static readonly Dictionary<string, string> Bezirk = new() { ["059"] = "R" };

    /// <summary>
    /// A row of cells 1 km apart from x = 0 to 40 km, 10 residents each (2 under 15), and a heavy cluster of three
    /// cells at 30, 31 and 32 km with 1,000 each (none under 15), all in one Gemeinde scaled 1:1. A manager at 0.
    /// </summary>
    private static CoverageGrid Row()
    {
        var cells = Enumerable.Range(0, 41).Select(km => new CoverageCell("05999001", km * 1_000, 0, 10, 2)).ToList();
        cells.AddRange(new[] { 30, 31, 32 }.Select(km => new CoverageCell("05999001", km * 1_000, 500, 1_000, 0)));
        return new CoverageGrid([new CoverageMunicipality("05999001", "A", "05999", "059", 41 * 10 + 3_000, new Coordinate(0, 0))],
            Kreis, Bezirk, cells);
    }

    [Fact]
    public void OnAHandMadeRowTheFirstSiteIsTheMiddleOfTheHeavyCluster()
    {
        var model = new CoverageModel(Row(), [new CoverageManager("05999001", 0, 0, true, null)]);

        var result = CoveragePlanner.Suggest(model, 2_000, 2, CoverageTarget.Residents, cancellationToken: TestContext.Current.CancellationToken);

        // Worked by hand. In reach of the manager at 0 (2 km): the row cells 0, 1, 2 = 30 residents of 3,410.
        Assert.Equal(3_410, result.People, 1e-9);
        Assert.Equal(30, result.WithinReachBefore, 1e-9);
        // Best site: the cluster cell at (31 km, 500), within 2 km of all three cluster cells and of the row cells
        // 30, 31, 32 (0.5 km to 1.1 km) and 29, 33 (2.06 km: no). The row cell (31, 0) reaches the three cluster cells
        // (0.5, 0.5, 1.1 km) and row cells 29 to 33: 3,050; the cluster cell reaches 3,030, so the row cell wins.
        var first = result.Sites[0];
        Assert.Equal((31_000.0, 0.0, 3_050.0), (first.X, first.Y, first.NewlyWithinReach));
        // Then the next five uncovered row cells: a row cell reaches 5 cells (±2 km) = 50, e.g. x = 5 (cells 3 to 7).
        Assert.Equal(50, result.Sites[1].NewlyWithinReach, 1e-9);
        Assert.Equal(30 + 3_050 + 50, result.Sites[1].WithinReachAfter, 1e-9);
        Assert.Equal("05999001", first.Ags);
    }

    [Fact]
    public void ForChildrenTheClusterWithoutChildrenIsPassedOver()
    {
        var model = new CoverageModel(Row(), [new CoverageManager("05999001", 0, 0, true, null)]);

        var result = CoveragePlanner.Suggest(model, 2_000, 1, CoverageTarget.Children, cancellationToken: TestContext.Current.CancellationToken);

        // Children live only in the row, 2 per cell (scaled 1:1): any uncovered run of five row cells gives 10.
        Assert.Equal(10, Assert.Single(result.Sites).NewlyWithinReach, 1e-9);
        Assert.Equal(82, result.People, 1e-9);
    }

    [Fact]
    public void WhenEveryoneIsInReachThereIsNoSuggestion()
    {
        var model = new CoverageModel(Row(), [new CoverageManager("05999001", 20_000, 0, true, null)]);

        var result = CoveragePlanner.Suggest(model, 50_000, 3, CoverageTarget.Residents, cancellationToken: TestContext.Current.CancellationToken);

        Assert.Empty(result.Sites);
        Assert.Equal(result.People, result.WithinReachBefore, 1e-9);
    }

    /// <summary>Today's managers in this test: one at the inner point of a few Gemeinden across NRW.</summary>
    private IReadOnlyList<CoverageManager> Managers() =>
        nrw.Data.Municipalities.Where(m => m.Ags is "05966024" or "05315000" or "05774032" or "05554008" or "05958032" or "05154036")
            .Select(m => new CoverageManager(m.Ags, m.InteriorEasting, m.InteriorNorthing, true, null)).ToList();

    [Theory]
    [InlineData("05966", 10, CoverageTarget.Residents)] // Kreis Olpe, a manager in Olpe
    [InlineData("05966", 5, CoverageTarget.Children)]
    [InlineData("05958", 10, CoverageTarget.Residents)] // Hochsauerlandkreis, a manager in Meschede
    [InlineData("05154", 10, CoverageTarget.Children)] // Kreis Kleve, a manager in Kleve
    [InlineData("05766", 10, CoverageTarget.Residents)] // Kreis Lippe, nobody
    public void OnOneKreisTheSuggestionsEqualTheOptimumFoundByBruteForce(string kreis, int radiusKm, CoverageTarget target)
    {
        var grid = nrw.CoverageGrid();
        var managers = Managers();
        var model = new CoverageModel(grid, managers);
        var radius = radiusKm * 1_000.0;

        var one = CoveragePlanner.Suggest(model, radius, 1, target, m => grid.Municipalities[m].DistrictKey == kreis, cancellationToken: TestContext.Current.CancellationToken);
        var two = CoveragePlanner.Suggest(model, radius, 2, target, m => grid.Municipalities[m].DistrictKey == kreis, cancellationToken: TestContext.Current.CancellationToken);

        var (bestOne, bestTwo) = BruteForce(grid, managers, radius, target, kreis);
        Assert.Equal(bestOne, one.Sites.Single().NewlyWithinReach, 1e-6);
        Assert.Equal(bestTwo, two.Sites.Sum(s => s.NewlyWithinReach), 1e-6);
        // Listed one after another: the first adds the most, and no more than the best single site.
        Assert.InRange(two.Sites[0].NewlyWithinReach, two.Sites[1].NewlyWithinReach, bestOne + 1e-6);
        Assert.True(bestOne > 0);
    }

    /// <summary>
    /// The best one and the best pair of sites among the Kreis' cell centres, by trying all of them, computed apart
    /// from the planner: which cells are out of reach by distance to every manager, which cells each candidate reaches
    /// by distance to every cell.
    /// </summary>
    private static (double One, double Two) BruteForce(CoverageGrid grid, IReadOnlyList<CoverageManager> managers, double radius,
        CoverageTarget target, string kreis)
    {
        var people = target == CoverageTarget.Children ? grid.Children : grid.Residents;
        var cells = Enumerable.Range(0, grid.Count).Where(c => grid.Municipalities[grid.MunicipalityOf[c]].DistrictKey == kreis).ToList();
        bool Near(double x1, double y1, double x2, double y2) => Math.Sqrt(((x1 - x2) * (x1 - x2)) + ((y1 - y2) * (y1 - y2))) <= radius;
        var open = cells.Where(c => !managers.Any(m => Near(m.X, m.Y, grid.X[c], grid.Y[c]))).ToList();
        var reaches = cells.Select(candidate => open.Where(d => Near(grid.X[candidate], grid.Y[candidate], grid.X[d], grid.Y[d])).ToHashSet()).ToList();
        var value = reaches.Select(set => set.Sum(d => people[d])).ToList();

        var bestTwo = 0.0;
        for (var a = 0; a < cells.Count; a++)
        {
            for (var b = a + 1; b < cells.Count; b++)
            {
                // Sites more than two radii apart share nothing.
                var (dx, dy) = (grid.X[cells[a]] - grid.X[cells[b]], grid.Y[cells[a]] - grid.Y[cells[b]]);
                var shared = Math.Sqrt((dx * dx) + (dy * dy)) <= 2 * radius ? reaches[a].Where(reaches[b].Contains).Sum(d => people[d]) : 0;
                bestTwo = Math.Max(bestTwo, value[a] + value[b] - shared);
            }
        }

        return (value.Max(), bestTwo);
    }
}
