using Directory.Core.Coverage;
using Directory.Core.Roads;
using NetTopologySuite.Geometries;

namespace Directory.Core.Tests.Coverage;

/// <summary>
/// Reach in minutes on a hand-made network, worked out by hand. Four nodes on a line, 1 km apart, from
/// A (300000, 5650000) eastwards: A–B a residential street (30 km/h, walkable), B–C a one-way street that cars may
/// take only from C to B (60 km/h, walkable both ways), C–D a footway. One family manager at A. Four cells of 100
/// residents: at B, at C, 1.5 km north of B (off the network), and at D (on the network on foot; for cars its nearest
/// car node, C, is exactly 1 km away, which is not nearer than the limit).
/// </summary>
public sealed class TravelTimeCoverageTests
{
    private const double X0 = 300_000, Y0 = 5_650_000;

    private static RoadNetwork Network() => RoadNetwork.Build(
        [(int)X0, (int)X0 + 1_000, (int)X0 + 2_000, (int)X0 + 3_000],
        [(int)Y0, (int)Y0, (int)Y0, (int)Y0],
        [
            new RoadEdge(0, 1, 1_000, 30, 30, true),
            new RoadEdge(1, 2, 1_000, 0, 60, true),
            new RoadEdge(2, 3, 1_000, 0, 0, true),
        ]);

    private static CoverageGrid Grid() => new(
        [new CoverageMunicipality("05999001", "A", "05999", "059", 400, new Coordinate(X0, Y0))],
        new Dictionary<string, string> { ["05999"] = "Kreis K" },
        new Dictionary<string, string> { ["059"] = "Bezirk R" },
        [
            new CoverageCell("05999001", X0 + 1_000, Y0, 100, 10),
            new CoverageCell("05999001", X0 + 2_000, Y0, 100, 10),
            new CoverageCell("05999001", X0 + 1_000, Y0 + 1_500, 100, 10),
            new CoverageCell("05999001", X0 + 3_000, Y0, 100, 10),
        ]);

    private static readonly CoverageManager[] Managers = [new("05999001", X0, Y0, true, null)];

    [Fact]
    public void ByCarTheMinutesOfEachCellAreTheHandWorkedOnes()
    {
        var grid = Grid();
        var times = TravelTimeCoverage.Compute(grid, Managers, Network(), TravelMode.Car, cancellationToken: TestContext.Current.CancellationToken);
        double[] byCell = [.. Enumerable.Range(0, grid.Count).Select(c => times.Minutes[c])];
        var expected = new Dictionary<(double, double), double>
        {
            // B → A: 1 km at 30 km/h.
            [(X0 + 1_000, Y0)] = 2,
            // C → B along the one-way street (1 km at 60 km/h), then B → A: 1 + 2 minutes.
            [(X0 + 2_000, Y0)] = 3,
            // Off the network: the straight line to A (√(1000² + 1500²) m) at 40 km/h.
            [(X0 + 1_000, Y0 + 1_500)] = Math.Sqrt((1_000.0 * 1_000) + (1_500.0 * 1_500)) / 1000 / 40 * 60,
            // No car node nearer than 1 km: the straight line, 3 km at 40 km/h.
            [(X0 + 3_000, Y0)] = 4.5,
        };
        for (var c = 0; c < grid.Count; c++)
        {
            Assert.Equal(expected[(grid.X[c], grid.Y[c])], byCell[c], 1e-4);
        }

        Assert.Equal((2, 0), (times.CellsByStraightLine, times.ManagersByStraightLine));

        var model = new CoverageModel(grid, Managers, times.Minutes);
        Assert.Equal(200, model.Compute(2.8).Land.ResidentsWithinReach, 1e-9);
        Assert.Equal(300, model.Compute(3.5).Land.ResidentsWithinReach, 1e-9);
        Assert.Equal(400, model.Compute(5).Land.ResidentsWithinReach, 1e-9);
        Assert.Equal((2 + 3 + 2.70416 + 4.5) / 4, model.Compute(5).Land.MeanDistanceMetres!.Value, 1e-3);
    }

    [Fact]
    public void OnFootOneWayStreetsDoNotCountAndFootwaysDo()
    {
        var grid = Grid();
        var times = TravelTimeCoverage.Compute(grid, Managers, Network(), TravelMode.Foot, cancellationToken: TestContext.Current.CancellationToken);
        for (var c = 0; c < grid.Count; c++)
        {
            var expected = grid.Y[c] > Y0
                ? Math.Sqrt((1_000.0 * 1_000) + (1_500.0 * 1_500)) / 1000 / 3.5 * 60
                : (grid.X[c] - X0) / 1000 / 4.5 * 60;
            Assert.Equal(expected, times.Minutes[c], 1e-3);
        }

        Assert.Equal(1, times.CellsByStraightLine);
    }

    [Fact]
    public void AManagerAgainstTheOneWayStreetIsOutOfReachByCarAndAManagerOffTheNetworkReachesByStraightLine()
    {
        var grid = Grid();
        // At C: the cell at B cannot drive there (B → C is closed to cars), so it falls back to the straight line.
        var atC = TravelTimeCoverage.Compute(grid, [new("05999001", X0 + 2_000, Y0, true, null)], Network(), TravelMode.Car, cancellationToken: TestContext.Current.CancellationToken);
        var b = Enumerable.Range(0, grid.Count).Single(c => grid.X[c] == X0 + 1_000 && grid.Y[c] == Y0);
        Assert.Equal(1_000 / 1000.0 / 40 * 60, atC.Minutes[b], 1e-6);
        Assert.Equal(3, atC.CellsByStraightLine);

        // 5 km north of the line: no node within 1 km, so the manager reaches every cell by straight line.
        var off = TravelTimeCoverage.Compute(grid, [new("05999001", X0 + 1_000, Y0 + 5_000, true, null)], Network(), TravelMode.Car, cancellationToken: TestContext.Current.CancellationToken);
        Assert.Equal(1, off.ManagersByStraightLine);
        Assert.Equal(3_500 / 1000.0 / 40 * 60, off.Minutes[Enumerable.Range(0, grid.Count).Single(c => grid.Y[c] > Y0)], 1e-6);
    }

    [Fact]
    public void APlanningSiteReachesTheCellsThatCanTravelToItInTime()
    {
        var grid = Grid();
        int Cell(double x, double y) => Enumerable.Range(0, grid.Count).Single(c => grid.X[c] == x && grid.Y[c] == y);
        var reach = new TravelReachOfCells(grid, Network(), TravelMode.Car, 2.5);
        // A site at B: C drives there in 1 minute, the cell north of B is 1.5 km away by straight line (2.25 min);
        // D (3 min by straight line) is too far.
        Assert.Equal(
            new[] { Cell(X0 + 1_000, Y0), Cell(X0 + 2_000, Y0), Cell(X0 + 1_000, Y0 + 1_500) }.Order(),
            reach.CellsReaching(Cell(X0 + 1_000, Y0)).Order());
        // A site at C: B may not drive there, and it is on the network, so no straight line for it.
        Assert.DoesNotContain(Cell(X0 + 1_000, Y0), reach.CellsReaching(Cell(X0 + 2_000, Y0)));
    }
}
