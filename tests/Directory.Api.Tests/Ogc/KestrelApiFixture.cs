using Directory.Testing;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Api.Tests.Ogc;

/// <summary>The Api on a real loopback port (for clients in other processes, such as GDAL), first start with the demo list.</summary>
public sealed class KestrelApiFixture : IAsyncLifetime
{
    private DirectoryApiFactory? factory;
    private string? baseAddress;

    public DirectoryApiFactory Factory => factory ?? TestStore.SkipUnavailable<DirectoryApiFactory>();

    public string BaseAddress => baseAddress ?? TestStore.SkipUnavailable<string>();

    public ValueTask InitializeAsync()
    {
        if (TestStore.Unavailable is not null)
        {
            return ValueTask.CompletedTask;
        }

        factory = new DirectoryApiFactory().With("urls", "http://127.0.0.1:0");
        factory.UseKestrel();
        factory.StartServer();
        baseAddress = factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (factory is not null)
        {
            await factory.DisposeAsync();
        }
    }
}
