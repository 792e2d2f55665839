using Directory.Api.Tests.Startup;
using Directory.Core.Managers;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.EntityFrameworkCore;
using NetTopologySuite.Geometries;

namespace Directory.Api.Tests.Snapshot;

/// <summary>
/// The snapshot reads the list with a plain data reader instead of EF Core (start-up time); it must read exactly
/// what EF Core reads, property by property, on both stores: the demo list plus entries with every optional field
/// empty, each status, consent and location source.
/// </summary>
public sealed class ServedListReadTests : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task ReadsEveryPropertyOfEveryEntryAsEfCoreDoes()
    {
        var cancel = TestContext.Current.CancellationToken;
        await SnapshotTestList.PrepareAsync(folder.Database, cancel);

        await using var db = DirectoryDatabase.CreateContext(folder.Database);
        var expected = await db.FamilyManagers.AsNoTracking().OrderBy(m => m.Id).ToListAsync(cancel);
        var read = new List<FamilyManager>();
        await foreach (var manager in ServedList.ReadEntriesAsync(db, cancel))
        {
            read.Add(manager);
        }

        Assert.True(expected.Count > 100, $"only {expected.Count} entries");
        Assert.Equal(expected.Select(m => m.Id), read.Select(m => m.Id));
        // Every mapped property, taken from the model: a property added later is compared without changing this test.
        var properties = db.Model.FindEntityType(typeof(FamilyManager))!.GetProperties().Select(p => p.PropertyInfo!).ToList();
        Assert.Equal(20, properties.Count);
        for (var i = 0; i < expected.Count; i++)
        {
            foreach (var property in properties)
            {
                var (want, got) = (property.GetValue(expected[i]), property.GetValue(read[i]));
                var same = want is Point a && got is Point b ? a.EqualsExact(b) && a.SRID == b.SRID : Equals(want, got);
                Assert.True(same, $"entry {expected[i].Id}, {property.Name}: EF Core read {want}, the reader {got}");
            }
        }

        // The list covers what the reader converts: both statuses, both consents, every location source, empty fields.
        Assert.Equal(2, read.Select(m => m.Status).Distinct().Count());
        Assert.Equal(2, read.Select(m => m.PublicationConsent).Distinct().Count());
        Assert.Equal(Enum.GetValues<LocationSource>().Length, read.Select(m => m.LocationSource).Distinct().Count());
        Assert.Contains(read, m => m.Title is null && m.CertificateNumber is null && m.CertifiedOn is null && m.Website is null);
    }
}
