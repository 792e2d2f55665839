namespace Directory.Api.Tests;

/// <summary>One Api started on a new database: the first start imports the geography and the demo list. Read only.</summary>
public sealed class SeededApiFixture : IAsyncLifetime
{
    public DirectoryApiFactory Factory { get; } = new();

    public HttpClient Client { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        Client = Factory.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync() => await Factory.DisposeAsync();
}
