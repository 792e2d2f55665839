using System.Net;
using Directory.Api.Security;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Api.Tests.Security;

/// <summary>
/// Issue 19, behind a reverse proxy: Secure <c>__Host-</c> cookies, HSTS and an HTTPS-only staff area outside
/// Development; forwarded headers only from configured proxies, rate limits per client address (IPv6 per /64);
/// absolute OGC links from the configured public address; security headers on the exception handler's answers.
/// The client's address is set per request by a test middleware in front of the service (TestServer has none).
/// </summary>
public sealed class DeploymentSecurityTests
{
    private const string TestAddressHeader = "X-Test-Connection-Address";

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task OutsideDevelopmentTheStaffCookiesAreSecureHostCookiesAndHstsIsSent()
    {
        await using var factory = (await DirectoryApiFactory.WithGeographyAsync()).With("environment", "Production");
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://familienmanager.example.nrw"), AllowAutoRedirect = false,
        });

        var signIn = await client.GetAsync("/verwaltung/anmelden", Cancel);

        Assert.Equal(HttpStatusCode.OK, signIn.StatusCode);
        var antiforgery = Assert.Single(signIn.Headers.GetValues("Set-Cookie"), c => c.Contains("Antiforgery", StringComparison.Ordinal));
        Assert.StartsWith("__Host-FamilienmanagerNrw.Antiforgery", antiforgery);
        Assert.Contains("secure", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("path=/", antiforgery, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("domain=", antiforgery, StringComparison.OrdinalIgnoreCase);
        var hsts = signIn.Headers.GetValues("Strict-Transport-Security").Single();
        Assert.StartsWith("max-age=", hsts);
        // At least 180 days (issue 32; ASP.NET Core's default is 30).
        Assert.True(int.Parse(hsts["max-age=".Length..].Split(';')[0], System.Globalization.CultureInfo.InvariantCulture) >= 180 * 24 * 3600, hsts);

        // The sign-in cookie, from a real sign-in.
        var password = await Staff.StaffBrowser.AddAccountAsync(factory, "maria");
        var browser = new Staff.StaffBrowser(factory.CreateClient(new WebApplicationFactoryClientOptions
        {
            BaseAddress = new Uri("https://familienmanager.example.nrw"), AllowAutoRedirect = false, HandleCookies = true,
        }));
        var signedIn = await browser.SignInAsync("maria", password);
        Assert.Equal(HttpStatusCode.Redirect, signedIn.StatusCode);
        var session = Assert.Single(signedIn.Headers.GetValues("Set-Cookie"), c => c.Contains("Verwaltung", StringComparison.Ordinal));
        Assert.StartsWith("__Host-FamilienmanagerNrw.Verwaltung=", session);
        Assert.Contains("secure", session, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("httponly", session, StringComparison.OrdinalIgnoreCase);

        // Over plain HTTP the staff area explains that it needs HTTPS (no 500 from antiforgery); the public part answers.
        var plain = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://familienmanager.example.nrw") });
        var refused = await plain.GetAsync("/verwaltung/anmelden", Cancel);
        Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        Assert.Contains("https://", await refused.Content.ReadAsStringAsync(Cancel));
        Assert.Equal(HttpStatusCode.OK, (await plain.GetAsync("/api/regions/05966024", Cancel)).StatusCode);
    }

    [Fact]
    public async Task OutsideDevelopmentOnlyThePublicHostIsAnswered()
    {
        await using var factory = (await DirectoryApiFactory.WithGeographyAsync()).With("environment", "Production")
            .With("Security:PublicBaseUrl", "https://familienmanager.example.nrw");
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://familienmanager.example.nrw") });
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/regions/05966024", Cancel)).StatusCode);

        using var forged = new HttpRequestMessage(HttpMethod.Get, "/api/regions/05966024");
        forged.Headers.Host = "angreifer.example";
        Assert.Equal(HttpStatusCode.BadRequest, (await client.SendAsync(forged, Cancel)).StatusCode);
    }

    [Fact]
    public async Task OgcAnswersSayTheyVaryByAcceptAndLanguage()
    {
        await using var factory = await DirectoryApiFactory.WithGeographyAsync();
        var response = await factory.CreateClient().GetAsync("/ogc/collections/gemeinden/items?limit=1", Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("Accept", response.Headers.Vary);
        Assert.Contains("Accept-Language", response.Headers.Vary);
    }

    [Fact]
    public async Task InDevelopmentCookiesHaveNoPrefixAndNoHsts()
    {
        await using var factory = await DirectoryApiFactory.WithGeographyAsync();
        var response = await factory.CreateClient().GetAsync("/verwaltung/anmelden", Cancel);

        Assert.StartsWith("FamilienmanagerNrw.Antiforgery", response.Headers.GetValues("Set-Cookie").Single());
        Assert.False(response.Headers.Contains("Strict-Transport-Security"));
    }

    [Fact]
    public async Task ForwardedHeadersAreIgnoredUnlessTheyComeFromAConfiguredProxy()
    {
        await using var factory = Limited(await DirectoryApiFactory.WithGeographyAsync()).With("Security:KnownProxies:0", "10.1.1.1");
        var client = await WarmClientAsync(factory);

        // A client that is not the proxy cannot escape its limit by claiming other addresses.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "192.0.2.7", "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "192.0.2.7", "198.51.100.2")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAsync(client, "192.0.2.7", "198.51.100.3")).StatusCode);

        // Through the configured proxy each forwarded client has its own limit.
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "10.1.1.1", "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "10.1.1.1", "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAsync(client, "10.1.1.1", "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "10.1.1.1", "198.51.100.2")).StatusCode);
    }

    [Fact]
    public async Task WithoutAConfiguredProxyForwardedHeadersAreIgnored()
    {
        await using var factory = Limited(await DirectoryApiFactory.WithGeographyAsync());
        var client = await WarmClientAsync(factory);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "127.0.0.1", "198.51.100.1")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "127.0.0.1", "198.51.100.2")).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAsync(client, "127.0.0.1", "198.51.100.3")).StatusCode);
    }

    [Fact]
    public async Task AnIpv6ClientIsLimitedByItsSlash64()
    {
        await using var factory = Limited(await DirectoryApiFactory.WithGeographyAsync());
        var client = await WarmClientAsync(factory);

        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "2001:db8:1:2::1", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "2001:db8:1:2:ffff::9", null)).StatusCode);
        Assert.Equal(HttpStatusCode.TooManyRequests, (await GetAsync(client, "2001:db8:1:2:abcd:1:2:3", null)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "2001:db8:1:3::1", null)).StatusCode);
    }

    [Theory]
    [InlineData("192.0.2.7", "192.0.2.7")]
    [InlineData("::ffff:192.0.2.7", "192.0.2.7")]
    [InlineData("2001:db8:1:2:3:4:5:6", "2001:db8:1:2::/64")]
    [InlineData("::1", "::/64")]
    public void ClientPartitionsAreIpv4AddressesAndIpv6Networks(string address, string partition) =>
        Assert.Equal(partition, ClientAddress.PartitionOf(IPAddress.Parse(address)));

    [Fact]
    public async Task OgcLinksUseTheConfiguredPublicAddressNotTheHostHeader()
    {
        await using var factory = (await DirectoryApiFactory.WithGeographyAsync()).With("Security:PublicBaseUrl", "https://familienmanager.example.nrw/");
        var client = factory.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("http://angreifer.example") });

        var landing = await client.GetStringAsync("/ogc", Cancel);
        var items = await client.GetStringAsync("/ogc/collections/gemeinden/items?limit=1", Cancel);

        Assert.Contains("\"https://familienmanager.example.nrw/ogc/conformance\"", landing);
        Assert.Contains("\"https://familienmanager.example.nrw/api.html\"", landing);
        Assert.DoesNotContain("angreifer", landing + items);
        Assert.Contains("https://familienmanager.example.nrw/ogc/collections/gemeinden/items", items);
    }

    [Fact]
    public async Task AnInvalidProxyOrBaseAddressStopsTheStartWithItsName()
    {
        await using var factory = (await DirectoryApiFactory.WithGeographyAsync()).With("Security:KnownProxies:0", "kein-proxy");
        var failure = Assert.ThrowsAny<Exception>(() => factory.CreateClient());
        Assert.Contains("Security:KnownProxies", failure.ToString());
    }

    [Fact]
    public async Task TheExceptionHandlersAnswerCarriesTheSecurityHeaders()
    {
        await using var factory = (await DirectoryApiFactory.WithGeographyAsync())
            .WithServices(services => services.AddTransient<IStartupFilter, ThrowingEndpointFilter>());
        var client = factory.CreateClient();

        var failed = await client.GetAsync("/test-fehler", Cancel);

        Assert.Equal(HttpStatusCode.InternalServerError, failed.StatusCode);
        Assert.Equal("application/problem+json", failed.Content.Headers.ContentType?.MediaType);
        Assert.Contains("frame-ancestors 'none'", failed.Headers.GetValues("Content-Security-Policy").Single());
        Assert.Equal("nosniff", failed.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal("DENY", failed.Headers.GetValues("X-Frame-Options").Single());
        Assert.DoesNotContain("im Test", await failed.Content.ReadAsStringAsync(Cancel));
    }

    private static DirectoryApiFactory Limited(DirectoryApiFactory factory) => factory
        .With("Security:PermitsPerMinute", "6").With("Security:Burst", "2")
        .WithServices(services => services.AddTransient<IStartupFilter, ConnectionAddressFilter>());

    // The bucket gains a token every 10 s: the service's first answer (its start, on a loaded machine over 10 s) is
    // paid by a client of its own before the counted requests, so that these follow each other within the period.
    private static async Task<HttpClient> WarmClientAsync(DirectoryApiFactory factory)
    {
        var client = factory.CreateClient();
        Assert.Equal(HttpStatusCode.OK, (await GetAsync(client, "192.0.2.250", null)).StatusCode);
        return client;
    }

    private static async Task<HttpResponseMessage> GetAsync(HttpClient client, string connection, string? forwardedFor)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/regions/05966024");
        request.Headers.Add(TestAddressHeader, connection);
        if (forwardedFor is not null)
        {
            request.Headers.Add("X-Forwarded-For", forwardedFor);
        }

        return await client.SendAsync(request, Cancel);
    }

    /// <summary>Gives each request the connection address the test names (TestServer leaves it empty).</summary>
    private sealed class ConnectionAddressFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                if (context.Request.Headers[TestAddressHeader] is [{ } address])
                {
                    context.Connection.RemoteIpAddress = IPAddress.Parse(address);
                }

                return nextMiddleware(context);
            });
            next(app);
        };
    }

    /// <summary>
    /// A path that throws inside the service's pipeline: added after it, so it is reached only by a request no
    /// endpoint answered, and its exception passes through the service's exception handler.
    /// </summary>
    private sealed class ThrowingEndpointFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            next(app);
            app.Use((context, nextMiddleware) => context.Request.Path == "/test-fehler"
                ? throw new InvalidOperationException("Fehler im Test")
                : nextMiddleware(context));
        };
    }
}
