using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Api.Tests.Ogc;

/// <summary>The Api on a real loopback port (for clients in other processes, such as GDAL), first start with the demo list.</summary>
public sealed class KestrelApiFixture : IAsyncLifetime
{
    public DirectoryApiFactory Factory { get; } = new DirectoryApiFactory().With("urls", "http://127.0.0.1:0");

    public string BaseAddress { get; private set; } = "";

    public ValueTask InitializeAsync()
    {
        Factory.UseKestrel();
        Factory.StartServer();
        BaseAddress = Factory.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
