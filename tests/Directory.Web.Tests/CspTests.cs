using Microsoft.Playwright;

namespace Directory.Web.Tests;

/// <summary>
/// The pages work under their own Content-Security-Policy (no inline script or style, no eval): a browser that
/// enforces it reports no violation while the pages load and draw their data.
/// </summary>
public sealed class CspTests(BrowserFixture browser) : IClassFixture<BrowserFixture>, IAsyncDisposable
{
    private IBrowserContext? context;

    public async ValueTask DisposeAsync()
    {
        if (context is not null)
        {
            await context.DisposeAsync();
        }
    }

    [Theory]
    [InlineData("/", "path[data-ags]")]
    [InlineData("/?ort=Olpe&umkreis=25", "#result-list li")]
    [InlineData("/abdeckung", "#coverage-table tbody tr")]
    [InlineData("/api.html", "section.operation")]
    [InlineData("/barrierefreiheit.html", "h1")]
    [InlineData("/ogc?f=html", "h1")]
    [InlineData("/verwaltung/anmelden", "form")]
    public async Task APageLoadsAndDrawsWithoutAnyPolicyViolation(string path, string drawn)
    {
        var (page, violations) = await OpenAsync();
        await page.GotoAsync(browser.BaseAddress + path);
        await page.Locator(drawn).First.WaitForAsync();
        await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
        Assert.True(violations.Count == 0, string.Join("\n", violations));
    }

    [Fact]
    public async Task AnInlineScriptUnderThePolicyIsReported()
    {
        // The listener above is only worth something if a violation does show: serve a page with an inline script
        // under the service's own policy and expect the browser to refuse it.
        var (page, violations) = await OpenAsync();
        var real = await page.APIRequest.GetAsync(browser.BaseAddress + "/");
        var policy = real.Headers["content-security-policy"];
        await page.RouteAsync(browser.BaseAddress + "/__test__/inline.html", route => route.FulfillAsync(new()
        {
            ContentType = "text/html",
            Headers = new Dictionary<string, string> { ["Content-Security-Policy"] = policy },
            Body = "<!doctype html><title>x</title><script>document.title = 'ran'</script>",
        }));
        await page.GotoAsync(browser.BaseAddress + "/__test__/inline.html");
        await page.WaitForLoadStateAsync(LoadState.Load);
        Assert.Equal("x", await page.TitleAsync());
        Assert.Contains(violations, v => v.Contains("Content Security Policy", StringComparison.Ordinal));
    }

    private async Task<(IPage Page, List<string> Violations)> OpenAsync()
    {
        context = await browser.Browser.NewContextAsync(new() { Locale = "de-DE", ViewportSize = new() { Width = 1280, Height = 900 } });
        var page = await context.NewPageAsync();
        var violations = new List<string>();
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.Ordinal))
            {
                violations.Add(message.Text);
            }
        };
        return (page, violations);
    }
}
