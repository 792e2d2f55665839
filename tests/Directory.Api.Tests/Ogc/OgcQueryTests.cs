using Directory.Api.Ogc;

namespace Directory.Api.Tests.Ogc;

/// <summary>The OGC API's query rules on their own, without a host: each value accepted or named in a 400.</summary>
public sealed class OgcQueryTests
{
    private static readonly IReadOnlyList<string> Properties = ["schluessel", "name", "einwohner"];

    [Theory]
    [InlineData(null, null, false)]
    [InlineData("html", null, true)]
    [InlineData("json", "text/html", false)]
    [InlineData(null, "text/html,application/xhtml+xml", true)]
    [InlineData(null, "text/html, application/json", false)]
    [InlineData(null, "application/geo+json", false)]
    public void HtmlIsChosenByFOrByAnAcceptHeaderWithoutJson(string? f, string? accept, bool html)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Equal(html, OgcQuery.WantsHtml(f is null ? [] : ["f"], f, accept, [], errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void UnknownParametersAndAnUnknownFormatAreEachNamed()
    {
        var errors = new Dictionary<string, string[]>();

        OgcQuery.WantsHtml(["limit", "foo", "f", "bar"], "xml", null, ["limit"], errors);

        Assert.Equal(["bar", "f", "foo"], errors.Keys.Order());
        Assert.Contains("xml", errors["f"][0], StringComparison.Ordinal);
        Assert.Contains("foo", errors["foo"][0], StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, 10)]
    [InlineData("", 10)]
    [InlineData("1", 1)]
    [InlineData("10000", 10000)]
    public void ALimitInRangeIsTaken(string? value, int expected)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Equal(expected, OgcQuery.Integer(value, "limit", 10, 1, 10000, errors));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData("0")]
    [InlineData("10001")]
    [InlineData("-1")]
    [InlineData("+5")]
    [InlineData("1.5")]
    [InlineData("zehn")]
    [InlineData("99999999999")]
    public void ALimitOutOfRangeOrNotAWholeNumberIsNamed(string value)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(OgcQuery.Integer(value, "limit", 10, 1, 10000, errors));
        Assert.Contains(value, Assert.Single(errors["limit"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(OgcCrsUris.Crs84, OgcCrs.Crs84)]
    [InlineData(OgcCrsUris.Epsg4326, OgcCrs.Epsg4326)]
    [InlineData(OgcCrsUris.Epsg25832, OgcCrs.Epsg25832)]
    public void TheServedCrsUrisAreKnown(string uri, OgcCrs crs)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Equal(crs, OgcQuery.Crs(uri, "crs", errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void AnotherCrsIsNamedWithTheServedOnes()
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(OgcQuery.Crs("http://www.opengis.net/def/crs/EPSG/0/31467", "bbox-crs", errors));
        var message = Assert.Single(errors["bbox-crs"]);
        Assert.Contains("31467", message, StringComparison.Ordinal);
        Assert.Contains(OgcCrsUris.Epsg25832, message, StringComparison.Ordinal);
    }

    [Fact]
    public void ABboxInCrs84IsAnEnvelopeOfLongitudesAndLatitudes()
    {
        var errors = new Dictionary<string, string[]>();

        var box = OgcQuery.Bbox("7.8,51.0,7.9,51.1", OgcCrs.Crs84, errors);

        Assert.Empty(errors);
        Assert.Equal((7.8, 7.9, 51.0, 51.1), (box!.Box.MinX, box.Box.MaxX, box.Box.MinY, box.Box.MaxY));
        Assert.Equal(OgcCrs.Crs84, box.Crs);
    }

    [Fact]
    public void ABboxInEpsg4326KeepsItsLatitudeFirstAxes()
    {
        var errors = new Dictionary<string, string[]>();

        var box = OgcQuery.Bbox("51.0,7.8,51.1,7.9", OgcCrs.Epsg4326, errors);

        Assert.Empty(errors);
        Assert.Equal((51.0, 51.1, 7.8, 7.9), (box!.Box.MinX, box.Box.MaxX, box.Box.MinY, box.Box.MaxY));
    }

    [Theory]
    [InlineData("7.8,51.0,7.9")]
    [InlineData("7.8,51.0,7.9,51.1,0")]
    [InlineData("7.9,51.0,7.8,51.1")]
    [InlineData("7.8,51.1,7.9,51.0")]
    [InlineData("a,b,c,d")]
    [InlineData("NaN,51.0,7.9,51.1")]
    [InlineData("7.8,91,7.9,92")]
    public void ABboxThatIsNotFourOrderedNumbersNearNrwIsNamed(string value)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(OgcQuery.Bbox(value, OgcCrs.Crs84, errors));
        Assert.Contains(value, Assert.Single(errors["bbox"]), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("name", "name", false)]
    [InlineData("+einwohner", "einwohner", false)]
    [InlineData("-einwohner", "einwohner", true)]
    public void SortByNamesAPropertyWithAnOptionalDirection(string value, string property, bool descending)
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Equal(new OgcSortBy(property, descending), OgcQuery.SortBy(value, Properties, errors));
        Assert.Empty(errors);
    }

    [Fact]
    public void SortByAnUnknownPropertyListsTheKnownOnes()
    {
        var errors = new Dictionary<string, string[]>();

        Assert.Null(OgcQuery.SortBy("-flaeche", Properties, errors));
        var message = Assert.Single(errors["sortby"]);
        Assert.Contains("-flaeche", message, StringComparison.Ordinal);
        Assert.Contains("schluessel, name, einwohner", message, StringComparison.Ordinal);
    }
}
