using Directory.Core.Geo;
using Directory.Core.Managers;
using Directory.Core.Snapshot;
using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Directory.Core.Tests.Snapshot;

public sealed class ManagerIndexTests
{
    private static readonly GeometryFactory Etrs89 = NtsGeometryServices.Instance.CreateGeometryFactory(Crs.Etrs89Utm32N);

    private static PublicFamilyManager Manager(int id, double x, double y) =>
        new(id, null, "Anna", "Beispiel", "05315000", null, null, null, null, null, null, null, x, y, false, 0, 0, null, null);

    /// <summary>The expected answer by brute force: every distance measured, sorted by distance, then id.</summary>
    private static List<(int Id, double Distance)> BruteForce(IEnumerable<PublicFamilyManager> managers, Point origin, int k) =>
        managers.Select(m => (m.Id, Distance: Math.Sqrt(Math.Pow(m.X - origin.X, 2) + Math.Pow(m.Y - origin.Y, 2))))
            .OrderBy(p => p.Distance).ThenBy(p => p.Id).Take(k).ToList();

    [Theory]
    [InlineData(1_000, 1)]
    [InlineData(1_000, 10)]
    [InlineData(20_000, 100)]
    [InlineData(5, 10)]
    public void TheNearestAreTheSameAsByMeasuringEveryone(int count, int k)
    {
        var random = new Random(count + k);
        // Clustered like real managers: most in a few towns, some spread over NRW.
        var managers = Enumerable.Range(1, count).Select(i => i % 3 == 0
            ? Manager(i, 280_000 + (random.NextDouble() * 250_000), 5_580_000 + (random.NextDouble() * 240_000))
            : Manager(i, 356_000 + (random.NextDouble() * 3_000), 5_645_000 + (random.NextDouble() * 3_000))).ToList();
        var index = new ManagerIndex(managers);

        for (var q = 0; q < 200; q++)
        {
            var origin = Etrs89.CreatePoint(new Coordinate(280_000 + (random.NextDouble() * 250_000), 5_580_000 + (random.NextDouble() * 240_000)));
            var expected = BruteForce(managers, origin, k);

            var found = index.Nearby(origin, double.MaxValue, k, out _);

            Assert.Equal(expected.Select(e => e.Id), found.Select(f => f.Manager.Id));
            Assert.Equal(expected.Select(e => e.Distance), found.Select(f => f.DistanceMetres), (a, b) => Math.Abs(a - b) < 1e-6);
        }
    }

    [Theory]
    [InlineData(5_000, 1_000.0)]
    [InlineData(20_000, 8_000.0)]
    [InlineData(20_000, 120_000.0)]
    public void WithinAnEnvelopeAreExactlyThoseWhoseCoordinatesLieInIt(int count, double size)
    {
        var random = new Random(count);
        var managers = Enumerable.Range(1, count)
            .Select(i => Manager(i, 280_000 + (random.NextDouble() * 250_000), 5_580_000 + (random.NextDouble() * 240_000))).ToList();
        // One on each edge and corner of the first box: edges count as inside.
        var box = new Envelope(350_000, 350_000 + size, 5_650_000, 5_650_000 + size);
        managers.Add(Manager(count + 1, box.MinX, box.MinY));
        managers.Add(Manager(count + 2, box.MaxX, 5_650_000 + (size / 2)));
        var index = new ManagerIndex(managers);

        for (var q = 0; q < 50; q++)
        {
            var envelope = q == 0 ? box : new Envelope(280_000 + (random.NextDouble() * 250_000), 280_000 + (random.NextDouble() * 250_000),
                5_580_000 + (random.NextDouble() * 240_000), 5_580_000 + (random.NextDouble() * 240_000));
            var expected = managers.Where(m => m.X >= envelope.MinX && m.X <= envelope.MaxX && m.Y >= envelope.MinY && m.Y <= envelope.MaxY)
                .Select(m => m.Id).Order();

            var positions = index.PositionsWithin(envelope);
            Assert.Equal(positions.Order(), positions);
            Assert.Equal(expected, positions.Select(p => managers[p].Id).Order());
        }
    }

    [Fact]
    public void OnlyManagersWithinTheRadiusAreReturnedWhileAnyIs()
    {
        var managers = new[] { Manager(1, 400_000, 5_700_000), Manager(2, 403_000, 5_700_000), Manager(3, 410_000, 5_700_000) };
        var index = new ManagerIndex(managers);
        var origin = Etrs89.CreatePoint(new Coordinate(400_000, 5_700_000));

        var found = index.Nearby(origin, 5_000, 10, out var outside);

        Assert.False(outside);
        Assert.Equal([1, 2], found.Select(f => f.Manager.Id));
    }

    [Fact]
    public void WithNobodyInTheRadiusTheNearestComeAnyway()
    {
        var managers = new[] { Manager(1, 430_000, 5_700_000), Manager(2, 420_000, 5_700_000), Manager(3, 450_000, 5_700_000) };
        var index = new ManagerIndex(managers);

        var found = index.Nearby(Etrs89.CreatePoint(new Coordinate(400_000, 5_700_000)), 5_000, 2, out var outside);

        Assert.True(outside);
        Assert.Equal([2, 1], found.Select(f => f.Manager.Id));
        Assert.Equal(20_000, found[0].DistanceMetres, 1e-6);
    }

    [Fact]
    public void AnEmptyIndexFindsNobody()
    {
        var found = new ManagerIndex([]).Nearby(Etrs89.CreatePoint(new Coordinate(400_000, 5_700_000)), 5_000, 10, out var outside);

        Assert.Empty(found);
        Assert.False(outside);
    }
}
