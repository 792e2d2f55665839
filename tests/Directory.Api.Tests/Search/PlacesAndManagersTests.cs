using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Directory.Api.Tests.Search;

public sealed class PlacesAndManagersTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("koln", "Köln")]
    [InlineData("Muen", "Münster")]
    [InlineData("olpe", "Olpe")]
    public async Task PlacesAutocompleteRanksTheExactOrLargestMatchFirst(string q, string first)
    {
        var places = await api.Client.GetFromJsonAsync<JsonElement[]>("/api/places?q=" + q, Cancel);

        Assert.Equal(first, places![0].GetProperty("label").GetString());
        Assert.Equal("gemeinde", places[0].GetProperty("kind").GetString());
    }

    [Fact]
    public async Task DigitsCompletePostcodes()
    {
        var places = await api.Client.GetFromJsonAsync<JsonElement[]>("/api/places?q=5746", Cancel);

        Assert.Contains(places!, p => p.GetProperty("plz").GetString() == "57462");
        Assert.All(places!, p => Assert.StartsWith("5746", p.GetProperty("plz").GetString()));
    }

    [Fact]
    public async Task OneCharacterSuggestsNothing()
    {
        var places = await api.Client.GetFromJsonAsync<JsonElement[]>("/api/places?q=K", Cancel);

        Assert.Empty(places!);
    }

    [Fact]
    public async Task AManagerIsFoundByIdAndAnUnknownOrHiddenOneIsNot()
    {
        var all = await api.Client.GetFromJsonAsync<JsonElement[]>("/api/managers", Cancel);
        var publicIds = all!.Select(m => m.GetProperty("id").GetInt32()).ToHashSet();
        var hiddenId = Enumerable.Range(1, publicIds.Max()).First(id => !publicIds.Contains(id));

        var found = await api.Client.GetFromJsonAsync<JsonElement>($"/api/managers/{publicIds.First()}", Cancel);
        Assert.Equal(publicIds.First(), found.GetProperty("id").GetInt32());

        await ProblemAssert.NamesParameterAsync(await api.Client.GetAsync($"/api/managers/{hiddenId}", Cancel),
            HttpStatusCode.NotFound, "/problems/manager-not-found", "id");
        await ProblemAssert.NamesParameterAsync(await api.Client.GetAsync("/api/managers/abc", Cancel),
            HttpStatusCode.BadRequest, "/problems/invalid-parameter", "id");
    }

    [Fact]
    public async Task AGemeindeListsItsOwnManagersAndThoseOfItsKreis()
    {
        var all = await api.Client.GetFromJsonAsync<JsonElement[]>("/api/managers", Cancel);
        static string Area(JsonElement m) => m.GetProperty("area").GetProperty("key").GetString()!;
        var expected = all!.Where(m => Area(m) is "05958020" or "05958").Select(m => m.GetProperty("id").GetInt32()).Order().ToList();

        var managers = await api.Client.GetFromJsonAsync<JsonElement[]>("/api/regions/05958020/managers", Cancel);

        Assert.NotEmpty(expected);
        Assert.Equal(expected, managers!.Select(m => m.GetProperty("id").GetInt32()).Order());
    }

    [Fact]
    public async Task AKreisListsEveryManagerWithinIt()
    {
        var all = await api.Client.GetFromJsonAsync<JsonElement[]>("/api/managers", Cancel);
        var expected = all!.Count(m => m.GetProperty("area").GetProperty("key").GetString()!.StartsWith("05966", StringComparison.Ordinal));

        var managers = await api.Client.GetFromJsonAsync<JsonElement[]>("/api/regions/05966/managers", Cancel);

        Assert.True(expected >= 7, "Kreis Olpe is fully covered in the demo list");
        Assert.Equal(expected, managers!.Length);
    }
}
