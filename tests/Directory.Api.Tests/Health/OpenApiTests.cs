using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Directory.Api.Tests.Health;

/// <summary>The project's own API is fully and validly described by its OpenAPI document.</summary>
public sealed class OpenApiTests(ReadOnlyApiFixture api) : IClassFixture<ReadOnlyApiFixture>
{
    private async Task<string> DocumentAsync() =>
        await api.Client.GetStringAsync("/openapi/v1.json", TestContext.Current.CancellationToken);

    [Fact]
    public async Task TheDocumentIsValidOpenApi3()
    {
        var result = OpenApiDocument.Parse(await DocumentAsync(), "json");

        Assert.NotNull(result.Document);
        Assert.Empty(result.Diagnostic!.Errors);
        Assert.StartsWith("3.", result.Diagnostic.SpecificationVersion switch
        {
            OpenApiSpecVersion.OpenApi3_0 => "3.0",
            OpenApiSpecVersion.OpenApi3_1 => "3.1",
            var other => other.ToString(),
        });
    }

    [Fact]
    public async Task EveryMappedApiEndpointIsInTheDocument()
    {
        var paths = JsonDocument.Parse(await DocumentAsync()).RootElement.GetProperty("paths");
        // The staff area's /api/admin is not part of the public API and stays out of its document.
        var endpoints = api.Factory.Services.GetRequiredService<EndpointDataSource>().Endpoints.OfType<RouteEndpoint>()
            .Where(e => e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/", StringComparison.Ordinal) == true
                && e.RoutePattern.RawText?.TrimStart('/').StartsWith("api/admin", StringComparison.Ordinal) != true)
            .ToList();
        Assert.DoesNotContain(paths.EnumerateObject(), p => p.Name.StartsWith("/api/admin", StringComparison.Ordinal));

        Assert.True(endpoints.Count >= 14, $"{endpoints.Count} endpoints");
        foreach (var endpoint in endpoints)
        {
            var path = "/" + endpoint.RoutePattern.RawText!.TrimStart('/').TrimEnd('/');
            Assert.True(paths.TryGetProperty(path, out var item), $"{path} is not in the OpenAPI document");
            foreach (var method in endpoint.Metadata.GetMetadata<HttpMethodMetadata>()!.HttpMethods)
            {
                Assert.True(item.TryGetProperty(method.ToLowerInvariant(), out _), $"{method} {path} is not in the OpenAPI document");
            }
        }
    }

    [Fact]
    public async Task EveryParameterIsDescribedAndEveryOperationSummarised()
    {
        var paths = JsonDocument.Parse(await DocumentAsync()).RootElement.GetProperty("paths");

        foreach (var path in paths.EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                Assert.True(operation.Value.TryGetProperty("summary", out _), $"{operation.Name} {path.Name} has no summary");
                if (operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    foreach (var parameter in parameters.EnumerateArray())
                    {
                        Assert.True(parameter.TryGetProperty("description", out var description) && description.GetString()!.Length > 10,
                            $"{path.Name}: parameter {parameter.GetProperty("name")} has no description");
                    }
                }
            }
        }
    }

    [Fact]
    public async Task NumericParametersHaveTheirRangesAndEveryKnownParameterAnExample()
    {
        var nearby = JsonDocument.Parse(await DocumentAsync()).RootElement.GetProperty("paths").GetProperty("/api/managers/nearby")
            .GetProperty("get").GetProperty("parameters").EnumerateArray().ToDictionary(p => p.GetProperty("name").GetString()!);

        var radius = nearby["radiusKm"].GetProperty("schema");
        Assert.Equal("number", radius.GetProperty("type").GetString());
        Assert.Equal(200, radius.GetProperty("maximum").GetDouble());
        Assert.Equal(-90, nearby["lat"].GetProperty("schema").GetProperty("minimum").GetDouble());
        Assert.Equal("integer", nearby["limit"].GetProperty("schema").GetProperty("type").GetString());
        Assert.All(nearby.Values, p => Assert.True(p.TryGetProperty("example", out _), p.GetProperty("name").GetString()));
        Assert.Equal("^[0-9]{5}$", nearby["plz"].GetProperty("schema").GetProperty("pattern").GetString());
    }

    [Fact]
    public async Task ConfiguredLimitsAreWhatTheHandlersCheckAndTheDocumentDeclares()
    {
        await using var factory = (await DirectoryApiFactory.WithGeographyAsync())
            .With("Limits:SearchResults", "5").With("Limits:CoverageRadiusKm", "30").With("Limits:PlaceTextLength", "20");
        var client = factory.CreateClient();
        var cancel = TestContext.Current.CancellationToken;
        var paths = JsonDocument.Parse(await client.GetStringAsync("/openapi/v1.json", cancel)).RootElement.GetProperty("paths");
        JsonElement Schema(string path, string name) => paths.GetProperty(path).GetProperty("get").GetProperty("parameters").EnumerateArray()
            .Single(p => p.GetProperty("name").GetString() == name).GetProperty("schema");

        Assert.Equal(5, Schema("/api/managers/nearby", "limit").GetProperty("maximum").GetInt32());
        Assert.Equal(30, Schema("/api/coverage", "radiusKm").GetProperty("maximum").GetInt32());
        Assert.Equal("integer", Schema("/api/coverage", "radiusKm").GetProperty("type").GetString());
        Assert.Equal(20, Schema("/api/places", "q").GetProperty("maxLength").GetInt32());
        Assert.Equal(System.Net.HttpStatusCode.OK, (await client.GetAsync("/api/managers/nearby?place=Olpe&limit=5", cancel)).StatusCode);
        await ProblemAssert.NamesParameterAsync(await client.GetAsync("/api/managers/nearby?place=Olpe&limit=6", cancel),
            System.Net.HttpStatusCode.BadRequest, "/problems/invalid-parameter", "limit");
        await ProblemAssert.NamesParameterAsync(await client.GetAsync("/api/coverage?radiusKm=31", cancel),
            System.Net.HttpStatusCode.BadRequest, "/problems/invalid-parameter", "radiusKm");
        await ProblemAssert.NamesParameterAsync(await client.GetAsync("/api/places?q=" + new string('a', 21), cancel),
            System.Net.HttpStatusCode.BadRequest, "/problems/invalid-parameter", "q");
    }

    [Fact]
    public async Task ALimitOutOfItsRangeStopsTheStartWithItsName()
    {
        await using var factory = (await DirectoryApiFactory.WithGeographyAsync()).With("Limits:OgcItems", "0");
        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("OgcItems", failure.ToString());
    }
}
