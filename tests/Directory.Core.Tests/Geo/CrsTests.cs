using Directory.Core.Geo;

namespace Directory.Core.Tests.Geo;

public sealed class CrsTests
{
    [Theory]
    [InlineData("EPSG:25832", 25832)]
    [InlineData("urn:ogc:def:crs:EPSG::25832", 25832)]
    [InlineData("http://www.opengis.net/def/crs/EPSG/0/25832", 25832)]
    [InlineData("EPSG:4326", 4326)]
    [InlineData("urn:ogc:def:crs:OGC:1.3:CRS84", 4326)]
    [InlineData("http://www.opengis.net/def/crs/OGC/1.3/CRS84", 4326)]
    public void KnownCrsNamesGiveTheirEpsgCode(string name, int expected) =>
        Assert.Equal(expected, Crs.ParseEpsgCode(name));

    [Theory]
    [InlineData("WGS84")]
    [InlineData("EPSG:abc")]
    [InlineData("")]
    [InlineData("urn:ogc:def:crs:OGC::Something")]
    public void UnknownCrsNamesGiveNull(string name) => Assert.Null(Crs.ParseEpsgCode(name));
}
