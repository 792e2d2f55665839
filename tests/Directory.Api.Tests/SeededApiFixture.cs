using Directory.Testing;

namespace Directory.Api.Tests;

/// <summary>One Api started on a new database: the first start imports the geography and the demo list. Read only.</summary>
public sealed class SeededApiFixture : IAsyncLifetime
{
    private DirectoryApiFactory? factory;
    private HttpClient? client;

    public DirectoryApiFactory Factory => factory ?? TestStore.SkipUnavailable<DirectoryApiFactory>();

    public HttpClient Client => client ?? TestStore.SkipUnavailable<HttpClient>();

    public ValueTask InitializeAsync()
    {
        if (TestStore.Unavailable is null)
        {
            factory = new DirectoryApiFactory();
            client = factory.CreateClient();
        }

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
