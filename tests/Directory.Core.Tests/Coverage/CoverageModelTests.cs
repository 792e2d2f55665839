using Directory.Core.Coverage;
using NetTopologySuite.Geometries;

namespace Directory.Core.Tests.Coverage;

[Collection(NrwGeographyCollection.Name)]
public sealed class CoverageModelTests(NrwGeographyFixture nrw)
{
    /// <summary>
    /// Two Gemeinden in one Kreis. A: 1,000 residents, cells (0, 0) and (3000, 0) with 100 each (20 and 10 under 15),
    /// so each counts 500 residents after scaling by 5 (100 and 50 children). B: 300 residents, cells (10000, 0) with
    /// 100 (30 under 15) and (20000, 0) with 200 (none under 15), scale 1.
    /// </summary>
    private static CoverageGrid HandMadeGrid() => new(
        [
            new CoverageMunicipality("05999001", "A", "05999", "059", 1_000, new Coordinate(1_500, 0)),
            new CoverageMunicipality("05999002", "B", "05999", "059", 300, new Coordinate(15_000, 0)),
        ],
        new Dictionary<string, string> { ["05999"] = "Kreis K" },
        new Dictionary<string, string> { ["059"] = "Bezirk R" },
        [
            new CoverageCell("05999001", 0, 0, 100, 20), new CoverageCell("05999001", 3_000, 0, 100, 10),
            new CoverageCell("05999002", 10_000, 0, 100, 30), new CoverageCell("05999002", 20_000, 0, 200, 0),
        ]);

    /// <summary>
    /// A manager works for A at (0, 0), certified 2018-05-01; another for the whole Kreis at (20000, 1000), certified
    /// 2021-03-01; a third for B at (10000, 0) has no certification date.
    /// </summary>
    private static readonly CoverageManager[] HandMadeManagers =
    [
        new("05999001", 0, 0, true, new DateOnly(2018, 5, 1)),
        new("05999", 20_000, 1_000, true, new DateOnly(2021, 3, 1)),
    ];

    private static CoverageModel HandMade() => new(HandMadeGrid(), HandMadeManagers);

    [Fact]
    public void AHandMadeGridGivesTheAnswersWorkedOutByHand()
    {
        var result = HandMade().Compute(2_000);

        var a = result.Municipalities.Single(m => m.Name == "A");
        var b = result.Municipalities.Single(m => m.Name == "B");
        // Within 2 km: A's cell at (0, 0) (distance 0) and B's cell at (20000, 0) (distance 1000).
        Assert.Equal(500, a.ResidentsWithinReach, 1e-9);
        Assert.Equal(0.5, a.ShareWithinReach, 1e-9);
        Assert.Equal(200, b.ResidentsWithinReach, 1e-9);
        Assert.Equal(2.0 / 3, b.ShareWithinReach, 1e-9);
        // Mean distances: A (500·0 + 500·3000) / 1000; B (100·10000 + 200·1000) / 300.
        Assert.Equal(1_500, a.MeanDistanceMetres!.Value, 1e-6);
        Assert.Equal(4_000, b.MeanDistanceMetres!.Value, 1e-6);
        Assert.Equal(("gemeinde", 1), (a.CoveredBy, a.Managers));
        Assert.Equal(("kreis", 0), (b.CoveredBy, b.Managers));

        var kreis = Assert.Single(result.Districts);
        Assert.Equal((2, 2, 2, 1_300L, 1_300L), (kreis.Managers, kreis.Municipalities, kreis.MunicipalitiesCovered, kreis.Population, kreis.PopulationCovered));
        Assert.Equal(700.0 / 1_300, kreis.ShareWithinReach, 1e-9);
        Assert.Equal((1_500_000 + 1_200_000) / 1_300.0, kreis.MeanDistanceMetres!.Value, 1e-6);
        Assert.Equal(2, result.Land.Managers);

        // Children: A's cell at (0, 0) holds 100 of A's 150; B's cell in reach holds none of B's 30.
        Assert.Equal((150.0, 100.0), (a.Children, a.ChildrenWithinReach));
        Assert.Equal(2.0 / 3, a.ShareChildrenWithinReach, 1e-9);
        Assert.Equal((30.0, 0.0), (b.Children, b.ChildrenWithinReach));
        Assert.Equal(100.0 / 180, kreis.ShareChildrenWithinReach, 1e-9);
    }

    [Fact]
    public void ADateCountsOnlyTheEntriesCertifiedByThen()
    {
        var undated = new CoverageManager("05999002", 10_000, 0, true, null);
        CoverageManager[] managers = [.. HandMadeManagers, undated];

        // Today: all three; B's cell at (10000, 0) is in reach of the undated entry.
        var today = new CoverageModel(HandMadeGrid(), managers).Compute(2_000);
        Assert.Equal(300, today.Municipalities.Single(m => m.Name == "B").ResidentsWithinReach, 1e-9);

        // 31.12.2019: only A's manager (the Kreis entry came in 2021, the undated one counts for no date).
        var then = new CoverageModel(HandMadeGrid(), CoverageManager.CertifiedBy(managers, new DateOnly(2019, 12, 31))).Compute(2_000);
        var b = then.Municipalities.Single(m => m.Name == "B");
        Assert.Null(b.CoveredBy);
        Assert.Equal(0, b.ResidentsWithinReach);
        Assert.Equal((1, 1), (then.Land.Managers, then.Land.MunicipalitiesCovered));
        Assert.Equal(500.0 / 1_300, then.Land.ShareWithinReach, 1e-9);
        Assert.Equal(100.0 / 180, then.Land.ShareChildrenWithinReach, 1e-9);

        // The day of the Kreis entry's certificate counts it.
        var onTheDay = CoverageManager.CertifiedBy(managers, new DateOnly(2021, 3, 1)).ToList();
        Assert.Equal(2, onTheDay.Count);
        Assert.DoesNotContain(undated, onTheDay);
    }

    [Fact]
    public void WithoutManagersNothingIsCoveredOrInReach()
    {
        var model = new CoverageModel(new CoverageGrid(
            [new CoverageMunicipality("05999001", "A", "05999", "059", 1_000, new Coordinate(0, 0))],
            new Dictionary<string, string> { ["05999"] = "K" }, new Dictionary<string, string> { ["059"] = "R" },
            [new CoverageCell("05999001", 0, 0, 10, 2)]), []);

        var land = model.Compute(200_000).Land;

        Assert.Equal((0, 0, 0.0), (land.Managers, land.MunicipalitiesCovered, land.ResidentsWithinReach));
        Assert.Null(land.MeanDistanceMetres);
    }

    private CoverageModel RealData(IEnumerable<CoverageManager> managers) => new(nrw.CoverageGrid(), managers);

    /// <summary>One manager at the inner point of each of a few municipalities.</summary>
    private IEnumerable<CoverageManager> SomeManagers() =>
        nrw.Data.Municipalities.Where(m => m.Ags is "05966024" or "05315000" or "05774032" or "05554008")
            .Select(m => new CoverageManager(m.Ags, m.InteriorEasting, m.InteriorNorthing, true, null));

    [Fact]
    public void TheResidentsOfNrwSumToTheGv100Total()
    {
        var land = RealData(SomeManagers()).Compute(10_000).Land;

        // data/README.md: 18,034,454 residents on 31.12.2024, summed over the 396 municipalities.
        Assert.Equal(18_034_454, land.Population);
        Assert.Equal(396, land.Municipalities);
    }

    [Fact]
    public void TheChildrenOfNrwAreTheGridsScaledAsTheResidentsAre()
    {
        // Worked out here from the file's columns: per AGS, GV100 residents × (grid under 15 / grid residents).
        var expected = nrw.Data.Municipalities.Sum(m =>
        {
            var cells = nrw.Data.PopulationCells.Where(c => c.Ags == m.Ags).ToList();
            return m.Population * (double)cells.Sum(c => c.Children) / cells.Sum(c => c.Population);
        });

        var land = RealData(SomeManagers()).Compute(10_000).Land;

        Assert.Equal(expected, land.Children, 1e-3);
        // data/README.md: 2,470,217 under 15 of 17,743,330 in the grid, 13.9 %; scaled to 18.03 M about 2.5 M.
        Assert.InRange(land.Children / land.Population, 0.137, 0.141);
    }

    [Fact]
    public void AGemeindeWithAManagerIsFullyInReachAtARadiusOfItsSize()
    {
        var olpe = nrw.Data.Municipalities.Single(m => m.Ags == "05966024");
        var size = Math.Sqrt(Math.Pow(olpe.Boundary.EnvelopeInternal.Width, 2) + Math.Pow(olpe.Boundary.EnvelopeInternal.Height, 2));

        var result = RealData(SomeManagers()).Compute(size);

        Assert.Equal(1.0, result.Municipalities.Single(m => m.Key == "05966024").ShareWithinReach, 1e-9);
    }

    [Fact]
    public void ARadiusOfZeroReachesNobody() =>
        Assert.Equal(0, RealData(SomeManagers()).Compute(0).Land.ResidentsWithinReach);

    [Fact]
    public void ReachGrowsWithTheRadius()
    {
        var model = RealData(SomeManagers());
        var shares = new[] { 1, 2, 5, 10, 20, 50, 100, 300 }.Select(km => model.Compute(km * 1000).Land.ShareWithinReach).ToList();

        Assert.Equal(shares.Order(), shares);
        Assert.True(shares[0] < shares[^1]);
        Assert.Equal(1.0, shares[^1], 1e-9);
    }

    [Fact]
    public void AKreisLevelManagerCoversEveryGemeindeOfItsKreis()
    {
        var seat = nrw.Data.Municipalities.First(m => m.DistrictKey == "05958");
        var result = RealData([new CoverageManager("05958", seat.InteriorEasting, seat.InteriorNorthing, true, null)]).Compute(10_000);

        var hsk = result.Municipalities.Where(m => m.ParentKey == "05958").ToList();
        Assert.All(hsk, m => Assert.Equal("kreis", m.CoveredBy));
        Assert.Equal(hsk.Count, result.Districts.Single(d => d.Key == "05958").MunicipalitiesCovered);
        Assert.Equal(hsk.Count, result.Land.MunicipalitiesCovered);
        Assert.Equal(1, result.Land.Managers);
    }
}
