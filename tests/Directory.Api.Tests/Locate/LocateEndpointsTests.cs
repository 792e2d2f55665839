using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Directory.Api.Tests.Locate;

public sealed class LocateEndpointsTests(ReadOnlyApiFixture api) : IClassFixture<ReadOnlyApiFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheKoelnerDomLiesInKoeln()
    {
        var located = await api.Client.GetFromJsonAsync<JsonElement>("/api/locate?lat=50.9413&lon=6.9583", Cancel);

        Assert.Equal("05315000", located.GetProperty("gemeinde").GetProperty("key").GetString());
        Assert.Equal("Köln", located.GetProperty("gemeinde").GetProperty("name").GetString());
        Assert.Equal("05315", located.GetProperty("kreis").GetProperty("key").GetString());
        Assert.Equal("053", located.GetProperty("regierungsbezirk").GetProperty("key").GetString());
        Assert.Equal(50.9413, located.GetProperty("point").GetProperty("lat").GetDouble());
    }

    [Fact]
    public async Task OlpeLiesInKreisOlpeInRegierungsbezirkArnsberg()
    {
        var located = await api.Client.GetFromJsonAsync<JsonElement>("/api/locate?lat=51.0289&lon=7.8514", Cancel);

        Assert.Equal("Olpe", located.GetProperty("gemeinde").GetProperty("name").GetString());
        Assert.Equal("Kreis Olpe", located.GetProperty("kreis").GetProperty("name").GetString());
        Assert.Equal("Arnsberg", located.GetProperty("regierungsbezirk").GetProperty("name").GetString());
    }

    [Theory]
    [InlineData("/api/locate?lon=6.9583", "lat")]
    [InlineData("/api/locate?lat=50.9413", "lon")]
    [InlineData("/api/locate?lat=abc&lon=6.9583", "lat")]
    [InlineData("/api/locate?lat=50,9413&lon=6.9583", "lat")]
    [InlineData("/api/locate?lat=95&lon=6.9583", "lat")]
    [InlineData("/api/locate?lat=-90.5&lon=6.9583", "lat")]
    [InlineData("/api/locate?lat=50.9413&lon=200", "lon")]
    [InlineData("/api/locate?lat=NaN&lon=6.9583", "lat")]
    [InlineData("/api/locate?lat=50.9413&lon=Infinity", "lon")]
    [InlineData("/api/locate?lat=1e400&lon=6.9583", "lat")]
    public async Task ABadCoordinateIsABadRequestNamingTheParameter(string url, string parameter)
    {
        var response = await api.Client.GetAsync(url, Cancel);

        await ProblemAssert.NamesParameterAsync(response, HttpStatusCode.BadRequest, "/problems/invalid-parameter", parameter);
    }

    [Fact]
    public async Task BothBadCoordinatesAreNamedAtOnce()
    {
        var response = await api.Client.GetAsync("/api/locate?lat=x&lon=y", Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest, "/problems/invalid-parameter");
        Assert.True(problem.GetProperty("errors").TryGetProperty("lat", out _));
        Assert.True(problem.GetProperty("errors").TryGetProperty("lon", out _));
    }

    [Theory]
    [InlineData(52.3702, 4.8952)] // Amsterdam
    [InlineData(51.3704, 6.1724)] // Venlo, a few kilometres from the border
    [InlineData(0, 0)]
    public async Task APointOutsideNrwIsNotFoundAndNamesTheCoordinates(double lat, double lon)
    {
        var response = await api.Client.GetAsync(FormattableString.Invariant($"/api/locate?lat={lat}&lon={lon}"), Cancel);

        var problem = await ProblemAssert.NamesParameterAsync(response, HttpStatusCode.NotFound, "/problems/outside-nrw", "lat");
        Assert.True(problem.GetProperty("errors").TryGetProperty("lon", out _));
    }
}
