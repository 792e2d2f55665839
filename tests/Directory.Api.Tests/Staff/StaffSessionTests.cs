using System.Net;
using System.Text.RegularExpressions;
using Directory.Core.Staff;
using Directory.Core.Staff.Accounts;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.Mvc.Testing.Handlers;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace Directory.Api.Tests.Staff;

/// <summary>
/// Issue 19: sign-out from every staff page ends the session and makes the old cookie useless; a password change or
/// a removed account ends other sessions at once; every refused sign-in gets the same answer after the same work;
/// wrong current passwords count toward the lock-out; one-time passwords expire; common passwords are refused;
/// password attempts are limited per client.
/// </summary>
public sealed partial class StaffSessionTests : IAsyncLifetime
{
    private static readonly string[] StaffPages = ["/verwaltung", "/verwaltung/hochladen", "/verwaltung/eintraege", "/verwaltung/verlauf", "/verwaltung/passwort"];

    private readonly CountingPasswordHasher hasher = new();
    private DirectoryApiFactory factory = null!;

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public async ValueTask InitializeAsync() => factory = await DirectoryApiFactory.WithGeographyAsync();

    public async ValueTask DisposeAsync() => await factory.DisposeAsync();

    [GeneratedRegex("action=\"/verwaltung/abmelden\"[^>]*>\\s*<input name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"")]
    private static partial Regex SignOutToken();

    [GeneratedRegex("<p class=\"form-error\" role=\"alert\" id=\"anmelden-fehler\">([^<]*)</p>")]
    private static partial Regex SignInError();

    [Fact]
    public async Task SignOutFromEveryStaffPageEndsTheSessionAndTheOldCookieIsRefused()
    {
        await StaffBrowser.SignedInAsync(factory, "erika");
        foreach (var page in StaffPages)
        {
            var (client, jar) = Session();
            await SignInAsync(client, "erika", StaffBrowser.OwnPassword);
            var html = await (await client.GetAsync(page, Cancel)).Content.ReadAsStringAsync(Cancel);
            var token = SignOutToken().Match(html);
            Assert.True(token.Success, $"{page}: the sign-out form in the header carries no antiforgery token");
            var oldCookies = jar.Container.GetCookieHeader(client.BaseAddress!);
            Assert.Contains("FamilienmanagerNrw.Verwaltung=", oldCookies);

            var signedOut = await client.PostAsync("/verwaltung/abmelden",
                new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value) }), Cancel);

            Assert.Equal(HttpStatusCode.Redirect, signedOut.StatusCode);
            Assert.Equal("/verwaltung/anmelden", signedOut.Headers.Location!.OriginalString);
            Assert.Contains(signedOut.Headers.GetValues("Set-Cookie"), c => c.StartsWith("FamilienmanagerNrw.Verwaltung=;", StringComparison.Ordinal));
            Assert.DoesNotContain("FamilienmanagerNrw.Verwaltung=", jar.Container.GetCookieHeader(client.BaseAddress!));
            Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/verwaltung", Cancel)).StatusCode);

            // A copy of the old cookie (taken before signing out) opens nothing any more.
            Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookiesAsync(oldCookies, "/verwaltung")).StatusCode);
            Assert.Equal(HttpStatusCode.Unauthorized, (await WithCookiesAsync(oldCookies, "/api/admin/export?format=csv")).StatusCode);
        }
    }

    [Fact]
    public async Task PublicAnswersToASignedInStaffBrowserCarryNoSessionCookie()
    {
        var browser = await StaffBrowser.SignedInAsync(factory, "olga");
        Assert.Equal(HttpStatusCode.OK, (await browser.Client.GetAsync("/verwaltung", Cancel)).StatusCode);

        foreach (var path in new[] { "/api/regions/05966024", "/api/managers", "/ogc/collections", "/" })
        {
            var response = await browser.Client.GetAsync(path, Cancel);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            Assert.False(response.Headers.Contains("Set-Cookie"), $"{path} set a cookie: {(response.Headers.TryGetValues("Set-Cookie", out var c) ? string.Join(" | ", c) : "")}");
        }
    }

    [Fact]
    public async Task APasswordChangeEndsTheAccountsOtherSessionsAtOnce()
    {
        await StaffBrowser.SignedInAsync(factory, "fritz");
        var (first, _) = Session();
        var (second, _) = Session();
        await SignInAsync(first, "fritz", StaffBrowser.OwnPassword);
        await SignInAsync(second, "fritz", StaffBrowser.OwnPassword);
        Assert.Equal(HttpStatusCode.OK, (await second.GetAsync("/verwaltung", Cancel)).StatusCode);

        const string newPassword = "Herbstlaub über der Lenne 27";
        var changed = await PostFormAsync(first, "/verwaltung/passwort", new()
        {
            ["CurrentPassword"] = StaffBrowser.OwnPassword, ["NewPassword"] = newPassword, ["RepeatPassword"] = newPassword,
        });

        Assert.Equal(HttpStatusCode.Redirect, changed.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await first.GetAsync("/verwaltung", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await second.GetAsync("/verwaltung", Cancel)).StatusCode);
    }

    [Fact]
    public async Task ARemovedAccountsSessionsEndAtOnce()
    {
        await StaffBrowser.SignedInAsync(factory, "gerda");
        var (client, _) = Session();
        await SignInAsync(client, "gerda", StaffBrowser.OwnPassword);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/verwaltung", Cancel)).StatusCode);

        await using (var scope = factory.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            Assert.True((await users.DeleteAsync((await users.FindByNameAsync("gerda"))!)).Succeeded);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/verwaltung", Cancel)).StatusCode);
    }

    [Fact]
    public async Task EveryRefusedSignInGetsTheSameAnswerAfterTheSameWork()
    {
        await using var counted = (await DirectoryApiFactory.WithGeographyAsync())
            .WithServices(services => services.Replace(ServiceDescriptor.Scoped<IPasswordHasher<StaffUser>>(_ => hasher)));
        var password = await StaffBrowser.AddAccountAsync(counted, "hanna");
        var expired = await StaffBrowser.AddAccountAsync(counted, "ingo");
        await using (var scope = counted.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
            var ingo = (await users.FindByNameAsync("ingo"))!;
            ingo.OneTimePasswordExpiresAtUtc = DateTime.UtcNow.AddMinutes(-1);
            Assert.True((await users.UpdateAsync(ingo)).Succeeded);
        }

        var answers = new List<(string Case, HttpStatusCode Status, string Error, int Hashes)>();
        async Task AttemptAsync(string @case, string name, string attempt)
        {
            var (client, _) = Session(counted);
            var before = hasher.Verifications;
            var response = await PostFormAsync(client, "/verwaltung/anmelden", new() { ["UserName"] = name, ["Password"] = attempt });
            var error = SignInError().Match(await response.Content.ReadAsStringAsync(Cancel)).Groups[1].Value;
            answers.Add((@case, response.StatusCode, error, hasher.Verifications - before));
        }

        await AttemptAsync("unknown account", "niemand", "irgendein Passwort 1");
        await AttemptAsync("expired one-time password", "ingo", expired);
        for (var attempt = 1; attempt <= StaffIdentity.MaxFailedAccessAttempts; attempt++)
        {
            await AttemptAsync("wrong password", "hanna", "falsch-" + attempt);
        }

        await AttemptAsync("locked account, right password", "hanna", password);

        Assert.All(answers, a => Assert.Equal(HttpStatusCode.Unauthorized, a.Status));
        Assert.Single(answers.Select(a => a.Error).Distinct());
        Assert.NotEmpty(answers[0].Error);
        Assert.All(answers, a => Assert.True(a.Hashes == 1, $"{a.Case}: {a.Hashes} password hash verifications, not 1"));

        // The log names the client, never the typed name.
        var failures = counted.Logs.Where(l => l.Contains("Failed staff sign-in", StringComparison.Ordinal)).ToList();
        Assert.True(failures.Count >= 6);
        Assert.DoesNotContain(counted.Logs, l => l.Contains("niemand", StringComparison.Ordinal));
        Assert.Contains(counted.Logs, l => l.Contains("locked out", StringComparison.Ordinal) && !l.Contains("hanna", StringComparison.Ordinal));
    }

    [Fact]
    public async Task WrongCurrentPasswordsOnThePasswordPageLockTheAccountAndEndTheSession()
    {
        var browser = await StaffBrowser.SignedInAsync(factory, "jana");
        for (var attempt = 1; attempt < StaffIdentity.MaxFailedAccessAttempts; attempt++)
        {
            var wrong = await browser.PostFormAsync("/verwaltung/passwort", new()
            {
                ["CurrentPassword"] = "falsch-" + attempt, ["NewPassword"] = "Neues Passwort am Biggesee", ["RepeatPassword"] = "Neues Passwort am Biggesee",
            });
            Assert.Equal(HttpStatusCode.BadRequest, wrong.StatusCode);
            Assert.Contains("Das bisherige Passwort stimmt nicht.", await wrong.Content.ReadAsStringAsync(Cancel));
        }

        var last = await browser.PostFormAsync("/verwaltung/passwort", new()
        {
            ["CurrentPassword"] = "falsch-5", ["NewPassword"] = "Neues Passwort am Biggesee", ["RepeatPassword"] = "Neues Passwort am Biggesee",
        });

        Assert.Equal(HttpStatusCode.Redirect, last.StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await browser.Client.GetAsync("/verwaltung", Cancel)).StatusCode);
        var (client, _) = Session();
        Assert.Equal(HttpStatusCode.Unauthorized, (await SignInAsync(client, "jana", StaffBrowser.OwnPassword, expectSuccess: false)).StatusCode);
    }

    [Theory]
    [InlineData("administrator", "häufig benutzter Passwörter")]
    [InlineData("QWERTY123456", "häufig benutzter Passwörter")]
    [InlineData("kurt.kurtsson-2026", "Kontonamen nicht enthalten")]
    public async Task CommonPasswordsAndTheAccountNameAreRefused(string chosen, string expected)
    {
        var oneTime = await StaffBrowser.AddAccountAsync(factory, "kurt.kurtsson");
        var browser = StaffBrowser.For(factory);
        Assert.Equal(HttpStatusCode.Redirect, (await browser.SignInAsync("kurt.kurtsson", oneTime)).StatusCode);

        var refused = await browser.PostFormAsync("/verwaltung/passwort", new()
        {
            ["CurrentPassword"] = oneTime, ["NewPassword"] = chosen, ["RepeatPassword"] = chosen,
        });

        Assert.Equal(HttpStatusCode.BadRequest, refused.StatusCode);
        Assert.Contains(expected, await refused.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.Forbidden, (await browser.Client.GetAsync("/verwaltung", Cancel)).StatusCode);
    }

    [Fact]
    public async Task PasswordAttemptsArelimitedPerClient()
    {
        await using var limited = (await DirectoryApiFactory.WithGeographyAsync()).With("Security:SignInAttemptsPerMinute", "3");
        var (client, _) = Session(limited);
        for (var attempt = 1; attempt <= 3; attempt++)
        {
            var refused = await PostFormAsync(client, "/verwaltung/anmelden", new() { ["UserName"] = "lena", ["Password"] = "falsch-" + attempt });
            Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        }

        var limitedAnswer = await PostFormAsync(client, "/verwaltung/anmelden", new() { ["UserName"] = "lena", ["Password"] = "falsch-4" });

        Assert.Equal(HttpStatusCode.TooManyRequests, limitedAnswer.StatusCode);
        Assert.True(limitedAnswer.Headers.RetryAfter is not null);
        Assert.Contains("zu viele Anmelde- oder Passwortversuche", await limitedAnswer.Content.ReadAsStringAsync(Cancel));
        // Reading the page is no attempt.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/verwaltung/anmelden", Cancel)).StatusCode);
    }

    [Fact]
    public async Task ASessionEndsAfterItsAbsoluteLifetimeHoweverActiveItIs()
    {
        // Issue 32: before, only the sliding lifetime applied, which every request renews.
        await using var shortLived = (await DirectoryApiFactory.WithGeographyAsync()).With("Staff:AbsoluteSessionLifetime", "00:00:06");
        await StaffBrowser.SignedInAsync(shortLived, "erika");
        var (client, _) = Session(shortLived);
        var beforeSignIn = System.Diagnostics.Stopwatch.StartNew();
        await SignInAsync(client, "erika", StaffBrowser.OwnPassword);
        var afterSignIn = System.Diagnostics.Stopwatch.StartNew();
        // Active all along: within the lifetime every request is served (and renews the sliding one)…
        while (beforeSignIn.Elapsed < TimeSpan.FromSeconds(3))
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/verwaltung", Cancel)).StatusCode);
            await Task.Delay(TimeSpan.FromMilliseconds(300), Cancel);
        }

        // …and after it none, however recent the last one.
        while (afterSignIn.Elapsed < TimeSpan.FromSeconds(7))
        {
            await client.GetAsync("/verwaltung", Cancel);
            await Task.Delay(TimeSpan.FromMilliseconds(300), Cancel);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await client.GetAsync("/verwaltung", Cancel)).StatusCode);
    }

    [Fact]
    public async Task ARefusedSignInTakesTheSameTimeForKnownAndUnknownNames()
    {
        await using var unlimited = (await DirectoryApiFactory.WithGeographyAsync()).With("Security:SignInAttemptsPerMinute", "0");
        await StaffBrowser.SignedInAsync(unlimited, "erika");
        var (client, _) = Session(unlimited);

        // Alternating, so that a busy machine slows both alike; the fastest of each is the work the answer waited for.
        var times = new Dictionary<string, List<double>> { ["niemand"] = [], ["erika"] = [] };
        for (var attempt = 0; attempt < 4; attempt++)
        {
            foreach (var name in times.Keys)
            {
                var watch = System.Diagnostics.Stopwatch.StartNew();
                Assert.Equal(HttpStatusCode.Unauthorized, (await PostFormAsync(client, "/verwaltung/anmelden", new() { ["UserName"] = name, ["Password"] = "falsch" })).StatusCode);
                times[name].Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        var (unknown, known) = (times["niemand"].Min(), times["erika"].Min());

        // The form's GET is in both; the floor (400 ms, less a timer's tick: a delay may end a millisecond early)
        // dominates either way.
        Assert.True(unknown >= 390 && known >= 390, $"{unknown} / {known} ms");
        Assert.True(Math.Abs(known - unknown) < 100, $"known {known:0} ms, unknown {unknown:0} ms");
    }

    [Theory]
    [InlineData("/verwaltung/anmelden/")]
    [InlineData("/Verwaltung/Anmelden")]
    [InlineData("/VERWALTUNG/ANMELDEN/")]
    public async Task PasswordAttemptsAreLimitedWhateverTheAddressesSpelling(string path)
    {
        // Before the limit was the page's own, these spellings reached the sign-in page unlimited.
        await using var limited = (await DirectoryApiFactory.WithGeographyAsync()).With("Security:SignInAttemptsPerMinute", "3");
        var (client, _) = Session(limited);
        var answers = new List<HttpStatusCode>();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var spelling = attempt % 2 == 0 ? path : "/verwaltung/anmelden";
            answers.Add((await PostFormAsync(client, spelling, new() { ["UserName"] = "lena", ["Password"] = "falsch-" + attempt })).StatusCode);
        }

        Assert.Equal([HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests,
            HttpStatusCode.TooManyRequests], answers);
    }

    private (HttpClient Client, CookieContainerHandler Jar) Session(DirectoryApiFactory? on = null)
    {
        var jar = new CookieContainerHandler();
        var client = (on ?? factory).CreateDefaultClient(new Uri("http://localhost"), jar);
        return (client, jar);
    }

    private async Task<HttpResponseMessage> WithCookiesAsync(string cookies, string path)
    {
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false, HandleCookies = false });
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("Cookie", cookies);
        return await client.SendAsync(request, Cancel);
    }

    private static async Task<HttpResponseMessage> SignInAsync(HttpClient client, string name, string password, bool expectSuccess = true)
    {
        var response = await PostFormAsync(client, "/verwaltung/anmelden", new() { ["UserName"] = name, ["Password"] = password });
        if (expectSuccess)
        {
            Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        }

        return response;
    }

    private static async Task<HttpResponseMessage> PostFormAsync(HttpClient client, string path, Dictionary<string, string> fields)
    {
        var html = await (await client.GetAsync(path, Cancel)).Content.ReadAsStringAsync(Cancel);
        var token = Regex.Match(html, "<form method=\"post\" class=\"staff-form\">[\\s\\S]*?name=\"__RequestVerificationToken\" type=\"hidden\" value=\"([^\"]+)\"");
        Assert.True(token.Success, $"{path} has no form with a token");
        fields["__RequestVerificationToken"] = WebUtility.HtmlDecode(token.Groups[1].Value);
        return await client.PostAsync(path, new FormUrlEncodedContent(fields), Cancel);
    }

    /// <summary>Identity's hasher, counting the verifications: the work a sign-in attempt does.</summary>
    private sealed class CountingPasswordHasher : IPasswordHasher<StaffUser>
    {
        private readonly PasswordHasher<StaffUser> inner = new();
        private int verifications;

        public int Verifications => Volatile.Read(ref verifications);

        public string HashPassword(StaffUser user, string password) => inner.HashPassword(user, password);

        public PasswordVerificationResult VerifyHashedPassword(StaffUser user, string hashedPassword, string providedPassword)
        {
            Interlocked.Increment(ref verifications);
            return inner.VerifyHashedPassword(user, hashedPassword, providedPassword);
        }
    }
}
