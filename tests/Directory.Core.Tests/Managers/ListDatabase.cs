using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Testing;

namespace Directory.Core.Tests.Managers;

/// <summary>A GeoPackage of its own with the NRW geography and no family managers, for one test.</summary>
internal sealed class ListDatabase : IAsyncLifetime
{
    private readonly TemporaryDirectory folder = new();

    public string Path => folder.File("directory.gpkg");

    public TemporaryDirectory Folder => folder;

    public GeographySnapshot Geography { get; private set; } = null!;

    public DirectoryDbContext Open() => DirectoryDatabase.CreateContext(Path);

    public async ValueTask InitializeAsync()
    {
        await ImportedGeography.CopyToAsync(Path);
        await using var db = Open();
        Geography = await GeographySnapshot.LoadAsync(db, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        folder.Dispose();
        return ValueTask.CompletedTask;
    }
}
