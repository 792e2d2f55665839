using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Directory.Testing;

namespace Directory.Api.Tests.Page;

/// <summary>
/// The texts of the public pages in every language, and the API's problem texts in English: no key missing, no
/// placeholder lost in a translation, and each request answered in the language it asks for.
/// </summary>
public sealed partial class LanguageTests(ReadOnlyApiFixture api) : IClassFixture<ReadOnlyApiFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    private static readonly string WebRoot = Path.Combine(RepositoryPaths.Root, "Directory.Web", "wwwroot");

    public static TheoryData<string> Languages => new("en", "tr", "ar", "uk");

    // CLDR's plural categories: a language may need forms German does not ("few" in Ukrainian, "two" in Arabic).
    private static readonly string[] PluralForms = ["zero", "one", "two", "few", "many", "other"];

    private static Dictionary<string, string> Texts(string language) =>
        JsonSerializer.Deserialize<Dictionary<string, string>>(File.ReadAllText(Path.Combine(WebRoot, "i18n", $"{language}.json")))!;

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryLanguageHasEveryGermanKeyAndNoOther(string language)
    {
        var german = Texts("de");
        var texts = Texts(language);

        Assert.Empty(german.Keys.Except(texts.Keys).Order());
        // Beyond German's keys only further plural forms of a text German has in plural forms.
        var extra = texts.Keys.Except(german.Keys)
            .Where(key => !(PluralForms.Contains(key[(key.LastIndexOf('.') + 1)..]) && german.ContainsKey($"{key[..key.LastIndexOf('.')]}.other")));
        Assert.Empty(extra);
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public void EveryTranslationKeepsTheGermanPlaceholders(string language)
    {
        var german = Texts("de");
        var wrong = new List<string>();
        foreach (var (key, text) in Texts(language))
        {
            var baseKey = german.ContainsKey(key) ? key : $"{key[..key.LastIndexOf('.')]}.other";
            // A plural form may leave out {count} ("one family manager"): the other placeholders must all be there.
            var expected = Placeholders(german[baseKey]).Where(p => p != "count" || !key.EndsWith(".one", StringComparison.Ordinal) && !key.EndsWith(".zero", StringComparison.Ordinal) && !key.EndsWith(".two", StringComparison.Ordinal)).ToHashSet();
            var found = Placeholders(text);
            if (!expected.IsSubsetOf(found) || !found.IsSubsetOf(Placeholders(german[baseKey])))
            {
                wrong.Add($"{key}: {{{string.Join("}, {", found)}}} for German {{{string.Join("}, {", Placeholders(german[baseKey]))}}}");
            }
        }

        Assert.Empty(wrong);
    }

    [Fact]
    public void EveryKeyTheTemplatesAndScriptsUseIsInGerman()
    {
        var german = Texts("de");
        var used = new List<string>();
        foreach (var file in System.IO.Directory.EnumerateFiles(WebRoot, "*.html"))
        {
            used.AddRange(TemplateKey().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Value));
        }

        foreach (var file in System.IO.Directory.EnumerateFiles(Path.Combine(WebRoot, "js"), "*.js"))
        {
            var script = File.ReadAllText(file);
            used.AddRange(ScriptKey().Matches(script).Select(m => m.Groups[1].Value == "tn" ? $"{m.Groups[2].Value}.other" : m.Groups[2].Value));
        }

        Assert.True(used.Count > 200, $"only {used.Count} keys found: the patterns no longer match the sources");
        Assert.Empty(used.Distinct().Where(key => !german.ContainsKey(key)).Order());
    }

    [Fact]
    public void EveryProblemTextOfTheApiIsInEnglish()
    {
        static Dictionary<string, string> Read(string file) => XDocument.Load(Path.Combine(RepositoryPaths.Root, "Directory.Api", "Texts", file))
            .Root!.Elements("data").ToDictionary(d => (string)d.Attribute("name")!, d => (string)d.Element("value")!);
        var german = Read("ApiTexts.resx");
        var english = Read("ApiTexts.en.resx");
        // German on purpose: the method notes, the CSV's header and the attributions are data descriptions that go
        // with the German data; the OGC catalogue's titles; the staff area is German.
        string[] germanOnlyPrefixes = ["Ogc", "Upload", "Staff", "Report", "Export"];
        string[] germanOnly = ["CoverageMethod", "CoverageCsvHeader", "CoverageCsvHeaderMinutes", "DistanceMethod", "PopulationAttribution", "PlanningMethod",
            "HistoryMethod", "TravelMethod", "PlanningTravelMethod", "RoadAttribution"];
        string[] ogcProblems = ["OgcUnknownParameter", "OgcFormatInvalid", "OgcIntegerInvalid", "OgcBboxInvalid", "OgcCrsInvalid", "OgcSortByInvalid", "OgcCollectionNotFound", "OgcFeatureNotFound"];

        var needed = german.Keys.Where(key => ogcProblems.Contains(key)
            || !germanOnly.Contains(key) && !germanOnlyPrefixes.Any(p => key.StartsWith(p, StringComparison.Ordinal)));
        Assert.Empty(needed.Where(key => !english.ContainsKey(key)).Order());
        Assert.DoesNotContain(english.Keys, key => !german.ContainsKey(key));
        Assert.Empty(english.Where(e => FormatItems(e.Value) != FormatItems(german[e.Key])).Select(e => e.Key));
    }

    [Fact]
    public async Task AcceptLanguageEnglishGivesEnglishProblemTextsWithTheSameType()
    {
        const string bad = "/api/managers/nearby?lat=100&lon=7";
        var germanProblem = await ProblemAssert.IsProblemAsync(await api.Client.GetAsync(bad, Cancel), HttpStatusCode.BadRequest);
        using var request = new HttpRequestMessage(HttpMethod.Get, bad);
        request.Headers.AcceptLanguage.ParseAdd("en-GB,en;q=0.9,de;q=0.5");
        var response = await api.Client.SendAsync(request, Cancel);
        var englishProblem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.BadRequest);

        Assert.Equal("Ungültige Anfrage", germanProblem.GetProperty("title").GetString());
        Assert.Equal("Invalid request", englishProblem.GetProperty("title").GetString());
        Assert.StartsWith("At least one parameter", englishProblem.GetProperty("detail").GetString());
        Assert.Equal("The latitude must lie between -90 and 90 degrees; given: 100.",
            englishProblem.GetProperty("errors").GetProperty("lat")[0].GetString());
        Assert.Equal(germanProblem.GetProperty("type").GetString(), englishProblem.GetProperty("type").GetString());
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Theory]
    [InlineData("/nirgends", "Not found")]
    [InlineData("/api/regions/05999999", "Region not found")]
    public async Task FrameworkAndNotFoundProblemsFollowAcceptLanguageToo(string path, string title)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.AcceptLanguage.ParseAdd("en");
        var problem = await ProblemAssert.IsProblemAsync(await api.Client.SendAsync(request, Cancel), HttpStatusCode.NotFound);

        Assert.Equal(title, problem.GetProperty("title").GetString());
    }

    [Fact]
    public async Task ALanguageNeitherGermanNorEnglishGetsGermanProblems()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/nirgends");
        request.Headers.AcceptLanguage.ParseAdd("tr");
        var problem = await ProblemAssert.IsProblemAsync(await api.Client.SendAsync(request, Cancel), HttpStatusCode.NotFound);

        Assert.Equal("Nicht gefunden", problem.GetProperty("title").GetString());
    }

    [Theory]
    [InlineData("/?sprache=de", null, "de", "ltr")]
    [InlineData("/?sprache=en", null, "en", "ltr")]
    [InlineData("/abdeckung?sprache=tr", null, "tr", "ltr")]
    [InlineData("/familienmanagerin?sprache=ar", null, "ar", "rtl")]
    [InlineData("/barrierefreiheit?sprache=uk", null, "uk", "ltr")]
    [InlineData("/", "uk-UA,uk;q=0.9,en;q=0.5", "uk", "ltr")]
    [InlineData("/", "fr-FR,fr;q=0.9,ar;q=0.8,en;q=0.7", "ar", "rtl")]
    [InlineData("/", "fr-FR", "de", "ltr")]
    [InlineData("/?sprache=en", "tr", "en", "ltr")] // the choice on the page outranks the browser
    [InlineData("/?sprache=xx", "en", "en", "ltr")] // an unknown choice is no choice
    [InlineData("/abdeckung/steckbrief?gebiet=05966&sprache=en", null, "de", "ltr")] // untranslated: German
    public async Task EachPageIsAnsweredInTheLanguageAskedFor(string path, string? acceptLanguage, string lang, string dir)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (acceptLanguage is not null)
        {
            request.Headers.AcceptLanguage.ParseAdd(acceptLanguage);
        }

        var response = await api.Client.SendAsync(request, Cancel);
        var html = await response.Content.ReadAsStringAsync(Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains($"<html lang=\"{lang}\" dir=\"{dir}\">", html);
        Assert.Equal(lang, Assert.Single(response.Content.Headers.ContentLanguage));
        Assert.Contains("Accept-Language", response.Headers.Vary);
        Assert.DoesNotContain("{{", html);
    }

    [Theory]
    [InlineData("/")]
    [InlineData("/abdeckung")]
    [InlineData("/familienmanagerin")]
    [InlineData("/barrierefreiheit")]
    [InlineData("/leichte-sprache")]
    [InlineData("/api.html")]
    public async Task EveryPageHasTheLanguageSwitchAndLeichteSprache(string path)
    {
        var html = await api.Client.GetStringAsync(path, Cancel);

        var links = SwitchLink().Matches(html).Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(["de", "en", "tr", "ar", "uk"], links);
        Assert.Contains("<a href=\"leichte-sprache\" hreflang=\"de\" lang=\"de\"", html);
        Assert.Contains("lang=\"ar\" dir=\"rtl\"", html); // "العربية" is read as Arabic, right to left
    }

    [Fact]
    public async Task AChosenLanguageIsKeptInThePagesLinks()
    {
        var chosen = await api.Client.GetStringAsync("/?sprache=tr", Cancel);
        var byBrowser = await api.Client.GetStringAsync("/", Cancel);

        Assert.Contains("<a href=\"abdeckung?sprache=tr\">Kapsama</a>", chosen);
        Assert.Contains("<a href=\"familienmanagerin?sprache=tr\">Aile yöneticisi ne yapar?</a>", chosen);
        Assert.Contains("<a href=\"abdeckung\">Abdeckung</a>", byBrowser);
    }

    [Fact]
    public async Task TheEnglishStartPageHasNoGermanInterfaceText()
    {
        var html = await api.Client.GetStringAsync("/?sprache=en", Cancel);

        foreach (var phrase in GermanPhrases)
        {
            Assert.DoesNotContain(phrase, html);
        }

        Assert.Contains("Family managers near you", html);
    }

    /// <summary>Phrases of the German interface that an English page must not show (names and sources aside).</summary>
    public static readonly string[] GermanPhrases =
        ["Umkreis", "Suchen", "Ergebnisse", "Gemeinde auswählen", "Familienmanager:innen", "Karte", "entfernt", "Route planen", "Datenquellen", "Erklärung zur Barrierefreiheit", "Zur Suche"];

    private static HashSet<string> Placeholders(string text) => Placeholder().Matches(text).Select(m => m.Groups[1].Value).ToHashSet();

    private static string FormatItems(string text) => string.Join(",", FormatItem().Matches(text).Select(m => m.Value).Order());

    [GeneratedRegex(@"\{(\w+)\}")]
    private static partial Regex Placeholder();

    [GeneratedRegex(@"\{\d+(:[^}]*)?\}")]
    private static partial Regex FormatItem();

    [GeneratedRegex(@"\{\{([A-Za-z0-9_.\-]+)\}\}")]
    private static partial Regex TemplateKey();

    [GeneratedRegex(@"\b(tn?)\('([A-Za-z0-9_.\-]+)'")]
    private static partial Regex ScriptKey();

    [GeneratedRegex("data-language=\"(\\w+)\"")]
    private static partial Regex SwitchLink();
}
