using BenchmarkDotNet.Attributes;
using Directory.Core.Coverage;
using NetTopologySuite.Geometries;

namespace Directory.Benchmarks;

/// <summary>
/// Issue 6: a full recomputation of coverage for all levels, 150 managers and the 27,571 grid cells (Zensus 2022) must take under
/// 100 ms. "Full" = building the model (nearest manager of every cell) plus computing every level at one radius.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class CoverageBenchmarks
{
    private CoverageGrid grid = null!;
    private CoverageManager[] managers = [];
    private CoverageModel model = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = NrwData.Geography;
        grid = new CoverageGrid(data.Municipalities.Select(m => new CoverageMunicipality(m.Ags, m.Name, m.DistrictKey, m.GovernmentRegionKey,
                m.Population, new Coordinate(m.InteriorEasting, m.InteriorNorthing))),
            data.Districts.ToDictionary(d => d.Key, d => d.Name),
            data.GovernmentRegions.ToDictionary(r => r.Key, r => r.Name),
            data.PopulationCells.Select(c => new CoverageCell(c.Ags, c.Location.X, c.Location.Y, c.Population, c.Children)));
        // 150 managers at the inner points of random municipalities, as in the demo list (deterministic).
        var random = new Random(20251001);
        managers = Enumerable.Range(0, 150).Select(_ => data.Municipalities[random.Next(data.Municipalities.Count)])
            .Select(m => new CoverageManager(m.Ags, m.InteriorEasting, m.InteriorNorthing, true, null)).ToArray();
        model = Build();
    }

    private CoverageModel Build() => new(grid, managers);

    [Benchmark(Description = "full recomputation: model + all levels at 10 km")]
    public CoverageResult FullRecomputation() => Build().Compute(10_000);

    [Benchmark(Description = "another radius on a built model")]
    public CoverageResult AnotherRadius() => model.Compute(25_000);

    /// <summary>Issue 21: suggestions for all of NRW at 10 km, count 5, in under 2 s on two cores.</summary>
    [Benchmark(Description = "planning: 5 suggestions for NRW at 10 km")]
    public PlanningResult FiveSuggestionsForNrw() => CoveragePlanner.Suggest(model, 10_000, 5, CoverageTarget.Residents);
}
