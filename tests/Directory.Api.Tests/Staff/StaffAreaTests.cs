using System.Net;
using System.Text;
using System.Text.Json;
using Directory.Core.Managers.Lists;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Api.Tests.Staff;

/// <summary>Sign-in, one-time password, lock-out, upload → preview → apply or discard, history, export, edit, CSRF.</summary>
public sealed class StaffAreaTests : IAsyncLifetime
{
    private static readonly string ValidList = Path.Combine(RepositoryPaths.Root, "tests", "TestData", "lists", "utf8-bom-semicolon-wgs84.csv");
    private static readonly string ListWithErrors = Path.Combine(RepositoryPaths.Root, "tests", "TestData", "lists", "problems.csv");

    private DirectoryApiFactory factory = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => factory = await DirectoryApiFactory.WithGeographyAsync();

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [Fact]
    public async Task OneTimePasswordOpensOnlyThePasswordPageUntilReplaced()
    {
        var oneTime = await StaffBrowser.AddAccountAsync(factory, "anna");
        var browser = StaffBrowser.For(factory);

        var signIn = await browser.SignInAsync("anna", oneTime);
        Assert.Equal(HttpStatusCode.Redirect, signIn.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Client.GetAsync("/verwaltung", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Client.GetAsync("/api/admin/export?format=csv", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/verwaltung/passwort", Cancel)).StatusCode);

        var tooShort = await browser.PostFormAsync("/verwaltung/passwort", new()
        {
            ["CurrentPassword"] = oneTime, ["NewPassword"] = "kurz", ["RepeatPassword"] = "kurz",
        });
        Assert.Equal(HttpStatusCode.BadRequest, tooShort.StatusCode);
        Assert.Contains("mindestens 12 Zeichen", await tooShort.Content.ReadAsStringAsync(Cancel));

        var changed = await browser.PostFormAsync("/verwaltung/passwort", new()
        {
            ["CurrentPassword"] = oneTime, ["NewPassword"] = StaffBrowser.OwnPassword, ["RepeatPassword"] = StaffBrowser.OwnPassword,
        });
        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/verwaltung", Cancel)).StatusCode);

        // The one-time password is gone: a new browser signs in with the own password only.
        var other = StaffBrowser.For(factory);
        Assert.Equal(HttpStatusCode.Unauthorized, (await other.SignInAsync("anna", oneTime)).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await other.SignInAsync("anna", StaffBrowser.OwnPassword)).StatusCode);
    }

    [Fact]
    public async Task FiveWrongPasswordsLockTheAccountEvenAgainstTheRightOne()
    {
        var password = await StaffBrowser.AddAccountAsync(factory, "bernd");
        var browser = StaffBrowser.For(factory);
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var failed = await browser.SignInAsync("bernd", "falsch-" + attempt);
            Assert.Equal(HttpStatusCode.Unauthorized, failed.StatusCode);
            var page = await failed.Content.ReadAsStringAsync(Cancel);
            Assert.Contains(attempt < 5 ? "Kontoname oder Passwort stimmen nicht" : "gesperrt", page);
        }

        var right = await browser.SignInAsync("bernd", password);
        Assert.Equal(HttpStatusCode.Unauthorized, right.StatusCode);
        Assert.Contains("gesperrt", await right.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/verwaltung", Cancel)).StatusCode);

        // An unknown name gets the same answer as a wrong password: the page does not tell which accounts exist.
        var unknown = await browser.SignInAsync("niemand", "egal-egal-egal");
        Assert.Contains("Kontoname oder Passwort stimmen nicht", await unknown.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task ListWithErrorsIsReportedPerRowAndCannotBeApplied()
    {
        var browser = await StaffBrowser.SignedInAsync(factory, "carla");
        var upload = await browser.UploadAsync("problems.csv", await File.ReadAllBytesAsync(ListWithErrors, Cancel));
        Assert.Equal(HttpStatusCode.Redirect, upload.StatusCode);
        var preview = await browser.TextAsync(upload.Headers.Location!.OriginalString);

        // The same German problems as the CLI's report, row and column included.
        Assert.Contains("„4711“ ist keine gültige Postleitzahl (5 Ziffern).", preview);
        Assert.Contains("<td>2</td><td>PLZ</td>", preview);
        Assert.Contains("Meinten Sie „Münster“?", preview);
        Assert.DoesNotContain("id=\"uebernehmen\"", preview);
        Assert.Contains("id=\"nicht-uebernehmbar\"", preview);

        // Forcing the apply anyway changes nothing.
        var id = upload.Headers.Location!.OriginalString.Split('/').Last();
        var forced = await browser.PostFormAsync($"/verwaltung/vorschau/{id}?handler=Apply", [], $"/verwaltung/vorschau/{id}");
        Assert.Equal(HttpStatusCode.Conflict, forced.StatusCode);
        Assert.Equal(0, await CountAsync(db => db.FamilyManagers.CountAsync()));
        Assert.Equal(0, await CountAsync(db => db.ImportHistory.CountAsync()));
    }

    [Fact]
    public async Task PreviewThenApplyWritesTheListRecordsWhoAndServesItAtOnce()
    {
        var browser = await StaffBrowser.SignedInAsync(factory, "dora");
        var upload = await browser.UploadAsync("Zertifikate 2026.csv", await File.ReadAllBytesAsync(ValidList, Cancel));
        var previewPath = upload.Headers.Location!.OriginalString;
        var preview = await browser.TextAsync(previewPath);
        Assert.Contains("Vorschau: Zertifikate 2026.csv", preview);
        Assert.Contains("Neu (3)", preview);
        Assert.Contains("Jürgen Beispiel (K-001, 05966024)", preview);
        Assert.Contains("id=\"uebernehmen\"", preview);
        Assert.Equal(0, await CountAsync(db => db.FamilyManagers.CountAsync()));

        var applied = await browser.PostFormAsync(previewPath + "?handler=Apply", [], previewPath);
        Assert.Equal(HttpStatusCode.Redirect, applied.StatusCode);
        Assert.Equal(3, await CountAsync(db => db.FamilyManagers.CountAsync()));

        // Public at once, without waiting for the refresher: K-001 only (K-002 has no consent, K-003 is inactive).
        var managers = JsonDocument.Parse(await factory.CreateClient().GetStringAsync("/api/managers", Cancel)).RootElement;
        Assert.Equal(["Jürgen Beispiel"], managers.EnumerateArray().Select(m => m.GetProperty("name").GetString()!).ToArray());

        // History names the account; the stored report downloads as JSON and HTML.
        var history = JsonDocument.Parse(await browser.TextAsync("/api/admin/history")).RootElement;
        var entry = history.EnumerateArray().Single();
        Assert.Equal("dora", entry.GetProperty("importedBy").GetString());
        Assert.Equal("Zertifikate 2026.csv", entry.GetProperty("fileName").GetString());
        Assert.Equal(3, entry.GetProperty("added").GetInt32());
        var id = entry.GetProperty("id").GetInt32();
        var report = JsonDocument.Parse(await browser.TextAsync($"/api/admin/history/{id}/report?format=json")).RootElement;
        Assert.Equal("applied", report.GetProperty("result").GetString());
        Assert.Equal(3, report.GetProperty("rowsAccepted").GetInt32());
        var html = await browser.Client.GetAsync($"/api/admin/history/{id}/report?format=html", Cancel);
        Assert.Equal("text/html", html.Content.Headers.ContentType?.MediaType);
        Assert.Contains("Jürgen Beispiel (K-001, 05966024)", await html.Content.ReadAsStringAsync(Cancel));
        Assert.Contains("dora", await browser.TextAsync("/verwaltung/verlauf"));

        // The preview is used up: a second apply (double click) changes nothing.
        var again = await browser.Client.GetAsync(previewPath, Cancel);
        Assert.Equal(HttpStatusCode.NotFound, again.StatusCode);
        Assert.Equal(1, await CountAsync(db => db.ImportHistory.CountAsync()));
    }

    [Fact]
    public async Task DiscardDropsTheUploadAndLeavesTheDirectory()
    {
        var browser = await StaffBrowser.SignedInAsync(factory, "emil");
        var upload = await browser.UploadAsync("liste.csv", await File.ReadAllBytesAsync(ValidList, Cancel));
        var previewPath = upload.Headers.Location!.OriginalString;
        var discarded = await browser.PostFormAsync(previewPath + "?handler=Discard", [], previewPath);
        Assert.Equal(HttpStatusCode.Redirect, discarded.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await browser.Client.GetAsync(previewPath, Cancel)).StatusCode);
        Assert.Equal(0, await CountAsync(db => db.FamilyManagers.CountAsync()));
        Assert.Equal(0, await CountAsync(db => db.StagedLists.CountAsync()));
    }

    [Fact]
    public async Task ApplyIsRefusedWhenTheDirectoryChangedSinceThePreview()
    {
        var browser = await StaffBrowser.SignedInAsync(factory, "frieda");
        var upload = await browser.UploadAsync("liste.csv", await File.ReadAllBytesAsync(ValidList, Cancel));
        var previewPath = upload.Headers.Location!.OriginalString;

        // Meanwhile the CLI imports another list into the same database.
        await using (var db = DirectoryDatabase.CreateContext(factory.Database))
        {
            var geography = await Core.Snapshot.GeographySnapshot.LoadAsync(db, CancellationToken.None);
            var other = await ListImporter.ImportAsync(db, geography, Path.Combine(RepositoryPaths.Root, "tests", "TestData", "lists", "tab-utm.csv"),
                new ListImportOptions(), CancellationToken.None);
            Assert.Equal(ListImportResult.Applied, other.Result);
        }

        var before = await CountAsync(db => db.FamilyManagers.CountAsync());
        var applied = await browser.PostFormAsync(previewPath + "?handler=Apply", [], previewPath);
        Assert.Equal(HttpStatusCode.Conflict, applied.StatusCode);
        Assert.Contains("seit der Vorschau geändert", await applied.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(before, await CountAsync(db => db.FamilyManagers.CountAsync()));
    }

    [Theory]
    [InlineData("liste.txt", "keine Liste in einem erlaubten Format")]
    [InlineData("liste.exe", "keine Liste in einem erlaubten Format")]
    [InlineData("liste.xlsx", "keine gültige Excel-Datei")]
    public async Task UploadsOfOtherTypesAreRefusedWithAGermanReason(string name, string expected)
    {
        var browser = await StaffBrowser.SignedInAsync(factory, "gustav");
        var response = await browser.UploadAsync(name, Encoding.UTF8.GetBytes("Nachname;Vorname\nA;B\n"));
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(0, await CountAsync(db => db.StagedLists.CountAsync()));
    }

    [Fact]
    public async Task UploadLargerThanTheConfiguredLimitIsRefused()
    {
        await using var small = await DirectoryApiFactory.WithGeographyAsync();
        small.With("Security:MaxUploadMegabytes", "1");
        var browser = await StaffBrowser.SignedInAsync(small, "hanna");
        var content = new byte[1536 * 1024];
        Array.Fill(content, (byte)'a');
        var response = await browser.UploadAsync("gross.csv", content);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("1,5 MB groß; erlaubt sind höchstens 1 MB", await response.Content.ReadAsStringAsync(Cancel));
    }

    [Fact]
    public async Task FormsWithoutOrWithAForeignAntiforgeryTokenAreRefused()
    {
        var browser = await StaffBrowser.SignedInAsync(factory, "ida");
        var form = new MultipartFormDataContent
        {
            { new StringContent("false"), "Merge" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(ValidList, Cancel)), "Upload", "liste.csv" },
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.PostAsync("/verwaltung/hochladen", form, Cancel)).StatusCode);

        // A token from another session (what a forged page could carry) is refused too.
        var attacker = StaffBrowser.For(factory);
        var foreignToken = await attacker.TokenAsync("/verwaltung/anmelden");
        var forged = new MultipartFormDataContent
        {
            { new StringContent(foreignToken), "__RequestVerificationToken" },
            { new StringContent("false"), "Merge" },
            { new ByteArrayContent(await File.ReadAllBytesAsync(ValidList, Cancel)), "Upload", "liste.csv" },
        };
        Assert.Equal(HttpStatusCode.BadRequest, (await browser.Client.PostAsync("/verwaltung/hochladen", forged, Cancel)).StatusCode);
        Assert.Equal(0, await CountAsync(db => db.StagedLists.CountAsync()));
    }

    [Fact]
    public async Task ExportContainsNonPublicEntries()
    {
        var browser = await StaffBrowser.SignedInAsync(factory, "jana");
        var previewPath = (await browser.UploadAsync("liste.csv", await File.ReadAllBytesAsync(ValidList, Cancel))).Headers.Location!.OriginalString;
        await browser.PostFormAsync(previewPath + "?handler=Apply", [], previewPath);

        var csv = await browser.Client.GetAsync("/api/admin/export?format=csv", Cancel);
        Assert.Equal(HttpStatusCode.OK, csv.StatusCode);
        Assert.Equal("attachment", csv.Content.Headers.ContentDisposition?.DispositionType);
        var text = await csv.Content.ReadAsStringAsync(Cancel);
        Assert.Contains("kaethe.muster@koeln.example", text);
        Assert.Contains("K-003", text);
        var geoJson = JsonDocument.Parse(await browser.TextAsync("/api/admin/export?format=geojson")).RootElement;
        Assert.Equal(3, geoJson.GetProperty("features").GetArrayLength());
        var xlsx = await browser.Client.GetAsync("/api/admin/export?format=xlsx", Cancel);
        Assert.Equal("PK"u8.ToArray(), (await xlsx.Content.ReadAsByteArrayAsync(Cancel))[..2]);
        await ProblemAssert.NamesParameterAsync(await browser.Client.GetAsync("/api/admin/export?format=pdf", Cancel),
            HttpStatusCode.BadRequest, "/problems/invalid-parameter", "format");
    }

    [Fact]
    public async Task EditingConsentHidesTheEntryAtOnceAndIsRecorded()
    {
        var browser = await StaffBrowser.SignedInAsync(factory, "karl");
        var previewPath = (await browser.UploadAsync("liste.csv", await File.ReadAllBytesAsync(ValidList, Cancel))).Headers.Location!.OriginalString;
        await browser.PostFormAsync(previewPath + "?handler=Apply", [], previewPath);
        var id = await CountAsync(db => db.FamilyManagers.Where(m => m.CertificateNumber == "K-001").Select(m => m.Id).SingleAsync());
        var path = $"/verwaltung/eintraege/{id}";
        Assert.Contains("Jürgen", await browser.TextAsync("/verwaltung/eintraege?q=beisp"));

        var invalid = await browser.PostFormAsync(path, Fields(consent: true, email: "juergen(at)olpe"));
        Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
        Assert.Contains("„juergen(at)olpe“ ist keine gültige E-Mail-Adresse.", await invalid.Content.ReadAsStringAsync(Cancel));
        Assert.Equal("juergen.beispiel@olpe.example", await CountAsync(db => db.FamilyManagers.Where(m => m.Id == id).Select(m => m.Email).SingleAsync()));

        var saved = await browser.PostFormAsync(path, Fields(consent: false, email: "j.beispiel@olpe.example"));
        Assert.Equal(HttpStatusCode.OK, saved.StatusCode);
        Assert.Contains("Gespeichert: E-Mail, Veröffentlichen", await saved.Content.ReadAsStringAsync(Cancel));
        var publicList = await factory.CreateClient().GetStringAsync("/api/managers", Cancel);
        Assert.Equal("[]", publicList);
        var history = JsonDocument.Parse(await browser.TextAsync("/api/admin/history")).RootElement.EnumerateArray().First();
        Assert.Equal("edit", history.GetProperty("mode").GetString());
        Assert.Equal("Bearbeitung", history.GetProperty("modeText").GetString());
        Assert.StartsWith("Eintrag bearbeitet: ", history.GetProperty("subject").GetString());
        Assert.Equal("karl", history.GetProperty("importedBy").GetString());
    }

    [Fact]
    public async Task StaffSetWhetherFamiliesMayTurnToThePersonAndTheSearchAndExportSayIt()
    {
        var browser = await StaffBrowser.SignedInAsync(factory, "karl");
        var previewPath = (await browser.UploadAsync("liste.csv", await File.ReadAllBytesAsync(ValidList, Cancel))).Headers.Location!.OriginalString;
        await browser.PostFormAsync(previewPath + "?handler=Apply", [], previewPath);
        var id = await CountAsync(db => db.FamilyManagers.Where(m => m.CertificateNumber == "K-001").Select(m => m.Id).SingleAsync());
        var path = $"/verwaltung/eintraege/{id}";
        var form = await browser.TextAsync(path);
        Assert.Contains("<option value=\"\" selected=\"selected\">keine Angabe</option>", form);

        var fields = Fields(consent: true, email: "juergen.beispiel@olpe.example");
        fields["Edit.FamilyContact"] = "false";
        var saved = await browser.PostFormAsync(path, fields);

        Assert.Contains("Gespeichert: Ansprechpartner für Familien", await saved.Content.ReadAsStringAsync(Cancel));
        var entry = JsonDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/managers/{id}", Cancel)).RootElement;
        Assert.Equal(JsonValueKind.False, entry.GetProperty("familyContact").ValueKind);
        var export = await browser.TextAsync("/api/admin/export?format=csv");
        Assert.Contains(";Ansprechpartner für Familien;", export.Split('\n')[0]);
        Assert.Contains(";ja;nein;", export.Split('\n').Single(l => l.StartsWith("K-001;", StringComparison.Ordinal)));

        fields["Edit.FamilyContact"] = "";
        await browser.PostFormAsync(path, fields);
        entry = JsonDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/managers/{id}", Cancel)).RootElement;
        Assert.Equal(JsonValueKind.Null, entry.GetProperty("familyContact").ValueKind);
    }

    [Fact]
    public async Task AnEditAndGeprueftMarkTheEntryCheckedTodayAndThePublicSeesTheDay()
    {
        var browser = await StaffBrowser.SignedInAsync(factory, "karl");
        var previewPath = (await browser.UploadAsync("liste.csv", await File.ReadAllBytesAsync(ValidList, Cancel))).Headers.Location!.OriginalString;
        await browser.PostFormAsync(previewPath + "?handler=Apply", [], previewPath);
        var id = await CountAsync(db => db.FamilyManagers.Where(m => m.CertificateNumber == "K-001").Select(m => m.Id).SingleAsync());
        var today = DateOnly.FromDateTime(DateTime.Now);
        await using (var scope = factory.Services.CreateAsyncScope())
        {
            // As if imported long ago.
            var db = scope.ServiceProvider.GetRequiredService<DirectoryDbContext>();
            await db.FamilyManagers.ExecuteUpdateAsync(s => s.SetProperty(m => m.LastCheckedOn, new DateOnly(2024, 5, 1)), Cancel);
        }

        var overview = await browser.TextAsync("/verwaltung");
        Assert.Contains("Einträge sind länger als 12 Monate nicht geprüft worden.", overview);
        Assert.Contains("Zuletzt geprüft am 01.05.2024", overview);

        var path = $"/verwaltung/eintraege/{id}";
        var marked = await browser.PostFormAsync(path + "?handler=Checked", [], path);
        Assert.Equal(HttpStatusCode.Redirect, marked.StatusCode);
        Assert.Equal(today, await CountAsync(db => db.FamilyManagers.Where(m => m.Id == id).Select(m => m.LastCheckedOn).SingleAsync()));
        var entry = JsonDocument.Parse(await factory.CreateClient().GetStringAsync($"/api/managers/{id}", Cancel)).RootElement;
        Assert.Equal(today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), entry.GetProperty("lastChecked").GetString());
        var history = JsonDocument.Parse(await browser.TextAsync("/api/admin/history")).RootElement.EnumerateArray().First();
        Assert.Equal(("checked", "karl"), (history.GetProperty("mode").GetString(), history.GetProperty("importedBy").GetString()));

        // An edit of another entry checks it too.
        var other = await CountAsync(db => db.FamilyManagers.Where(m => m.Id != id).Select(m => m.Id).FirstAsync());
        var otherPath = $"/verwaltung/eintraege/{other}";
        var form = await browser.TextAsync(otherPath);
        var fields = Fields(consent: true, email: "neu@olpe.example");
        Assert.Equal(HttpStatusCode.OK, (await browser.PostFormAsync(otherPath, fields)).StatusCode);
        Assert.Equal(today, await CountAsync(db => db.FamilyManagers.Where(m => m.Id == other).Select(m => m.LastCheckedOn).SingleAsync()));
        Assert.Contains("Zuletzt geprüft am 01.05.2024", form);
    }

    private static Dictionary<string, string> Fields(bool consent, string email)
    {
        var fields = new Dictionary<string, string>
        {
            ["Edit.Status"] = "Active",
            ["Edit.Organisation"] = "Stadt Olpe, Jugendamt",
            ["Edit.Street"] = "Franziskanerstraße 6",
            ["Edit.Postcode"] = "57462",
            ["Edit.Town"] = "Olpe",
            ["Edit.Email"] = email,
            ["Edit.Phone"] = "02761 83-0",
            ["Edit.Website"] = "https://www.olpe.example",
        };
        if (consent)
        {
            fields["Edit.PublicationConsent"] = "true";
        }

        return fields;
    }

    private async Task<T> CountAsync<T>(Func<DirectoryDbContext, Task<T>> query)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DirectoryDbContext>());
    }
}

/// <summary>What the service logs while staff work: account names, never passwords or family managers' data.</summary>
public sealed class StaffLoggingTests
{
    [Fact]
    public async Task LogsNameAccountsButNoPasswordsAndNoPersonalDataOfTheList()
    {
        await using var factory = await DirectoryApiFactory.WithGeographyAsync();
        var oneTime = await StaffBrowser.AddAccountAsync(factory, "lena");
        var browser = StaffBrowser.For(factory);
        // A password typed into the name field, as happens.
        await browser.SignInAsync("Geheim-Passwort-im-Namensfeld", "x");
        await browser.SignInAsync("lena", oneTime);
        await browser.PostFormAsync("/verwaltung/passwort", new()
        {
            ["CurrentPassword"] = oneTime, ["NewPassword"] = StaffBrowser.OwnPassword, ["RepeatPassword"] = StaffBrowser.OwnPassword,
        });
        var list = Path.Combine(RepositoryPaths.Root, "tests", "TestData", "lists", "utf8-bom-semicolon-wgs84.csv");
        var previewPath = (await browser.UploadAsync("liste.csv", await File.ReadAllBytesAsync(list, TestContext.Current.CancellationToken))).Headers.Location!.OriginalString;
        await browser.PostFormAsync(previewPath + "?handler=Apply", [], previewPath);
        await browser.TextAsync("/api/admin/export?format=csv");
        await factory.CreateClient().GetStringAsync("/api/managers/nearby?plz=57462", TestContext.Current.CancellationToken);

        var logs = string.Join("\n", factory.Logs);
        Assert.Contains("lena", logs);
        foreach (var secret in new[] { oneTime, StaffBrowser.OwnPassword, "Geheim-Passwort-im-Namensfeld", "Jürgen", "Beispiel", "juergen.beispiel@olpe.example", "Käthe", "02761 83-0" })
        {
            Assert.DoesNotContain(secret, logs);
        }
    }
}
