using Directory.Core.Geo;
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
}
