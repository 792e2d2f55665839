using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Directory.Testing;

namespace Directory.Api.Tests.Coverage;

/// <summary>
/// Issue 21 on the seeded service (the demo list, certified 2016–2025): children in coverage, coverage at a date, the
/// history per year and the planning suggestions, with the expected figures worked out here from the demo list file.
/// </summary>
public sealed class PlanningAndHistoryTests(SeededApiFixture api) : IClassFixture<SeededApiFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private Task<JsonElement> GetAsync(string url) => api.Client.GetFromJsonAsync<JsonElement>(url, Cancel);

    /// <summary>The demo list's active entries (published or not) with their certification date and area.</summary>
    private static List<(DateOnly Certified, string Area)> ActiveDemoEntries()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var lines = File.ReadAllLines(Path.Combine(RepositoryPaths.Root, "seeds", "familienmanager-demo.csv"), Encoding.GetEncoding(1252));
        var header = lines[0].Split(';');
        int Column(string name) => Array.IndexOf(header, name);
        return lines.Skip(1).Select(l => l.Split(';'))
            .Where(f => f[Column("Status")] == "aktiv")
            .Select(f => (Certified(DateOnly.ParseExact(f[Column("Zertifiziert am")], "dd.MM.yyyy", CultureInfo.InvariantCulture), f[Column("Veröffentlichen")]), f[Column("AGS")]))
            .ToList();

        // Issue 32: a hidden entry counts for dates from the 1st of January after its certification (its day stays unknown).
        static DateOnly Certified(DateOnly day, string published) => published == "nein" ? new DateOnly(day.Year + 1, 1, 1) : day;
    }

    [Fact]
    public async Task CoverageCountsChildrenAndTheirReach()
    {
        var total = (await GetAsync("/api/coverage?level=land&radiusKm=10")).GetProperty("total");

        var children = total.GetProperty("children").GetInt64();
        var within = total.GetProperty("childrenWithinReach").GetInt64();
        // data/README.md: 13.9 % of the grid's residents are under 15; scaled to the GV100 total about 2.5 million.
        Assert.InRange(children, 2_470_000, 2_550_000);
        Assert.InRange(within, 1, children);
        Assert.Equal(Math.Round((double)within / children, 4), total.GetProperty("shareChildrenWithinReach").GetDouble(), 3);
    }

    [Fact]
    public async Task TheCsvHasTheChildrenColumns()
    {
        var text = await api.Client.GetStringAsync("/api/coverage?level=kreis&format=csv", Cancel);

        var lines = text.TrimStart('\uFEFF').Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.EndsWith(";Kinder unter 15;Kinder im Umkreis;Anteil Kinder im Umkreis", lines[0]);
        Assert.All(lines, l => Assert.Equal(18, l.Split(';').Length));
    }

    [Theory]
    [InlineData("2015-12-31")]
    [InlineData("2018-12-31")]
    [InlineData("2022-06-30")]
    public async Task ADateCountsTheEntriesCertifiedByThen(string date)
    {
        var day = DateOnly.ParseExact(date, "yyyy-MM-dd", CultureInfo.InvariantCulture);
        var expected = ActiveDemoEntries().Count(e => e.Certified <= day);

        var answer = await GetAsync($"/api/coverage?level=land&radiusKm=10&date={date}");

        Assert.Equal(date, answer.GetProperty("date").GetString());
        Assert.Equal(expected, answer.GetProperty("total").GetProperty("managers").GetInt32());
        if (expected == 0)
        {
            Assert.Equal(0, answer.GetProperty("total").GetProperty("shareWithinReach").GetDouble());
        }
    }

    [Fact]
    public async Task TheHistoryGrowsYearByYearToToday()
    {
        var entries = ActiveDemoEntries();
        var answer = await GetAsync("/api/coverage/history?radiusKm=10");

        var years = answer.GetProperty("regions").EnumerateArray().Single().GetProperty("years").EnumerateArray().ToList();
        var today = DateOnly.FromDateTime(DateTime.Now);
        Assert.Equal(Enumerable.Range(entries.Min(e => e.Certified).Year, today.Year - entries.Min(e => e.Certified).Year + 1),
            years.Select(y => y.GetProperty("year").GetInt32()));
        foreach (var year in years)
        {
            var day = DateOnly.ParseExact(year.GetProperty("date").GetString()!, "yyyy-MM-dd", CultureInfo.InvariantCulture);
            Assert.Equal(entries.Count(e => e.Certified <= day), year.GetProperty("entries").GetInt32());
        }

        var shares = years.Select(y => y.GetProperty("shareWithinReach").GetDouble()).ToList();
        Assert.Equal(shares.Order(), shares);
        var now = (await GetAsync("/api/coverage?level=land&radiusKm=10")).GetProperty("total");
        Assert.Equal(now.GetProperty("shareWithinReach").GetDouble(), shares[^1]);
        Assert.Equal(now.GetProperty("shareChildrenWithinReach").GetDouble(), years[^1].GetProperty("shareChildrenWithinReach").GetDouble());
    }

    [Fact]
    public async Task TheHistoryOfTheKreiseOfARegierungsbezirkListsEach()
    {
        var answer = await GetAsync("/api/coverage/history?level=kreis&within=059&radiusKm=10");

        var regions = answer.GetProperty("regions").EnumerateArray().ToList();
        Assert.Equal(12, regions.Count); // Regierungsbezirk Arnsberg: 7 Kreise and 5 kreisfreie Städte
        Assert.All(regions, r => Assert.StartsWith("059", r.GetProperty("key").GetString()));
    }

    [Fact]
    public async Task SuggestionsBringPeopleWithinReachOneAfterAnother()
    {
        var answer = await GetAsync("/api/planning/suggestions?radiusKm=10&count=3");

        var suggestions = answer.GetProperty("suggestions").EnumerateArray().ToList();
        Assert.Equal(3, suggestions.Count);
        var before = answer.GetProperty("withinReachBefore").GetInt64();
        var coverage = (await GetAsync("/api/coverage?level=land&radiusKm=10")).GetProperty("total");
        Assert.InRange(before, coverage.GetProperty("residentsWithinReach").GetInt64() - 1, coverage.GetProperty("residentsWithinReach").GetInt64() + 1);
        Assert.Equal(18_034_454, answer.GetProperty("people").GetInt64());
        var added = suggestions.Select(s => s.GetProperty("newlyWithinReach").GetInt64()).ToList();
        Assert.Equal(added.OrderDescending(), added);
        Assert.All(added, a => Assert.True(a > 0));
        Assert.InRange(suggestions[^1].GetProperty("withinReachAfter").GetInt64(), before + added.Sum() - 2, before + added.Sum() + 2); // each rounded
        Assert.Equal(Enumerable.Range(1, 3), suggestions.Select(s => s.GetProperty("rank").GetInt32()));
        Assert.Contains("Zensus 2022", answer.GetProperty("attribution").GetString());
    }

    [Fact]
    public async Task SuggestionsWithinAKreisLieInItAndCountItsChildren()
    {
        var answer = await GetAsync("/api/planning/suggestions?radiusKm=5&count=2&within=05958&target=children");

        Assert.Equal("children", answer.GetProperty("target").GetString());
        var kreis = (await GetAsync("/api/coverage?level=kreis&within=05958&radiusKm=5")).GetProperty("total");
        Assert.InRange(answer.GetProperty("people").GetInt64() - kreis.GetProperty("children").GetInt64(), -1, 1);
        Assert.InRange(answer.GetProperty("withinReachBefore").GetInt64() - kreis.GetProperty("childrenWithinReach").GetInt64(), -1, 1);
        foreach (var suggestion in answer.GetProperty("suggestions").EnumerateArray())
        {
            Assert.StartsWith("05958", suggestion.GetProperty("municipality").GetProperty("key").GetString());
            // The Hochsauerlandkreis lies between 51.1° and 51.6° N, 7.9° and 8.8° E.
            Assert.InRange(suggestion.GetProperty("lat").GetDouble(), 51.0, 51.7);
            Assert.InRange(suggestion.GetProperty("lon").GetDouble(), 7.8, 8.9);
        }
    }

    [Fact]
    public async Task AnEarlierDateLeavesMoreToGain()
    {
        var then = await GetAsync("/api/planning/suggestions?radiusKm=10&count=1&date=2017-12-31");
        var now = await GetAsync("/api/planning/suggestions?radiusKm=10&count=1");

        Assert.True(then.GetProperty("withinReachBefore").GetInt64() < now.GetProperty("withinReachBefore").GetInt64());
        Assert.Equal("2017-12-31", then.GetProperty("date").GetString());
    }

    [Theory]
    [InlineData("/api/planning/suggestions?count=0", "count", HttpStatusCode.BadRequest)]
    [InlineData("/api/planning/suggestions?count=21", "count", HttpStatusCode.BadRequest)]
    [InlineData("/api/planning/suggestions?count=drei", "count", HttpStatusCode.BadRequest)]
    [InlineData("/api/planning/suggestions?target=adults", "target", HttpStatusCode.BadRequest)]
    [InlineData("/api/planning/suggestions?within=05999", "within", HttpStatusCode.NotFound)]
    [InlineData("/api/planning/suggestions?within=5", "within", HttpStatusCode.BadRequest)]
    [InlineData("/api/planning/suggestions?date=2999-01-01", "date", HttpStatusCode.BadRequest)]
    [InlineData("/api/planning/suggestions?date=1999-12-31", "date", HttpStatusCode.BadRequest)]
    [InlineData("/api/planning/suggestions?radiusKm=2.5", "radiusKm", HttpStatusCode.BadRequest)]
    [InlineData("/api/planning/suggestions?radiusKm=26", "radiusKm", HttpStatusCode.BadRequest)]
    [InlineData("/api/coverage?date=31.12.2020", "date", HttpStatusCode.BadRequest)]
    [InlineData("/api/coverage?date=2020-02-30", "date", HttpStatusCode.BadRequest)]
    [InlineData("/api/coverage?date=2999-01-01", "date", HttpStatusCode.BadRequest)]
    [InlineData("/api/coverage/history?level=dorf", "level", HttpStatusCode.BadRequest)]
    [InlineData("/api/coverage/gaps?date=2020-13-01", "date", HttpStatusCode.BadRequest)]
    [InlineData("/api/coverage/history?level=kreis&within=05966024", "within", HttpStatusCode.BadRequest)]
    [InlineData("/api/coverage/history?within=05999", "within", HttpStatusCode.NotFound)]
    [InlineData("/api/coverage/history?radiusKm=-1", "radiusKm", HttpStatusCode.BadRequest)]
    public async Task BadParametersAreProblemsNamingThem(string url, string parameter, HttpStatusCode status)
    {
        var response = await api.Client.GetAsync(url, Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, status);
        Assert.True(problem.GetProperty("errors").TryGetProperty(parameter, out _), $"{url}: no error for {parameter}");
    }
}
