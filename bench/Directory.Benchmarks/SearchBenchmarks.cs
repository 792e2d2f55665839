using BenchmarkDotNet.Attributes;
using Directory.Core.Geo;
using Directory.Core.Geography;
using Directory.Core.Managers;
using Directory.Core.Snapshot;
using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Directory.Benchmarks;

/// <summary>The search hot paths over 150, 10,000 and 100,000 managers: the nearest and those in a box. (Point-in-polygon: <see cref="LocateBenchmarks"/>.)</summary>
[MemoryDiagnoser]
[MedianColumn]
public class SearchBenchmarks
{
    private static readonly GeometryFactory Etrs89 = NtsGeometryServices.Instance.CreateGeometryFactory(Crs.Etrs89Utm32N);
    private Point[] origins = [];
    private ManagerIndex index = null!;
    private int next;

    [Params(150, 10_000, 100_000)]
    public int Managers { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var data = NrwData.Geography;
        var random = new Random(7);
        // Managers and origins at random points inside random municipalities' envelopes near their inner points.
        Point Near(Municipality m) => Etrs89.CreatePoint(new Coordinate(m.InteriorEasting + ((random.NextDouble() - 0.5) * 4_000),
            m.InteriorNorthing + ((random.NextDouble() - 0.5) * 4_000)));
        index = new ManagerIndex(Enumerable.Range(1, Managers).Select(i =>
        {
            var at = Near(data.Municipalities[random.Next(data.Municipalities.Count)]);
            return new PublicFamilyManager(i, null, "Anna", "Beispiel", "05315000", null, null, null, null, null, null, null, at.X, at.Y, false, 0, 0, null, null);
        }).ToList());
        origins = Enumerable.Range(0, 4096).Select(_ => Near(data.Municipalities[random.Next(data.Municipalities.Count)])).ToArray();
    }

    [Benchmark(Description = "nearby: 10 nearest within 25 km")]
    public IReadOnlyList<NearbyManager> Nearby() => index.Nearby(origins[next++ & 4095], 25_000, 10, out _);

    [Benchmark(Description = "bbox: managers in a 10 km box (OGC items)")]
    public int Within()
    {
        var origin = origins[next++ & 4095];
        return index.PositionsWithin(new Envelope(origin.X - 5_000, origin.X + 5_000, origin.Y - 5_000, origin.Y + 5_000)).Count;
    }
}
