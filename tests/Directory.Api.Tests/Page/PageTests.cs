using System.Net;
using System.Net.Http.Json;
using System.Text.Json;

namespace Directory.Api.Tests.Page;

/// <summary>The page and its assets come from the same process as the Api, without any CDN.</summary>
public sealed class PageTests(ReadOnlyApiFixture api) : IClassFixture<ReadOnlyApiFixture>
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task TheStartPageIsGermanAndCarriesTheDataAttribution()
    {
        var html = await api.Client.GetStringAsync("/", Cancel);

        Assert.Contains("<html lang=\"de\" dir=\"ltr\">", html);
        Assert.Contains("Familienmanager NRW", html);
        Assert.Contains("© Land NRW", html);
        Assert.Contains("Statistisches Bundesamt (Destatis)", html);
        Assert.Contains("GeoNames", html);
        Assert.Contains("Zensus 2022", html);
        Assert.Contains("Eurostat", html);
        Assert.Contains("CC BY 4.0", html);
        Assert.DoesNotContain("<script>", html); // no inline scripts: a strict Content-Security-Policy stays possible
        // Scripts and stylesheets come from this service, never from a CDN: the page must work offline.
        Assert.DoesNotMatch("<script[^>]+src=\"(https?:)?//", html);
        Assert.DoesNotMatch("<link[^>]+href=\"(https?:)?//", html);
    }

    [Theory]
    [InlineData("/lib/leaflet/leaflet.js", "text/javascript")]
    [InlineData("/lib/leaflet/leaflet.css", "text/css")]
    [InlineData("/js/main.js", "text/javascript")]
    [InlineData("/css/site.css", "text/css")]
    public async Task LeafletAndThePagesOwnAssetsAreServedLocally(string path, string mediaType)
    {
        var response = await api.Client.GetAsync(path, Cancel);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(mediaType, response.Content.Headers.ContentType?.MediaType);
    }

    [Fact]
    public async Task WithoutConfigurationTheMapHasNoTileLayer()
    {
        var config = await api.Client.GetFromJsonAsync<JsonElement>("/api/map/config", Cancel);

        Assert.Equal(JsonValueKind.Null, config.GetProperty("tileLayer").ValueKind);
    }

    [Fact]
    public async Task AConfiguredTileLayerIsPassedToThePage()
    {
        await using var factory = (await DirectoryApiFactory.WithGeographyAsync())
            .With("Map:TileUrl", "https://tiles.example.org/{z}/{x}/{y}.png")
            .With("Map:TileAttribution", "© Beispiel");

        var config = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/map/config", Cancel);

        Assert.Equal("https://tiles.example.org/{z}/{x}/{y}.png", config.GetProperty("tileLayer").GetProperty("url").GetString());
        Assert.Equal("© Beispiel", config.GetProperty("tileLayer").GetProperty("attribution").GetString());
    }

    [Fact]
    public async Task TheRouteLinkTemplateIsOpenStreetMapsUnlessConfiguredOrEmptied()
    {
        var standard = await api.Client.GetFromJsonAsync<JsonElement>("/api/map/config", Cancel);
        await using var factory = (await DirectoryApiFactory.WithGeographyAsync()).With("Map:RouteUrl", "");
        var none = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/map/config", Cancel);

        Assert.StartsWith("https://www.openstreetmap.org/directions?route={fromLat}", standard.GetProperty("routeUrl").GetString());
        Assert.Equal(JsonValueKind.Null, none.GetProperty("routeUrl").ValueKind);
    }

    [Fact]
    public async Task TheOperatorsHelpLinksAndSignLanguageVideoAreShownAndOnlyWebAddresses()
    {
        await using var factory = (await DirectoryApiFactory.WithGeographyAsync())
            .With("Pages:HelpLinks:0:Title", "Familienbüro <Olpe>")
            .With("Pages:HelpLinks:0:Url", "https://www.olpe.de/familienbuero")
            .With("Pages:HelpLinks:0:Description", "Beratung & Hilfe")
            .With("Pages:HelpLinks:1:Title", "Skript")
            .With("Pages:HelpLinks:1:Url", "javascript:alert(1)")
            .With("Pages:SignLanguageVideoUrl", "https://video.example.org/dgs");
        var client = factory.CreateClient();

        var about = await client.GetStringAsync("/familienmanagerin?sprache=en", Cancel);
        var easy = await client.GetStringAsync("/leichte-sprache", Cancel);

        Assert.Contains("<li lang=\"de\"><a href=\"https://www.olpe.de/familienbuero\" rel=\"noopener\">Familienbüro &lt;Olpe&gt;</a>: Beratung &amp; Hilfe</li>", about);
        Assert.DoesNotContain("javascript:", about);
        Assert.DoesNotContain("Skript", about);
        Assert.Contains("<a href=\"https://video.example.org/dgs\" target=\"_blank\" rel=\"noopener\">", easy);
    }

    [Fact]
    public async Task WithoutHelpLinksThePageSaysWhereHelpIsFoundAndWithoutAVideoTheEasyPageHasNone()
    {
        // appsettings.json lists three; configuration can only blank them, index by index.
        await using var factory = await DirectoryApiFactory.WithGeographyAsync();
        for (var i = 0; i < 3; i++)
        {
            factory.With($"Pages:HelpLinks:{i}:Title", "").With($"Pages:HelpLinks:{i}:Url", "");
        }

        var client = factory.CreateClient();

        var about = await client.GetStringAsync("/familienmanagerin", Cancel);
        var easy = await client.GetStringAsync("/leichte-sprache", Cancel);

        Assert.Contains("Fragen Sie im Rathaus", about);
        Assert.DoesNotContain("class=\"help-links\"", about);
        Assert.DoesNotContain("class=\"sign-video\"", easy);
    }
}
