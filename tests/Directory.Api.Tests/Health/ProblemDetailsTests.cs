using System.Net;

namespace Directory.Api.Tests.Health;

/// <summary>Responses the framework makes are problem documents with German titles too.</summary>
public sealed class ProblemDetailsTests(ReadOnlyApiFixture api) : IClassFixture<ReadOnlyApiFixture>
{
    [Fact]
    public async Task AnUnknownApiPathIsAProblemDocument()
    {
        var response = await api.Client.GetAsync("/api/does-not-exist", TestContext.Current.CancellationToken);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound);
        Assert.Equal("Nicht gefunden", problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task AWrongMethodIsAProblemDocument()
    {
        var response = await api.Client.PostAsync("/api/health", null, TestContext.Current.CancellationToken);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.MethodNotAllowed);
    }
}
