using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Directory.Testing;

namespace Directory.Api.Tests.Managers;

/// <summary>A first start loads the demo list; the public API shows exactly its public entries and nothing else.</summary>
public sealed class ManagersEndpointsTests : IAsyncLifetime
{
    private DirectoryApiFactory factory = null!;

    public async ValueTask InitializeAsync()
    {
        factory = new DirectoryApiFactory();
        await Task.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    /// <summary>The seed file's rows, read here with a plain split: it has no quoted fields.</summary>
    private static List<Dictionary<string, string>> SeedRows()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "seeds", "familienmanager-demo.csv"), Encoding.GetEncoding(1252));
        var header = lines[0].Split(';');
        return lines.Skip(1).Select(l => header.Zip(l.Split(';')).ToDictionary(p => p.First, p => p.Second)).ToList();
    }

    [Fact]
    public async Task OnlyEntriesWithConsentAndActiveStatusArePublic()
    {
        var rows = SeedRows();
        var publicRows = rows.Where(r => r["Veröffentlichen"] == "ja" && r["Status"] == "aktiv").ToList();
        var hidden = rows.Except(publicRows).ToList();
        Assert.NotEmpty(hidden);

        var response = await factory.CreateClient().GetStringAsync("/api/managers", TestContext.Current.CancellationToken);
        var managers = JsonDocument.Parse(response).RootElement.EnumerateArray().ToList();

        Assert.Equal(publicRows.Count, managers.Count);
        foreach (var row in hidden)
        {
            // A hidden entry must not appear at all. Its e-mail identifies it (names repeat in the demo list).
            Assert.DoesNotContain(row["E-Mail"], response);
        }
    }

    [Fact]
    public async Task EachEntrySaysWhetherFamiliesMayTurnToItAsTheListSaysAndTheSearchSaysTheSame()
    {
        var expected = SeedRows().Where(r => r["Veröffentlichen"] == "ja" && r["Status"] == "aktiv")
            .ToDictionary(r => r["E-Mail"], r => r["Ansprechpartner für Familien"] switch { "ja" => (bool?)true, "nein" => false, _ => null });
        Assert.Contains(expected.Values, v => v is true);
        Assert.Contains(expected.Values, v => v is false);
        Assert.Contains(expected.Values, v => v is null);
        var client = factory.CreateClient();

        var managers = await client.GetFromJsonAsync<JsonElement>("/api/managers", TestContext.Current.CancellationToken);
        var nearby = await client.GetFromJsonAsync<JsonElement>("/api/managers/nearby?place=Olpe&radiusKm=50&limit=100", TestContext.Current.CancellationToken);

        static bool? FamilyContact(JsonElement manager) => manager.GetProperty("familyContact").ValueKind switch
        {
            JsonValueKind.True => true,
            JsonValueKind.False => false,
            JsonValueKind.Null => null,
            var other => throw new InvalidOperationException($"familyContact is {other}"),
        };
        var byId = managers.EnumerateArray().ToDictionary(m => m.GetProperty("id").GetInt32(), FamilyContact);
        Assert.All(managers.EnumerateArray(), m => Assert.Equal(expected[m.GetProperty("contact").GetProperty("email").GetString()!], FamilyContact(m)));
        var results = nearby.GetProperty("results").EnumerateArray().Select(r => r.GetProperty("manager")).ToList();
        Assert.NotEmpty(results);
        Assert.All(results, m => Assert.Equal(byId[m.GetProperty("id").GetInt32()], FamilyContact(m)));
    }

    [Fact]
    public async Task PublicEntriesCarryNoInternalFields()
    {
        var response = await factory.CreateClient().GetStringAsync("/api/managers", TestContext.Current.CancellationToken);

        foreach (var internalField in new[] { "zertifikat", "certificate", "consent", "veroeffentlich", "status", "FM-20" })
        {
            Assert.DoesNotContain(internalField, response, StringComparison.OrdinalIgnoreCase);
        }
    }

    [Fact]
    public async Task AManagerWithCoordinatesIsWhereTheListSays()
    {
        var row = SeedRows().First(r => r["Veröffentlichen"] == "ja" && r["Status"] == "aktiv" && r["Breitengrad"] != "");
        var managers = await factory.CreateClient().GetFromJsonAsync<JsonElement[]>("/api/managers", TestContext.Current.CancellationToken);

        var manager = managers!.Single(m => m.GetProperty("contact").GetProperty("email").GetString() == row["E-Mail"]);
        var location = manager.GetProperty("location");
        Assert.Equal(double.Parse(row["Breitengrad"].Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture), location.GetProperty("lat").GetDouble(), 1e-6);
        Assert.Equal(double.Parse(row["Längengrad"].Replace(',', '.'), System.Globalization.CultureInfo.InvariantCulture), location.GetProperty("lon").GetDouble(), 1e-6);
        Assert.False(location.GetProperty("approximate").GetBoolean());
        Assert.Equal(row["AGS"], manager.GetProperty("area").GetProperty("key").GetString());
    }
}
