using Directory.Core.Geo;
using Directory.Core.Geography;
using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Directory.Core.Tests.Geo;

[Collection(NrwGeographyCollection.Name)]
public sealed class MunicipalityIndexTests(NrwGeographyFixture nrw)
{
    private static readonly GeometryFactory Etrs89 = NtsGeometryServices.Instance.CreateGeometryFactory(Crs.Etrs89Utm32N);

    private readonly MunicipalityIndex index = new(nrw.Municipalities);

    private static Point At(double lat, double lon)
    {
        var (x, y) = Reprojector.Transform(lon, lat, Crs.Wgs84, Crs.Etrs89Utm32N);
        return Etrs89.CreatePoint(new Coordinate(x, y));
    }

    [Theory]
    [InlineData(50.9413, 6.9583, "05315000")] // Kölner Dom, Köln
    [InlineData(51.9625, 7.6256, "05515000")] // St.-Paulus-Dom, Münster
    [InlineData(50.7747, 6.0839, "05334002")] // Aachener Dom, Aachen (Städteregion Aachen)
    [InlineData(51.2179, 6.7617, "05111000")] // Rheinturm, Düsseldorf
    [InlineData(51.0289, 7.8514, "05966024")] // Olpe, Marktplatz
    [InlineData(51.8389, 6.6131, "05554008")] // Bocholt, Markt
    public void KnownPlacesLieInTheirMunicipality(double lat, double lon, string expectedAgs) =>
        Assert.Equal(expectedAgs, index.Locate(At(lat, lon))?.Key);

    [Theory]
    [InlineData(51.3704, 6.1724)] // Venlo, Netherlands
    [InlineData(50.8503, 4.3517)] // Brussels, Belgium
    [InlineData(52.2799, 8.0472)] // Osnabrück, Lower Saxony
    [InlineData(50.1109, 8.6821)] // Frankfurt am Main, Hesse
    public void PlacesOutsideNrwLieInNoMunicipality(double lat, double lon) =>
        Assert.Null(index.Locate(At(lat, lon)));

    [Fact]
    public void APointOnASharedBorderBelongsToTheMunicipalityWithTheLowestKey()
    {
        // A vertex of Köln's boundary is also on a neighbour's boundary; which polygons cover it is found here by
        // brute force over all municipalities, without the index.
        var koeln = nrw.Municipalities.Single(m => m.Key == "05315000");
        var vertex = Etrs89.CreatePoint(koeln.Boundary.Coordinates[0]);
        var covering = nrw.Municipalities.Where(m => m.Boundary.Covers(vertex)).Select(m => m.Key).ToList();
        Assert.True(covering.Count >= 2, "the vertex should lie on a border shared with a neighbour");

        Assert.Equal(covering.Min(StringComparer.Ordinal), index.Locate(vertex)?.Key);
    }

    [Fact]
    public void AGridOverNrwLiesWhereThePolygonsThemselvesSay()
    {
        // 40,000 points on a 1.3 km grid over NRW's envelope and beyond, each compared with NTS's plain Covers over
        // every municipality (no index, no bands), the lowest key winning on a shared border.
        var envelope = new Envelope();
        foreach (var municipality in nrw.Municipalities)
        {
            envelope.ExpandToInclude(municipality.Boundary.EnvelopeInternal);
        }

        envelope.ExpandBy(5_000);
        const int steps = 200;
        var grid = Enumerable.Range(0, steps * steps).Select(n => new Coordinate(
            envelope.MinX + (envelope.Width * ((n / steps) + 0.5) / steps), envelope.MinY + (envelope.Height * ((n % steps) + 0.5) / steps)));

        Assert.Empty(Mismatches(grid));
    }

    [Fact]
    public void VerticesAndEdgeMidpointsLieWhereThePolygonsThemselvesSay()
    {
        // Points on the boundaries themselves, where a banded index would first go wrong: every vertex of the
        // boundaries of Köln and of the Kreis Olpe's Gemeinden (each on the border of a neighbour or of NRW), and
        // the midpoint of every edge there.
        var sample = nrw.Municipalities.Where(m => m.Key == "05315000" || m.Key.StartsWith("05966", StringComparison.Ordinal)).ToList();
        Assert.True(sample.Count > 5);
        var onBoundaries = sample.Select(m => m.Boundary.Coordinates).SelectMany(coordinates => coordinates.Concat(
            coordinates.Zip(coordinates.Skip(1), (a, b) => new Coordinate((a.X + b.X) / 2, (a.Y + b.Y) / 2))));

        Assert.Empty(Mismatches(onBoundaries));
    }

    [Fact]
    public void AFreshIndexQueriedFromManyThreadsAtOnceAnswersAsAlone()
    {
        // The bands are built on first use; eight threads racing for the first uses must get what one thread gets.
        var points = nrw.Municipalities.SelectMany(m => new[] { m.LabelPoint, Etrs89.CreatePoint(m.Boundary.Coordinates[0]) }).ToArray();
        var alone = points.Select(p => new MunicipalityIndex(nrw.Municipalities).Locate(p)?.Key).ToArray();

        var shared = new MunicipalityIndex(nrw.Municipalities);
        var together = new string?[points.Length];
        Parallel.For(0, points.Length * 8, new ParallelOptions { MaxDegreeOfParallelism = 8 },
            i => together[i % points.Length] = shared.Locate(points[i % points.Length])?.Key);

        Assert.Equal(alone, together);
    }

    // The points where the index and NTS's plain Covers over every municipality (no index, no bands; the lowest key
    // winning on a shared border) disagree.
    private List<string> Mismatches(IEnumerable<Coordinate> coordinates)
    {
        var mismatches = new List<string>();
        foreach (var point in coordinates.Select(c => Etrs89.CreatePoint(c)))
        {
            var expected = nrw.Municipalities.Where(m => m.Boundary.Covers(point)).Select(m => m.Key).Min(StringComparer.Ordinal);
            var actual = index.Locate(point)?.Key;
            if (expected != actual)
            {
                mismatches.Add($"{point.X} {point.Y}: {expected ?? "none"} expected, {actual ?? "none"} found");
            }
        }

        return mismatches;
    }
}
