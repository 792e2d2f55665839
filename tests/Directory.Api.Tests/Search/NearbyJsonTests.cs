using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using Directory.Api.Search;
using Directory.Core.Managers;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using NetTopologySuite.Geometries;

namespace Directory.Api.Tests.Search;

/// <summary>
/// The search answer is written by hand (<see cref="NearbyAnswer"/>) in the shape of <see cref="NearbyResponse"/>:
/// every answer must be byte for byte what the serialiser writes for that record with the service's own options, and
/// each manager in it what <c>/api/managers/{id}</c>, written by the serialiser, says of them.
/// </summary>
public sealed class NearbyJsonTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    // Reading the answer into the record and writing the record again gives the serialiser's bytes for it: a property
    // missing, extra, renamed, misplaced or written differently (a number's form, a text's escaping) shows as a difference.
    private static async Task<NearbyResponse?> AssertSerialiserBytesAsync(HttpClient client, JsonSerializerOptions options, string query,
        bool mayBeOutsideNrw = false)
    {
        using var response = await client.GetAsync("/api/managers/nearby?" + query, Cancel);
        if (mayBeOutsideNrw && response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        Assert.True(response.IsSuccessStatusCode, $"{query}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync(Cancel)}");
        Assert.Equal("application/json; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        var written = await response.Content.ReadAsStringAsync(Cancel);
        var record = JsonSerializer.Deserialize<NearbyResponse>(written, options)!;
        Assert.Equal(JsonSerializer.Serialize(record, options), written);
        return record;
    }

    private static JsonSerializerOptions OptionsOf(DirectoryApiFactory factory) =>
        factory.Services.GetRequiredService<IOptions<JsonOptions>>().Value.SerializerOptions;

    [Fact]
    public async Task AnswersForEveryGemeindeAndRandomPositionsAreTheSerialisersBytes()
    {
        // The first start imports the geography and the demo list; the request limit is off for the 600 searches.
        await using var factory = new DirectoryApiFactory().With("Security:PermitsPerMinute", "0");
        using var client = factory.CreateClient();
        var options = OptionsOf(factory);
        var gemeinden = (await client.GetFromJsonAsync<JsonElement>("/api/regions?level=gemeinde", Cancel))
            .EnumerateArray().Select(r => r.GetProperty("name").GetString()!).ToList();
        Assert.Equal(396, gemeinden.Count);
        var queries = gemeinden.Select((name, i) => $"place={Uri.EscapeDataString(name)}&limit={1 + i % 100}").ToList();
        var random = new Random(20261126);
        for (var i = 0; i < 200; i++)
        {
            // Over NRW's bounds and a little beyond them: positions outside NRW are not found (404) and left out.
            var lat = 50.3 + random.NextDouble() * 1.8;
            var lon = 5.85 + random.NextDouble() * 3.65;
            queries.Add(string.Create(CultureInfo.InvariantCulture, $"lat={lat:0.######}&lon={lon:0.######}&radiusKm={0.5 + random.NextDouble() * 60:0.###}&limit={1 + random.Next(100)}"));
        }

        var answered = 0;
        var managers = 0;
        var withoutManager = 0;
        foreach (var query in queries)
        {
            if (await AssertSerialiserBytesAsync(client, options, query, mayBeOutsideNrw: query.StartsWith("lat=", StringComparison.Ordinal)) is { } record)
            {
                answered++;
                managers += record.Results.Count;
                withoutManager += record.Gemeinde.CoveredBy is null ? 1 : 0;
            }
        }

        // The answers include Gemeinden with and without a manager, and many entries.
        Assert.True(answered > 500, $"{answered} answers");
        Assert.True(managers > 3_000, $"{managers} entries");
        Assert.InRange(withoutManager, 1, answered - 1);
    }

    [Fact]
    public async Task TextsThatNeedEscapingAndMissingFieldsAreWrittenAsTheSerialiserWritesThem()
    {
        await using var factory = await DirectoryApiFactory.WithGeographyAsync();
        var point = new GeometryFactory(new PrecisionModel(), Core.Geo.Crs.Etrs89Utm32N).CreatePoint(new Coordinate(413_000, 5_654_000));
        await using (var write = DirectoryDatabase.CreateContext(factory.Database))
        {
            write.FamilyManagers.AddRange(
                new FamilyManager
                {
                    Title = "Prof. Dr.", FirstName = "Zoë \"Zo\" \\ Ärger", Surname = "O'Brien <b>&amp;</b>", AreaKey = "05966024",
                    Organisation = "Stadt Olpe – Familie & Jugend\t(Büro 2)", Street = "Franziskanerstraße 6\u2028Eingang B", Postcode = "57462",
                    Town = "Olpe 👪", Email = "zoe+familie@olpe.example", Phone = "02761 83-0 / 1\u0001", Website = "https://olpe.example/?a=1&b=<2>",
                    Status = ManagerStatus.Active, PublicationConsent = true, LocationSource = LocationSource.Coordinates, Location = point,
                },
                new FamilyManager
                {
                    FirstName = "Ohne", Surname = "Angaben", AreaKey = "05966", Status = ManagerStatus.Active, PublicationConsent = true,
                    LocationSource = LocationSource.Area, Location = point.Factory.CreatePoint(new Coordinate(414_000, 5_655_000)),
                });
            await write.SaveChangesAsync(Cancel);
        }

        using var client = factory.CreateClient();
        var options = OptionsOf(factory);
        var record = (await AssertSerialiserBytesAsync(client, options, "lat=51.03&lon=7.85&radiusKm=10&limit=100"))!;

        Assert.Contains(record.Results, r => r.Manager.Name == "Prof. Dr. Zoë \"Zo\" \\ Ärger O'Brien <b>&amp;</b>" && r.Manager.Area.Level == "gemeinde");
        Assert.Contains(record.Results, r => r.Manager.Organisation is null && r.Manager.Contact.Email is null && r.Manager.Area.Level == "kreis");
        var written = await client.GetFromJsonAsync<JsonElement>("/api/managers/nearby?lat=51.03&lon=7.85&radiusKm=10&limit=100", Cancel);
        foreach (var result in written.GetProperty("results").EnumerateArray())
        {
            var manager = result.GetProperty("manager");
            var byId = await client.GetStringAsync($"/api/managers/{manager.GetProperty("id").GetInt32()}", Cancel);
            Assert.Equal(byId, manager.GetRawText());
        }
    }
}
