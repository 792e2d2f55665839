using System.Net;
using System.Text.RegularExpressions;

namespace Directory.Api.Tests.Security;

/// <summary>The security headers on pages, API answers, errors and the staff area, and the configurable framing.</summary>
public sealed partial class ResponseHeaderTests(ReadOnlyApiFixture api) : IClassFixture<ReadOnlyApiFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>|\son[a-z]+\s*=|<style|\sstyle\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineCodePattern();

    [Theory]
    [InlineData("/")]
    [InlineData("/abdeckung")]
    [InlineData("/api/regions")]
    [InlineData("/api/managers/nearby?plz=00000")]
    [InlineData("/ogc?f=html")]
    [InlineData("/gibt-es-nicht")]
    [InlineData("/verwaltung/anmelden")]
    [InlineData("/verwaltung")]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string path)
    {
        var response = await api.Client.GetAsync(path, Cancel);
        var csp = Header(response, "Content-Security-Policy");
        var directives = csp.Split(';', StringSplitOptions.TrimEntries).ToDictionary(d => d.Split(' ')[0], d => d);
        Assert.Equal("script-src 'self'", directives["script-src"]);
        Assert.DoesNotContain("unsafe-inline", csp);
        Assert.DoesNotContain("unsafe-eval", csp);
        Assert.Equal("frame-ancestors 'none'", directives["frame-ancestors"]);
        Assert.Equal("object-src 'none'", directives["object-src"]);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("strict-origin-when-cross-origin", Header(response, "Referrer-Policy"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
    }

    [Fact]
    public async Task TheStaffAreaIsNeverCached()
    {
        foreach (var path in new[] { "/verwaltung/anmelden", "/verwaltung", "/api/admin/history" })
        {
            var response = await api.Client.GetAsync(path, Cancel);
            Assert.Contains("no-store", Header(response, "Cache-Control"));
        }
    }

    [Theory]
    [InlineData("/index.html")]
    [InlineData("/abdeckung.html")]
    [InlineData("/api.html")]
    [InlineData("/barrierefreiheit.html")]
    [InlineData("/eintrag?id=1")]
    [InlineData("/einbetten")]
    [InlineData("/einbetten/karte")]
    [InlineData("/verwaltung/anmelden")]
    public async Task PagesHaveNoInlineScriptOrStyle(string path)
    {
        var html = await api.Client.GetStringAsync(path, Cancel);
        var inline = InlineCodePattern().Matches(html).Select(m => m.Value).ToList();
        Assert.True(inline.Count == 0, $"{path}: {string.Join(" | ", inline)}");
    }

    [Fact]
    public async Task ConfiguredOriginsMayEmbedThePublicPagesButNeverTheStaffArea()
    {
        await using var factory = await DirectoryApiFactory.WithGeographyAsync();
        factory.With("Security:FrameAncestors:0", "https://www.familie.nrw.example")
            .With("Map:TileUrl", "https://{s}.tiles.example.org/{z}/{x}/{y}.png");
        var client = factory.CreateClient();

        var page = await client.GetAsync("/", Cancel);
        var csp = Header(page, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'self' https://www.familie.nrw.example", csp);
        Assert.Contains("img-src 'self' data: https://*.tiles.example.org", csp);
        Assert.False(page.Headers.Contains("X-Frame-Options"));

        var embedded = await client.GetAsync("/einbetten/karte", Cancel);
        Assert.Contains("frame-ancestors 'self' https://www.familie.nrw.example", Header(embedded, "Content-Security-Policy"));

        var staff = await client.GetAsync("/verwaltung/anmelden", Cancel);
        Assert.Contains("frame-ancestors 'none'", Header(staff, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(staff, "X-Frame-Options"));
    }

    [Fact]
    public async Task OnlyTheEmbeddedViewMayBeFramedWithoutConfigurationAndOnlyByTheServiceItself()
    {
        var embedded = await api.Client.GetAsync("/einbetten/karte?gebiet=05966", Cancel);
        var page = await api.Client.GetAsync("/", Cancel);

        Assert.EndsWith("frame-ancestors 'self'", Header(embedded, "Content-Security-Policy"));
        Assert.False(embedded.Headers.Contains("X-Frame-Options"));
        Assert.EndsWith("frame-ancestors 'none'", Header(page, "Content-Security-Policy"));
        Assert.Equal("DENY", Header(page, "X-Frame-Options"));
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) || response.Content.Headers.TryGetValues(name, out values)
            ? string.Join(", ", values)
            : throw new Xunit.Sdk.XunitException($"{response.RequestMessage!.RequestUri} has no {name} header ({(int)response.StatusCode})");
}
