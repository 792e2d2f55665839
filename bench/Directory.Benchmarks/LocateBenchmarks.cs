using BenchmarkDotNet.Attributes;
using Directory.Core.Geo;
using Directory.Core.Geography;
using Directory.Core.Snapshot;
using NetTopologySuite;
using NetTopologySuite.Geometries;
using NetTopologySuite.Geometries.Prepared;
using NetTopologySuite.Index.Strtree;

namespace Directory.Benchmarks;

/// <summary>
/// Point-in-polygon over the 396 municipalities: the service's <see cref="MunicipalityIndex"/> (edges in bands)
/// against NTS's prepared polygons in the same STRtree, the index it replaced, as the baseline. Origins at random
/// points across NRW's envelope, so that many lie near borders and some outside NRW.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class LocateBenchmarks
{
    private static readonly GeometryFactory Etrs89 = NtsGeometryServices.Instance.CreateGeometryFactory(Crs.Etrs89Utm32N);
    private readonly STRtree<(IPreparedGeometry Polygon, Region Municipality)> prepared = new();
    private MunicipalityIndex banded = null!;
    private Point[] origins = [];
    private int next;

    [GlobalSetup]
    public void Setup()
    {
        var municipalities = NrwData.Geography.Municipalities.Select(m => new Region(RegionLevel.Gemeinde, m.Ags, m.Name, m.OfficialName,
            m.Type, m.DistrictKey, m.GovernmentRegionKey, m.Population, m.AreaKm2, m.Boundary,
            Etrs89.CreatePoint(new Coordinate(m.InteriorEasting, m.InteriorNorthing)))).ToList();
        banded = new MunicipalityIndex(municipalities);
        foreach (var municipality in municipalities)
        {
            prepared.Insert(municipality.Boundary.EnvelopeInternal, (PreparedGeometryFactory.Prepare(municipality.Boundary), municipality));
        }

        prepared.Build();
        var envelope = new Envelope();
        municipalities.ForEach(m => envelope.ExpandToInclude(m.Boundary.EnvelopeInternal));
        var random = new Random(7);
        origins = Enumerable.Range(0, 4096).Select(_ => Etrs89.CreatePoint(new Coordinate(
            envelope.MinX + (random.NextDouble() * envelope.Width), envelope.MinY + (random.NextDouble() * envelope.Height)))).ToArray();
    }

    [Benchmark(Baseline = true, Description = "locate: STRtree + NTS prepared polygons")]
    public Region? Prepared()
    {
        var point = origins[next++ & 4095];
        Region? found = null;
        foreach (var (polygon, municipality) in prepared.Query(point.EnvelopeInternal))
        {
            if (polygon.Covers(point) && (found is null || string.CompareOrdinal(municipality.Key, found.Key) < 0))
            {
                found = municipality;
            }
        }

        return found;
    }

    [Benchmark(Description = "locate: STRtree + banded edges (MunicipalityIndex)")]
    public Region? Banded() => banded.Locate(origins[next++ & 4095]);
}
