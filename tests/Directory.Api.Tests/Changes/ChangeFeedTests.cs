using System.Globalization;
using System.Net;
using System.Text;
using System.Xml.Linq;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Api.Tests.Changes;

/// <summary>The Atom feed of public changes: valid Atom, newest first, only what the public could see, per area.</summary>
public sealed class ChangeFeedTests : IAsyncLifetime
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private DirectoryApiFactory factory = null!;
    private TemporaryDirectory folder = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        folder = new TemporaryDirectory();
        factory = await DirectoryApiFactory.WithGeographyAsync();
        factory.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        await factory.DisposeAsync();
        folder.Dispose();
    }

    private async Task<ListImportReport> ImportAsync(string csv, ListImportMode mode)
    {
        var path = folder.File($"liste-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(path, csv, Encoding.UTF8, Cancel);
        await using var db = DirectoryDatabase.CreateContext(factory.Database);
        var report = await ListImporter.ImportAsync(db, await GeographySnapshot.LoadAsync(db, Cancel), path, new ListImportOptions(mode), Cancel);
        Assert.Equal(ListImportResult.Applied, report.Result);
        // Served at once, as the staff area does, not at the refresher's next tick.
        factory.Services.GetRequiredService<SnapshotProvider>().Publish(await factory.Services.GetRequiredService<SnapshotLoader>().LoadAsync(db, Cancel));
        return report;
    }

    private const string Header = "Zertifikatsnummer;Nachname;Vorname;AGS;Organisation;Telefon;Status;Veröffentlichen\n";

    private async Task<XDocument> FeedAsync(string query = "")
    {
        var response = await factory.CreateClient().GetAsync("/api/changes.atom" + query, Cancel);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/atom+xml", response.Content.Headers.ContentType?.MediaType);
        var feed = XDocument.Parse(await response.Content.ReadAsStringAsync(Cancel));
        AssertValidAtom(feed);
        return feed;
    }

    // RFC 4287: the feed has one id, title, updated and an author (or every entry has one); each entry one id, title
    // and updated; ids are IRIs, dates RFC 3339; a self link; the entries' ids are unique.
    private static void AssertValidAtom(XDocument feed)
    {
        var root = feed.Root!;
        Assert.Equal(Atom + "feed", root.Name);
        foreach (var name in new[] { "id", "title", "updated" })
        {
            Assert.Single(root.Elements(Atom + name));
        }

        Assert.Single(root.Elements(Atom + "author").Elements(Atom + "name"));
        Assert.Single(root.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "self");
        Assert.True(Uri.IsWellFormedUriString(root.Element(Atom + "id")!.Value, UriKind.Absolute));
        var ids = new HashSet<string>();
        foreach (var entry in root.Elements(Atom + "entry"))
        {
            Assert.True(ids.Add(Assert.Single(entry.Elements(Atom + "id")).Value));
            Assert.Single(entry.Elements(Atom + "title"));
            Assert.True(DateTime.TryParseExact(Assert.Single(entry.Elements(Atom + "updated")).Value, "yyyy-MM-dd'T'HH:mm:ss'Z'",
                CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal, out _));
            Assert.Single(entry.Elements(Atom + "link"), l => (string?)l.Attribute("rel") == "alternate");
        }
    }

    private static List<string> Titles(XDocument feed) => feed.Root!.Elements(Atom + "entry").Select(e => e.Element(Atom + "title")!.Value).ToList();

    [Fact]
    public async Task TheFeedSaysWhatThePublicSawChangeNewestFirstAndNothingOfHiddenEntries()
    {
        Assert.Empty(Titles(await FeedAsync()));
        await ImportAsync(Header
            + "A-1;Beispiel;Anna;05966024;Stadt Olpe;02761 1;aktiv;ja\n"
            + "A-2;Muster;Bernd;05966;Kreis Olpe;02761 2;aktiv;ja\n"
            + "A-3;Geheim;Gisela;05966024;Stadt Olpe;02761 3;aktiv;nein\n"
            + "A-4;Koeln;Karla;05315000;Stadt Köln;0221 4;aktiv;ja\n", ListImportMode.Replace);
        // Anna's phone changes; Bernd withdraws consent; Gisela (hidden) changes her phone; Clara is new; Karla's
        // certificate date alone changes nothing public.
        await ImportAsync(Header
            + "A-1;Beispiel;Anna;05966024;Stadt Olpe;02761 99;aktiv;ja\n"
            + "A-2;Muster;Bernd;05966;Kreis Olpe;02761 2;aktiv;nein\n"
            + "A-3;Geheim;Gisela;05966024;Stadt Olpe;02761 33;aktiv;nein\n"
            + "A-4;Koeln;Karla;05315000;Stadt Köln;0221 4;aktiv;ja\n"
            + "A-5;Neu;Clara;05966004;Gemeinde Attendorn;02722 5;aktiv;ja\n", ListImportMode.Replace);

        var feed = await FeedAsync();
        var titles = Titles(feed);

        // Newest first: the second import's three changes, then the first import's additions of the entries still
        // public. Bernd withdrew his consent: his removal names no one, and his earlier addition is gone from the feed.
        Assert.Equal(5, titles.Count);
        Assert.Equal(["Geändert: Anna Beispiel (Olpe)", "Neu: Clara Neu (Attendorn)", "Nicht mehr im Verzeichnis: ein Eintrag (Kreis Olpe)"],
            titles.Take(3).Order(StringComparer.Ordinal));
        Assert.Equal(["Neu: Anna Beispiel (Olpe)", "Neu: Karla Koeln (Köln)"], titles.Skip(3).Order(StringComparer.Ordinal));
        var xml = feed.ToString();
        Assert.DoesNotContain("Geheim", xml);
        Assert.DoesNotContain("Gisela", xml);
        Assert.DoesNotContain("Bernd", xml);
        Assert.DoesNotContain("Muster", xml);
        Assert.DoesNotContain("A-1", xml);
        var changed = feed.Root!.Elements(Atom + "entry").Single(e => e.Element(Atom + "title")!.Value.StartsWith("Geändert", StringComparison.Ordinal));
        Assert.Equal("Geändert: Telefon.", changed.Element(Atom + "summary")!.Value);
        Assert.Matches(@"/eintrag\?id=\d+$", changed.Element(Atom + "link")!.Attribute("href")!.Value);

        // Per area: a Gemeinde's feed has its own and its Kreis's entries, a Kreis's everything within it.
        Assert.Equal(["Neu: Karla Koeln (Köln)"], Titles(await FeedAsync("?kreis=05315")));
        var attendorn = Titles(await FeedAsync("?gemeinde=05966004"));
        Assert.Contains("Neu: Clara Neu (Attendorn)", attendorn);
        Assert.Contains("Nicht mehr im Verzeichnis: ein Eintrag (Kreis Olpe)", attendorn);
        Assert.DoesNotContain(attendorn, t => t.Contains("Anna", StringComparison.Ordinal));
        Assert.Equal(4, Titles(await FeedAsync("?kreis=05966")).Count);
    }

    [Fact]
    public async Task AFirstImportOfManyIsOneEntry()
    {
        var rows = string.Concat(Enumerable.Range(1, PublicChanges.MaxPerImport + 1).Select(i => $"B-{i};Person{i};Vorname;05966024;Stadt Olpe;;aktiv;ja\n"));
        await ImportAsync(Header + rows, ListImportMode.Replace);

        var feed = await FeedAsync();

        var entry = Assert.Single(feed.Root!.Elements(Atom + "entry"));
        Assert.Equal("Große Aktualisierung", entry.Element(Atom + "title")!.Value);
        Assert.Equal($"Viele Einträge auf einmal: {PublicChanges.MaxPerImport + 1} neu, 0 geändert, 0 nicht mehr im Verzeichnis.", entry.Element(Atom + "summary")!.Value);
    }

    [Theory]
    [InlineData("?kreis=05966024", "kreis")]
    [InlineData("?kreis=99999", "kreis")]
    [InlineData("?gemeinde=05966", "gemeinde")]
    [InlineData("?kreis=05966&gemeinde=05966024", "gemeinde")]
    public async Task ABadAreaIsAProblemNamingIt(string query, string parameter)
    {
        var response = await factory.CreateClient().GetAsync("/api/changes.atom" + query, Cancel);

        await ProblemAssert.NamesParameterAsync(response, HttpStatusCode.BadRequest, "/problems/invalid-parameter", parameter);
    }

    [Fact]
    public async Task ControlCharactersOfAPastedListAreReplacedNamedPerRowAndTheFeedStillAnswers()
    {
        // A vertical tab (Word's line break, "_x000B_" in an xlsx cell) and a SOH: before issue 32 they were stored and
        // the feed answered 500 (XmlWriter refuses them).
        var report = await ImportAsync(Header + "A-1;Beispiel\u0001;Anna;05966024;Stadt\vOlpe;02761 1;aktiv;ja\n", ListImportMode.Replace);

        Assert.Equal(2, report.Problems.Count(p => p.Severity == ProblemSeverity.Warning && p.Row == 2 && p.Message.Contains("Steuerzeichen", StringComparison.Ordinal)));
        Assert.Contains(report.Problems, p => p.Column == "Organisation" && p.Row == 2);
        await using (var db = DirectoryDatabase.CreateContext(factory.Database))
        {
            var stored = await db.FamilyManagers.SingleAsync(Cancel);
            Assert.Equal("Beispiel", stored.Surname);
            Assert.Equal("Stadt Olpe", stored.Organisation);
            // Text stored before the import cleaned it (an older version, another tool): the feed must not fail on it.
            db.PublicChanges.Add(new PublicChange { ChangedAtUtc = DateTime.UtcNow, Kind = PublicChangeKinds.Added, ManagerId = stored.Id, Name = "Alt\u000BName\u0001", AreaKey = "05966024" });
            await db.SaveChangesAsync(Cancel);
        }

        var feed = await FeedAsync();
        Assert.Contains("Neu: Alt\uFFFDName\uFFFD (Olpe)", Titles(feed));
    }

    [Fact]
    public async Task LinksComeFromThePublicBaseUrlNotFromTheHostHeader()
    {
        await using var configured = (await DirectoryApiFactory.WithGeographyAsync()).With("Security:PublicBaseUrl", "https://familienmanager.example.nrw");
        var client = configured.CreateClient();
        foreach (var path in new[] { "/api/changes.atom", "/hsds" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Host = "angreifer.example";
            var body = await (await client.SendAsync(request, Cancel)).Content.ReadAsStringAsync(Cancel);

            Assert.Contains("https://familienmanager.example.nrw/", body);
            Assert.DoesNotContain("angreifer", body);
        }
    }

    [Fact]
    public async Task TheFeedSpeaksTheReadersLanguage()
    {
        // Issue 33: its texts come from the resources, German by default, English when asked.
        await ImportAsync(Header + "A-1;Beispiel;Anna;05966024;Stadt Olpe;02761 1;aktiv;ja\n", ListImportMode.Replace);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/changes.atom");
        request.Headers.AcceptLanguage.ParseAdd("en");
        var feed = XDocument.Parse(await (await factory.CreateClient().SendAsync(request, Cancel)).Content.ReadAsStringAsync(Cancel));

        Assert.Equal("en", (string?)feed.Root!.Attribute(XNamespace.Xml + "lang"));
        Assert.Equal("Familienmanager NRW – changes", feed.Root.Element(Atom + "title")!.Value);
        Assert.Equal(["New: Anna Beispiel (Olpe)"], Titles(feed));
        Assert.Equal("de", (string?)(await FeedAsync()).Root!.Attribute(XNamespace.Xml + "lang"));
    }

    [Fact]
    public async Task ThePageAndTheHsdsRootLinkTheFeed()
    {
        var page = await factory.CreateClient().GetStringAsync("/", Cancel);
        var root = await factory.CreateClient().GetStringAsync("/hsds", Cancel);

        Assert.Contains("<link rel=\"alternate\" type=\"application/atom+xml\"", page);
        Assert.Contains("/api/changes.atom\"", root);
    }
}
