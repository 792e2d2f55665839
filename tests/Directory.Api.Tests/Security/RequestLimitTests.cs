using System.Net;
using System.Text;
using Directory.Api.Tests.Ogc;

namespace Directory.Api.Tests.Security;

/// <summary>The public API's rate limit (429 with a problem document) and the request body limit.</summary>
public sealed class RequestLimitTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task BeyondTheBurstThePublicApiAnswers429WithAGermanProblem()
    {
        await using var factory = await DirectoryApiFactory.WithGeographyAsync();
        factory.With("Security:PermitsPerMinute", "6").With("Security:Burst", "5");
        var client = factory.CreateClient();
        for (var i = 0; i < 5; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/regions/05966024", Cancel)).StatusCode);
        }

        var limited = await client.GetAsync("/ogc/collections", Cancel);
        var problem = await ProblemAssert.IsProblemAsync(limited, HttpStatusCode.TooManyRequests, "/problems/rate-limited");
        Assert.Equal("Zu viele Anfragen", problem.GetProperty("title").GetString());
        Assert.True(int.Parse(limited.Headers.GetValues("Retry-After").Single()) > 0);

        // Pages and the staff sign-in are not counted against the API's bucket.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/", Cancel)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/verwaltung/anmelden", Cancel)).StatusCode);
    }

    [Fact]
    public async Task WithTheDefaultsOrdinaryUseIsNotLimited()
    {
        await using var factory = await DirectoryApiFactory.WithGeographyAsync();
        var client = factory.CreateClient();
        for (var i = 0; i < 150; i++)
        {
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/ping", Cancel)).StatusCode);
        }
    }
}

/// <summary>Request size limits need the real server (Kestrel enforces them while reading the body).</summary>
public sealed class RequestBodyLimitTests(KestrelApiFixture api) : IClassFixture<KestrelApiFixture>
{
    [Fact]
    public async Task AnOversizedFormIsRefusedAndSignsNobodyIn()
    {
        using var client = new HttpClient { BaseAddress = new Uri(api.BaseAddress) };
        var token = await new Staff.StaffBrowser(client).TokenAsync("/verwaltung/anmelden");
        StringContent Form(int nameLength) => new($"__RequestVerificationToken={Uri.EscapeDataString(token)}&UserName={new string('a', nameLength)}&Password=x",
            Encoding.UTF8, "application/x-www-form-urlencoded");

        // Just under the limit the form is read and the sign-in simply fails ...
        var underLimit = await client.PostAsync("/verwaltung/anmelden", Form(60_000), TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.Unauthorized, underLimit.StatusCode);

        // ... above it the body is not read at all.
        var response = await client.PostAsync("/verwaltung/anmelden", Form(200_000), TestContext.Current.CancellationToken);
        // Kestrel stops reading at 64 KB; the antiforgery check, which reads the form first, then refuses it (400).
        Assert.True(response.StatusCode is HttpStatusCode.BadRequest or HttpStatusCode.RequestEntityTooLarge, $"{(int)response.StatusCode}");
        Assert.False(response.Headers.Contains("Set-Cookie") && response.Headers.GetValues("Set-Cookie").Any(c => c.StartsWith("FamilienmanagerNrw.Verwaltung", StringComparison.Ordinal)));
    }
}
