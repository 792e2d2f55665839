using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using Directory.Core.Managers;
using Directory.Testing;
using Json.Schema;

namespace Directory.Api.Tests.Hsds;

/// <summary>
/// The HSDS 3.0 answers: every one valid against the specification's compiled schemas, the counts those of the
/// public view, and no hidden entry anywhere.
/// </summary>
public sealed class HsdsTests : IAsyncLifetime
{
    private static readonly string Schemas = Path.Combine(RepositoryPaths.Root, "tests", "TestData", "hsds");
    private DirectoryApiFactory factory = null!;
    private List<FamilyManager> entries = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        factory = (await DirectoryApiFactory.WithGeographyAsync()).With("Security:PermitsPerMinute", "0");
        entries = await factory.ImportDemoListAsync(Cancel);
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    // The HSDS schemas carry their own keywords (name, title, constraints, core, …) beside the standard ones: allowed,
    // and ignored, as JSON Schema 2020-12 treats unknown keywords.
    private static readonly BuildOptions Build = new()
    {
        Dialect = Dialect.Draft202012.With([], Dialect.Draft202012.Id, refIgnoresSiblingKeywords: null, allowUnknownKeywords: true),
    };

    private static JsonSchema Schema(string name) => JsonSchema.FromFile(Path.Combine(Schemas, name + ".json"), Build);

    private static void AssertValid(JsonSchema schema, JsonNode? instance, string what)
    {
        var result = schema.Evaluate(JsonSerializer.SerializeToElement(instance), new EvaluationOptions { OutputFormat = OutputFormat.List });
        var errors = (result.Details ?? []).Where(d => d.Errors is { Count: > 0 }).Select(d => $"{d.InstanceLocation}: {string.Join("; ", d.Errors!.Values)}");
        Assert.True(result.IsValid, $"{what}: {string.Join(" | ", errors)}");
    }

    private async Task<JsonNode> GetAsync(string path)
    {
        var response = await factory.CreateClient().GetAsync(path, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return JsonNode.Parse(await response.Content.ReadAsStringAsync(Cancel))!;
    }

    [Fact]
    public async Task TheRootNamesVersionProfileAndTheOpenApiDocument()
    {
        var root = await GetAsync("/hsds");

        Assert.Equal("3.0", root["version"]!.GetValue<string>());
        Assert.True(Uri.IsWellFormedUriString(root["profile"]!.GetValue<string>(), UriKind.Absolute));
        Assert.EndsWith("/openapi/v1.json", root["openapi_url"]!.GetValue<string>());
    }

    [Fact]
    public async Task EveryServiceAndOrganizationIsValidAndTheCountsAreThoseOfThePublicView()
    {
        var published = entries.Where(m => m.IsPublic).ToList();
        var areas = published.Select(m => m.AreaKey).Distinct().ToList();

        var services = (await GetAsync($"/hsds/services?per_page=500"))!;
        Assert.Equal(areas.Count, services["total_items"]!.GetValue<int>());
        Assert.Equal((1, 1, true, true, false), (services["total_pages"]!.GetValue<int>(), services["page_number"]!.GetValue<int>(),
            services["first_page"]!.GetValue<bool>(), services["last_page"]!.GetValue<bool>(), services["empty"]!.GetValue<bool>()));
        var list = services["contents"]!.AsArray();
        Assert.Equal(areas.Count, list.Count);

        var serviceListSchema = Schema("service_list");
        var serviceSchema = Schema("service");
        // The validator is live: an item without its required status, or with a null where a string belongs, fails.
        var broken = list[0]!.DeepClone().AsObject();
        broken.Remove("status");
        Assert.False(serviceListSchema.Evaluate(JsonSerializer.SerializeToElement(broken)).IsValid);
        var nulled = list[0]!.DeepClone().AsObject();
        nulled["description"] = null;
        Assert.False(serviceListSchema.Evaluate(JsonSerializer.SerializeToElement(nulled)).IsValid);
        var contacts = 0;
        foreach (var item in list)
        {
            AssertValid(serviceListSchema, item, $"service list item {item!["id"]}");
            var full = await GetAsync($"/hsds/services/{item!["id"]!.GetValue<string>()}");
            AssertValid(serviceSchema, full, $"service {item["id"]}");
            contacts += full["contacts"]!.AsArray().Count;
            Assert.Equal(full["contacts"]!.AsArray().Count, full["service_at_locations"]!.AsArray().Count);
            Assert.Contains(full["service_areas"]![0]!["extent"]!.GetValue<string>(), areas);
        }

        Assert.Equal(published.Count, contacts);

        var organizations = await GetAsync("/hsds/organizations?per_page=500");
        Assert.Equal(areas.Count, organizations["total_items"]!.GetValue<int>());
        var organizationListSchema = Schema("organization_list");
        var organizationSchema = Schema("organization");
        foreach (var item in organizations["contents"]!.AsArray())
        {
            AssertValid(organizationListSchema, item, $"organization list item {item!["id"]}");
            var full = await GetAsync($"/hsds/organizations/{item!["id"]!.GetValue<string>()}");
            AssertValid(organizationSchema, full, $"organization {item["id"]}");
            var identifier = full["organization_identifiers"]![0]!["identifier"]!.GetValue<string>();
            Assert.Contains(identifier, areas);
        }
    }

    [Fact]
    public async Task NoHiddenEntryIsInAnyAnswer()
    {
        var hidden = entries.Where(m => !m.IsPublic).ToList();
        Assert.NotEmpty(hidden);
        var texts = new List<string> { (await GetAsync("/hsds/services?per_page=500")).ToJsonString(), (await GetAsync("/hsds/organizations?per_page=500")).ToJsonString() };
        foreach (var item in (await GetAsync("/hsds/services?per_page=500"))["contents"]!.AsArray())
        {
            texts.Add((await GetAsync($"/hsds/services/{item!["id"]!.GetValue<string>()}")).ToJsonString());
        }

        foreach (var item in (await GetAsync("/hsds/organizations?per_page=500"))["contents"]!.AsArray())
        {
            texts.Add((await GetAsync($"/hsds/organizations/{item!["id"]!.GetValue<string>()}")).ToJsonString());
        }

        var all = string.Join("\n", texts);
        foreach (var entry in hidden)
        {
            Assert.DoesNotContain(entry.Email!, all, StringComparison.OrdinalIgnoreCase);
        }

        // Nor any internal field.
        foreach (var internalField in new[] { "FM-20", "zertifik", "veroeffentlich" })
        {
            Assert.DoesNotContain(internalField, all, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task PagesSearchAndModifiedAfterSelect()
    {
        var all = (await GetAsync("/hsds/services?per_page=500"))["total_items"]!.GetValue<int>();
        var second = await GetAsync("/hsds/services?per_page=10&page=2");
        Assert.Equal((2, 10, false), (second["page_number"]!.GetValue<int>(), second["size"]!.GetValue<int>(), second["first_page"]!.GetValue<bool>()));
        Assert.Equal((int)Math.Ceiling(all / 10.0), second["total_pages"]!.GetValue<int>());

        var olpe = await GetAsync("/hsds/services?search=Olpe");
        var expected = entries.Where(m => m.IsPublic && ((m.Town?.Contains("Olpe", StringComparison.OrdinalIgnoreCase) ?? false)
            || (m.Organisation?.Contains("Olpe", StringComparison.OrdinalIgnoreCase) ?? false) || m.AreaKey.StartsWith("05966", StringComparison.Ordinal) && m.AreaKey is "05966024" or "05966"))
            .Select(m => m.AreaKey).Distinct().Count();
        Assert.Equal(expected, olpe["total_items"]!.GetValue<int>());

        // Every entry was checked today by the import: all are modified after yesterday, none after tomorrow.
        var yesterday = DateTime.UtcNow.Date.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var tomorrow = DateTime.UtcNow.Date.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(all, (await GetAsync($"/hsds/services?modified_after={yesterday}"))["total_items"]!.GetValue<int>());
        Assert.Equal(0, (await GetAsync($"/hsds/services?modified_after={tomorrow}T00:00:00Z"))["total_items"]!.GetValue<int>());
    }

    [Theory]
    [InlineData("/hsds/services?page=0", "page")]
    [InlineData("/hsds/services?per_page=100000", "per_page")]
    [InlineData("/hsds/services?modified_after=gestern", "modified_after")]
    [InlineData("/hsds/organizations?page=x", "page")]
    public async Task BadParametersAreProblemsNamingThem(string path, string parameter)
    {
        var response = await factory.CreateClient().GetAsync(path, Cancel);

        await ProblemAssert.NamesParameterAsync(response, HttpStatusCode.BadRequest, "/problems/invalid-parameter", parameter);
    }

    [Fact]
    public async Task AnUnknownIdIsA404Problem()
    {
        var response = await factory.CreateClient().GetAsync("/hsds/services/00000000-0000-0000-0000-000000000000", Cancel);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.NotFound, "/problems/hsds-not-found");
    }
}
