using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Directory.Api.Reports;
using Directory.Api.Tests.Staff;
using Directory.Core.Managers;
using Directory.Core.Reports;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Api.Tests.Reports;

/// <summary>"Fehler melden": what is stored, what is refused, who sees it, how it ends.</summary>
public sealed class ReportTests : IAsyncLifetime
{
    private DirectoryApiFactory factory = null!;
    private int publicId;
    private int hiddenId;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync()
    {
        // Rate limit of reports off here; The6thReportWithinAnHourIsRefused has its own service.
        factory = (await DirectoryApiFactory.WithGeographyAsync()).With("Reports:PerHour", "0");
        (publicId, hiddenId) = await SeedAsync(factory);
    }

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    /// <summary>The demo list, published at once; an entry the public sees and one it does not.</summary>
    private static async Task<(int Public, int Hidden)> SeedAsync(DirectoryApiFactory factory)
    {
        var entries = await factory.ImportDemoListAsync(Cancel);
        return (entries.First(m => m.IsPublic).Id, entries.First(m => !m.IsPublic).Id);
    }

    private static HttpRequestMessage Report(int id, object body, string? origin = null, string? fetchSite = null, string? path = null)
    {
        var request = new HttpRequestMessage(HttpMethod.Post, path ?? $"/api/managers/{id}/reports") { Content = JsonContent.Create(body) };
        if (origin is not null)
        {
            request.Headers.Add("Origin", origin);
        }

        if (fetchSite is not null)
        {
            request.Headers.Add("Sec-Fetch-Site", fetchSite);
        }

        return request;
    }

    private async Task<List<ManagerReport>> StoredAsync()
    {
        await using var db = DirectoryDatabase.CreateContext(factory.Database);
        return await db.ManagerReports.AsNoTracking().OrderBy(r => r.Id).ToListAsync(Cancel);
    }

    [Fact]
    public async Task AReportIsStoredVerbatimAndAnswered202()
    {
        const string text = "Die Telefonnummer ist seit März 02761 83-1234 – „neu“\n<b>fett</b> & Co.";
        var response = await factory.CreateClient().SendAsync(
            Report(publicId, new { kind = "contact", message = text, email = "leserin@example.org", emailConsent = true },
                origin: "http://localhost", fetchSite: "same-origin"), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var report = Assert.Single(await StoredAsync());
        Assert.Equal((publicId, "contact", text, "leserin@example.org"), (report.ManagerId, report.Kind, report.Message, report.Email));
        Assert.Null(report.DoneAtUtc);
        Assert.InRange(report.ReceivedAtUtc, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        // Never public: no public answer carries it.
        Assert.DoesNotContain("leserin@example.org", await factory.CreateClient().GetStringAsync($"/api/managers/{publicId}", Cancel));
    }

    [Fact]
    public async Task TheHoneypotIsAnsweredLikeAPersonButNothingIsStored()
    {
        var response = await factory.CreateClient().SendAsync(Report(publicId, new { kind = "other", message = "Billig kaufen", website = "http://spam.example" }), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Empty(await StoredAsync());
    }

    [Theory]
    [InlineData("http://evil.example", null)]
    [InlineData(null, "cross-site")]
    [InlineData(null, "same-site")]
    public async Task AReportFromAnotherSiteIsRefused(string? origin, string? fetchSite)
    {
        var response = await factory.CreateClient().SendAsync(Report(publicId, new { kind = "contact" }, origin, fetchSite), Cancel);

        await ProblemAssert.IsProblemAsync(response, HttpStatusCode.Forbidden, ReportEndpoints.CrossSiteType);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task AFormPostIsNotAReport()
    {
        // What a form on another site can send without the browser asking first.
        using var form = new FormUrlEncodedContent(new Dictionary<string, string> { ["kind"] = "contact" });
        var response = await factory.CreateClient().PostAsync($"/api/managers/{publicId}/reports", form, Cancel);

        var problem = await ProblemAssert.IsProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
        Assert.Equal("Format nicht unterstützt", problem.GetProperty("title").GetString());
        Assert.Empty(await StoredAsync());
    }

    public static TheoryData<string, string> BadReports => new()
    {
        { """{"kind":"falsch"}""", "kind" },
        { """{"message":"ohne Art"}""", "kind" },
        { """{"kind":"other"}""", "message" },
        { $$"""{"kind":"contact","message":"{{new string('x', 1001)}}"}""", "message" },
        { """{"kind":"contact","email":"keine-adresse"}""", "email" },
        // Characters that turn a mailto: link into more than an address (issue 32).
        { """{"kind":"contact","email":"a@b.de?cc=x@y.de","emailConsent":true}""", "email" },
        { """{"kind":"contact","email":"a&b@example.org","emailConsent":true}""", "email" },
        { """{"kind":"contact","email":"a%0Ab@example.org","emailConsent":true}""", "email" },
        { """{"kind":"contact","email":"leser@example.org"}""", "emailConsent" },
    };

    [Theory]
    [MemberData(nameof(BadReports))]
    public async Task ABadReportIsAProblemNamingTheField(string json, string field)
    {
        using var content = new StringContent(json, Encoding.UTF8, "application/json");
        var response = await factory.CreateClient().PostAsync($"/api/managers/{publicId}/reports", content, Cancel);

        await ProblemAssert.NamesParameterAsync(response, HttpStatusCode.BadRequest, "/problems/invalid-parameter", field);
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task AThousandCharactersAreAllowed()
    {
        var response = await factory.CreateClient().SendAsync(Report(publicId, new { kind = "other", message = new string('ä', 1000) }), Cancel);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
    }

    [Fact]
    public async Task AHiddenEntryCannotBeReportedAndAnswersLikeAMissingOne()
    {
        var hidden = await factory.CreateClient().SendAsync(Report(hiddenId, new { kind = "contact" }), Cancel);
        var missing = await factory.CreateClient().SendAsync(Report(999_999, new { kind = "contact" }), Cancel);

        var hiddenProblem = await ProblemAssert.IsProblemAsync(hidden, HttpStatusCode.NotFound, "/problems/manager-not-found");
        await ProblemAssert.IsProblemAsync(missing, HttpStatusCode.NotFound, "/problems/manager-not-found");
        Assert.Equal($"Es gibt keinen öffentlichen Eintrag mit der Nummer {hiddenId}.", hiddenProblem.GetProperty("detail").GetString());
        Assert.Empty(await StoredAsync());
    }

    [Fact]
    public async Task The6thReportWithinAnHourIsRefused()
    {
        await using var limited = (await DirectoryApiFactory.WithGeographyAsync()).With("Reports:PerHour", "5");
        var (id, _) = await SeedAsync(limited);
        var client = limited.CreateClient();

        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.Accepted, (await client.SendAsync(Report(id, new { kind = "address" }), Cancel)).StatusCode);
        }

        var sixth = await client.SendAsync(Report(id, new { kind = "address" }), Cancel);
        await ProblemAssert.IsProblemAsync(sixth, HttpStatusCode.TooManyRequests, "/problems/rate-limited");
        Assert.True(sixth.Headers.RetryAfter?.Delta > TimeSpan.FromMinutes(1), $"Retry-After {sixth.Headers.RetryAfter}");
        // Other requests of the client are not held up by its reports.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/managers/{id}", Cancel)).StatusCode);
    }

    [Fact]
    public async Task NoSpellingOfTheAddressEscapesTheLimit()
    {
        // Before the limit was the endpoint's own, "/reports/" and other letter cases reached the endpoint unlimited.
        await using var limited = (await DirectoryApiFactory.WithGeographyAsync()).With("Reports:PerHour", "5");
        var (id, _) = await SeedAsync(limited);
        var client = limited.CreateClient();
        string[] spellings = [$"/api/managers/{id}/reports/", $"/API/Managers/{id}/REPORTS", $"/api/managers/{id}/Reports/", $"/api//managers/{id}/reports",
            $"/api/managers/{id}//reports", $"/api/managers/{id}/reports"];

        var answers = new List<HttpStatusCode>();
        for (var i = 0; i < 12; i++)
        {
            answers.Add((await client.SendAsync(Report(id, new { kind = "address" }, path: spellings[i % spellings.Length]), Cancel)).StatusCode);
        }

        // Five reports reach the endpoint, whichever spelling; the rest are refused (429), or never reach it (404).
        Assert.Equal(5, answers.Count(a => a == HttpStatusCode.Accepted));
        Assert.All(answers, a => Assert.Contains(a, (HttpStatusCode[])[HttpStatusCode.Accepted, HttpStatusCode.TooManyRequests, HttpStatusCode.NotFound]));
        Assert.Contains(HttpStatusCode.TooManyRequests, answers);
        await using var db = DirectoryDatabase.CreateContext(limited.Database);
        Assert.Equal(5, await db.ManagerReports.CountAsync(Cancel));
    }

    [Fact]
    public async Task StaffSeeAHostileReportAsTextMarkItDoneAndTheHistorySaysWhoAndWhen()
    {
        const string hostile = "<script>alert('x')</script><img src=x onerror=alert(1)>";
        Assert.Equal(HttpStatusCode.Accepted, (await factory.CreateClient().SendAsync(Report(publicId, new { kind = "other", message = hostile }), Cancel)).StatusCode);
        var browser = await StaffBrowser.SignedInAsync(factory, "rita");

        var overview = await browser.TextAsync("/verwaltung");
        Assert.Contains("1 offene Meldung", overview);
        var page = await browser.TextAsync("/verwaltung/meldungen");
        Assert.Contains("&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;&lt;img src=x onerror=alert(1)&gt;", page);
        Assert.DoesNotContain("<script>alert", page);
        Assert.DoesNotContain("<img src=x", page);
        Assert.Contains($"href=\"/verwaltung/eintraege/{publicId}\"", page);
        var reportId = (await StoredAsync()).Single().Id;

        var done = await browser.PostFormAsync("/verwaltung/meldungen?handler=Done", new() { ["report"] = reportId.ToString(System.Globalization.CultureInfo.InvariantCulture) }, "/verwaltung/meldungen");

        Assert.Equal(HttpStatusCode.Redirect, done.StatusCode);
        var stored = Assert.Single(await StoredAsync());
        Assert.Equal("rita", stored.DoneBy);
        Assert.InRange(stored.DoneAtUtc!.Value, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1));
        Assert.Contains("Keine offenen Meldungen.", await browser.TextAsync("/verwaltung/meldungen"));
        var history = JsonDocument.Parse(await browser.TextAsync("/api/admin/history")).RootElement.EnumerateArray().First();
        Assert.Equal("report-done", history.GetProperty("mode").GetString());
        Assert.Equal("Meldung erledigt", history.GetProperty("modeText").GetString());
        Assert.StartsWith("Meldung erledigt: ", history.GetProperty("subject").GetString());
        Assert.Equal("rita", history.GetProperty("importedBy").GetString());
    }

    [Fact]
    public async Task RetentionDeletesReportsDoneLongerAgoThanThePeriodWithTheirEmail()
    {
        var now = new DateTime(2026, 12, 7, 12, 0, 0, DateTimeKind.Utc);
        await using (var db = DirectoryDatabase.CreateContext(factory.Database))
        {
            ManagerReport Made(string email, DateTime received, DateTime? done) => new()
            {
                ManagerId = publicId, Entry = "Test", Kind = ReportKinds.Contact, Email = email, ReceivedAtUtc = received, DoneAtUtc = done, DoneBy = done is null ? null : "rita",
            };
            db.ManagerReports.AddRange(
                Made("alt-erledigt@example.org", now.AddDays(-400), now.AddDays(-181)),
                Made("knapp-erledigt@example.org", now.AddDays(-300), now.AddDays(-179)),
                Made("alt-offen@example.org", now.AddDays(-1000), null),
                Made("neu-offen@example.org", now.AddDays(-179), null));
            await db.SaveChangesAsync(Cancel);

            // Open ones expire too, from their arrival (before issue 32 "alt-offen" stayed for ever).
            Assert.Equal(2, await ManagerReports.DeleteExpiredAsync(db, now, 180, Cancel));
        }

        Assert.Equal(["knapp-erledigt@example.org", "neu-offen@example.org"], (await StoredAsync()).Select(r => r.Email));
    }

    [Fact]
    public async Task TheRetentionServiceUsesTheConfiguredPeriod()
    {
        await using var shortly = (await DirectoryApiFactory.WithGeographyAsync()).With("Reports:RetentionDays", "1");
        shortly.CreateClient();
        await using (var db = DirectoryDatabase.CreateContext(shortly.Database))
        {
            db.ManagerReports.Add(new ManagerReport
            {
                ManagerId = 1, Entry = "Test", Kind = ReportKinds.Other, Message = "x", Email = "weg@example.org",
                ReceivedAtUtc = DateTime.UtcNow.AddDays(-3), DoneAtUtc = DateTime.UtcNow.AddDays(-2), DoneBy = "rita",
            });
            await db.SaveChangesAsync(Cancel);
        }

        var service = shortly.Services.GetServices<Microsoft.Extensions.Hosting.IHostedService>().OfType<ReportRetentionService>().Single();
        await service.RunOnceAsync(Cancel);

        await using var check = DirectoryDatabase.CreateContext(shortly.Database);
        Assert.Empty(await check.ManagerReports.ToListAsync(Cancel));
    }

    [Fact]
    public async Task TheReportsPageShowsFiftyAtATime()
    {
        var now = DateTime.UtcNow;
        await using (var db = DirectoryDatabase.CreateContext(factory.Database))
        {
            db.ManagerReports.AddRange(Enumerable.Range(0, 120).Select(i => new ManagerReport
            {
                ManagerId = publicId, Entry = "Test", Kind = ReportKinds.Other, Message = $"Meldung {i}", ReceivedAtUtc = now.AddMinutes(-i),
            }));
            await db.SaveChangesAsync(Cancel);
        }

        var browser = await StaffBrowser.SignedInAsync(factory, "rita");
        var first = await browser.TextAsync("/verwaltung/meldungen");
        var last = await browser.TextAsync("/verwaltung/meldungen?seite=3");

        // Newest first: page 1 has reports 0–49, page 3 the 20 oldest.
        Assert.Equal(50, System.Text.RegularExpressions.Regex.Count(first, "id=\"meldung-"));
        Assert.Contains(">Meldung 0<", first);
        Assert.DoesNotContain(">Meldung 50<", first);
        Assert.Contains("Seite 1 von 3 (120 offene Meldungen)", first);
        Assert.Contains("href=\"/verwaltung/meldungen?seite=2\" rel=\"next\"", first);
        Assert.Equal(20, System.Text.RegularExpressions.Regex.Count(last, "id=\"meldung-"));
        Assert.Contains(">Meldung 119<", last);
        Assert.DoesNotContain("rel=\"next\"", last);
        // A page past the end (even one whose offset would overflow) is the last page.
        Assert.Contains("Seite 3 von 3", await browser.TextAsync("/verwaltung/meldungen?seite=2147483647"));
    }

    [Fact]
    public async Task ThePrivacyTextNamesTheConfiguredPeriod()
    {
        var page = await factory.CreateClient().GetStringAsync("/eintrag?id=1", Cancel);

        Assert.Contains("Jede Meldung wird 180 Tage nach ihrer Erledigung gelöscht, eine unerledigte 180 Tage nach ihrem Eingang", page);
    }
}
