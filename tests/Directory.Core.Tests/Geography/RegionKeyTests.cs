using Directory.Core.Geography;

namespace Directory.Core.Tests.Geography;

public sealed class RegionKeyTests
{
    [Theory]
    [InlineData("05966024", RegionLevel.Gemeinde)]
    [InlineData("05966", RegionLevel.Kreis)]
    [InlineData("059", RegionLevel.Regierungsbezirk)]
    [InlineData("05", null)]
    [InlineData("0596602", null)]
    [InlineData("05966O24", null)]
    [InlineData("", null)]
    public void TheLevelIsTheKeysLength(string key, RegionLevel? level) => Assert.Equal(level, RegionKey.LevelOf(key));

    [Fact]
    public void AGemeindeLiesInItsKreisAndRegierungsbezirk()
    {
        Assert.Equal("05966", RegionKey.DistrictOf("05966024"));
        Assert.Equal("059", RegionKey.GovernmentRegionOf("05966024"));
        Assert.Equal("053", RegionKey.GovernmentRegionOf("05315"));
        Assert.True(RegionKey.IsWithin("05966024", "05966"));
        Assert.True(RegionKey.IsWithin("05966", "059"));
        Assert.True(RegionKey.IsWithin("05315000", "05315"));
        Assert.False(RegionKey.IsWithin("05970040", "05966"));
        Assert.True(RegionKey.IsGemeinde("05315000"));
        Assert.False(RegionKey.IsGemeinde("05315"));
    }

    [Theory]
    [InlineData("05966024", true)]
    [InlineData("053", true)]
    [InlineData("06411000", false)]
    [InlineData("5966024", false)]
    public void OnlyNrwKeysAreNrwKeys(string key, bool nrw) => Assert.Equal(nrw, RegionKey.IsNrwKey(key));
}
