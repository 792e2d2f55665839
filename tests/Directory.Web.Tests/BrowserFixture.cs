using Directory.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace Directory.Web.Tests;

/// <summary>
/// The service on a real Kestrel port over its own copy of the imported geography, and Debian's Chromium driven by
/// Playwright. Playwright never downloads a browser here: it is given /usr/bin/chromium.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private readonly TemporaryDirectory folder = new();
    private WebApplicationFactory<Program>? factory;
    private IPlaywright? playwright;

    public IBrowser Browser { get; private set; } = null!;

    public string BaseAddress { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        var chromium = ExternalTool.Require("chromium", "chromium");
        var database = folder.File("directory.gpkg");
        await ImportedGeography.CopyToAsync(database);

        factory = new WebApplicationFactory<Program>().WithWebHostBuilder(builder =>
        {
            builder.UseSetting("urls", "http://127.0.0.1:0");
            builder.UseSetting("ConnectionStrings:Directory", $"Data Source={database}");
            builder.UseSetting("Directory:GeographySource", RepositoryPaths.Data);
        });
        factory.UseKestrel();
        factory.StartServer();
        BaseAddress = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();

        playwright = await Playwright.CreateAsync();
        Browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = chromium,
            Headless = true,
            Args = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update"],
        });
    }

    public async ValueTask DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.DisposeAsync();
        }

        playwright?.Dispose();
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }

        folder.Dispose();
    }
}
