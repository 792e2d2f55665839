using Directory.Core.Geo;
using Directory.Core.Geography;
using Directory.Core.Geography.Import;
using Directory.Testing;
using NetTopologySuite;
using NetTopologySuite.Geometries;

namespace Directory.Core.Tests.Geo;

[Collection(NrwGeographyCollection.Name)]
public sealed class ReprojectorTests(NrwGeographyFixture nrw)
{
    [Fact]
    public void CentralMeridianOfZone32MapsToTheFalseEasting()
    {
        // UTM zone 32 has its central meridian at 9° E and a false easting of 500 000 m; the equator is northing 0.
        var (x, y) = Reprojector.Transform(9, 0, Crs.Wgs84, Crs.Etrs89Utm32N);
        Assert.Equal(500_000, x, 1e-6);
        Assert.Equal(0, y, 1e-6);

        var (xNorth, _) = Reprojector.Transform(9, 51, Crs.Wgs84, Crs.Etrs89Utm32N);
        Assert.Equal(500_000, xNorth, 1e-6);
    }

    [Fact]
    public void PointsSurviveTheRoundTripThroughEtrs89()
    {
        var (x, y) = Reprojector.Transform(6.9583, 50.9413, Crs.Wgs84, Crs.Etrs89Utm32N);
        var (lon, lat) = Reprojector.Transform(x, y, Crs.Etrs89Utm32N, Crs.Wgs84);

        // ProjNet's Transverse Mercator series leave a round-trip error of a few millimetres (measured: 8.7 mm in
        // latitude here); 2e-7 degrees is about 2 cm, far below DVG2's ±50 m.
        Assert.Equal(6.9583, lon, 2e-7);
        Assert.Equal(50.9413, lat, 2e-7);
    }

    [Fact]
    public void ReprojectedWgs84MunicipalitiesMatchTheOfficialEtrs89FileWithinHalfAMetre()
    {
        // data/nrw-gemeinden-25832.geojson holds the official DVG2 coordinates; the 4326 file was derived from it
        // with PROJ and rounded to 6 decimals. Our import of the 4326 file must land on the official vertices.
        var problems = new List<ImportProblem>();
        var official = GeoJsonLayerReader.Read(RepositoryPaths.DataFile("nrw-gemeinden-25832.geojson"), problems)!;
        Assert.Empty(problems);
        Assert.Equal(Crs.Etrs89Utm32N, official.Srid);

        var fromWgs84 = GeographyImporter.Load(GeographySources.InDirectory(RepositoryPaths.Data) with
        {
            Municipalities = RepositoryPaths.DataFile("nrw-gemeinden.geojson"),
        });
        Assert.Equal(Crs.Wgs84, fromWgs84.MunicipalitySourceSrid);
        var importedByAgs = fromWgs84.Municipalities.ToDictionary(m => m.Ags);
        var largestDeviation = 0.0;
        foreach (var feature in official.Features)
        {
            var imported = importedByAgs[feature.Id!].Boundary.Coordinates;
            var expected = feature.Geometry!.Coordinates;
            Assert.Equal(expected.Length, imported.Length);
            for (var i = 0; i < expected.Length; i++)
            {
                largestDeviation = Math.Max(largestDeviation, expected[i].Distance(imported[i]));
            }
        }

        Assert.True(largestDeviation < 0.5, $"largest deviation {largestDeviation:0.000} m");
    }

    [Fact]
    public void TheEtrs89FileImportsToTheSamePolygonsAsTheWgs84File()
    {
        using var folder = new TemporaryDirectory();
        var sources = GeographySources.InDirectory(RepositoryPaths.Data) with
        {
            Municipalities = RepositoryPaths.DataFile("nrw-gemeinden.geojson"),
        };

        var fromEtrs89 = nrw.Data;
        var fromWgs84 = GeographyImporter.Load(sources).Municipalities.ToDictionary(m => m.Ags);

        Assert.Equal(Crs.Etrs89Utm32N, fromEtrs89.MunicipalitySourceSrid);
        foreach (var municipality in fromEtrs89.Municipalities)
        {
            var other = fromWgs84[municipality.Ags].Boundary;
            Assert.Equal(Crs.Etrs89Utm32N, municipality.Boundary.SRID);
            Assert.True(municipality.Boundary.EqualsExact(other, 0.5), $"{municipality.Ags} differs by more than 0.5 m");
        }
    }

    [Fact]
    public void ReprojectingAGeometryLeavesTheInputUnchangedAndSetsTheTargetSrid()
    {
        var factory = NtsGeometryServices.Instance.CreateGeometryFactory(Crs.Wgs84);
        var point = factory.CreatePoint(new Coordinate(6.9583, 50.9413));

        var projected = Reprojector.Transform(point, Crs.Etrs89Utm32N);

        Assert.Equal(Crs.Etrs89Utm32N, projected.SRID);
        Assert.Equal(6.9583, point.X);
        Assert.InRange(projected.X, 350_000, 360_000);
    }

    [Fact]
    public void AGeometryWithoutAKnownSridIsRejected()
    {
        var point = NtsGeometryServices.Instance.CreateGeometryFactory(3035).CreatePoint(new Coordinate(4_100_000, 3_100_000));
        Assert.Throws<ArgumentException>(() => Reprojector.Transform(point, Crs.Wgs84));
    }
}
