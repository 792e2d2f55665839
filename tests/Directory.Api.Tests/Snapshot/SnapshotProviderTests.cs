using System.Text;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace Directory.Api.Tests.Snapshot;

/// <summary>The served snapshot never steps back to an older data version.</summary>
public sealed class SnapshotProviderTests
{
    [Fact]
    public async Task ASnapshotReadBeforeAnImportIsNotPublishedAfterIt()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var factory = await DirectoryApiFactory.WithGeographyAsync();
        _ = factory.CreateClient();
        var snapshots = factory.Services.GetRequiredService<SnapshotProvider>();
        var loader = factory.Services.GetRequiredService<SnapshotLoader>();
        await using var db = DirectoryDatabase.CreateContext(factory.Database);
        var before = await loader.LoadAsync(db, cancel);

        using var folder = new TemporaryDirectory();
        var list = folder.File("liste.csv");
        await File.WriteAllTextAsync(list, "Nachname;Vorname;AGS;Status;Veröffentlichen\nNeumann;Nora;05966024;aktiv;ja\n", Encoding.UTF8, cancel);
        var report = await ListImporter.ImportAsync(db, await GeographySnapshot.LoadAsync(db, cancel), list, new ListImportOptions(ListImportMode.Merge), cancel);
        Assert.Equal(ListImportResult.Applied, report.Result);
        var after = await loader.LoadAsync(db, cancel);

        Assert.True(snapshots.Publish(after));
        Assert.False(snapshots.Publish(before));
        Assert.Same(after, snapshots.Current);
        Assert.Single(snapshots.Current.PublicManagers);
        Assert.True(snapshots.Publish(after)); // the same version again is no step back
    }
}
