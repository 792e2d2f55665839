using System.Net.Http.Json;
using System.Text.Json;

namespace Directory.Api.Tests.Health;

public sealed class HealthEndpointsTests(ReadOnlyApiFixture api) : IClassFixture<ReadOnlyApiFixture>
{
    [Fact]
    public async Task HealthSaysOkAndHowManyMunicipalitiesAreServed()
    {
        var health = await api.Client.GetFromJsonAsync<JsonElement>("/api/health", TestContext.Current.CancellationToken);

        Assert.Equal("ok", health.GetProperty("status").GetString());
        Assert.Equal(396, health.GetProperty("municipalities").GetInt32());
    }

    [Fact]
    public async Task PingAnswersPlainText()
    {
        var response = await api.Client.GetAsync("/api/ping", TestContext.Current.CancellationToken);

        Assert.Equal("text/plain", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("pong", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken));
    }
}
