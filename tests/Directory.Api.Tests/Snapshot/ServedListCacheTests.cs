using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using Directory.Core.Managers;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.EntityFrameworkCore;

namespace Directory.Api.Tests.Snapshot;

/// <summary>
/// The service starts from a stored copy of what its snapshot keeps of the list, on both stores: the copy must hold
/// exactly what the rows give, be used only for the list version it was made from, and a damaged one must cost
/// nothing but time.
/// </summary>
public sealed class ServedListCacheTests : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task TheStoredCopyHoldsExactlyWhatTheRowsGive()
    {
        await SnapshotTestList.PrepareAsync(folder.Database, Cancel);
        await using var db = DirectoryDatabase.CreateContext(folder.Database);
        var (_, version) = await DirectoryState.ReadAsync(db, Cancel);
        var rows = await ServedList.ReadAsync(db, Cancel);

        Assert.True(await ServedListCache.StoreAsync(db, rows, version, Cancel));
        var copy = await ServedListCache.ReadAsync(db, version, Cancel);

        Assert.NotNull(copy);
        // Records: equal means every property equal, in the same order (ids ascending).
        Assert.Equal(rows.PublicManagers, copy.PublicManagers);
        Assert.Equal(rows.CoverageManagers, copy.CoverageManagers);
        Assert.Equal(rows.CoveredAreaKeys().Order(), copy.CoveredAreaKeys().Order());
        // What the rows give, counted by the database itself.
        Assert.Equal(await db.FamilyManagers.CountAsync(m => m.PublicationConsent && m.Status == ManagerStatus.Active, Cancel), copy.PublicManagers.Count);
        Assert.Equal(await db.FamilyManagers.CountAsync(m => m.Status == ManagerStatus.Active, Cancel), copy.CoverageManagers.Count);
        Assert.Contains(copy.PublicManagers, m => m.Title is null);
        Assert.Contains(copy.PublicManagers, m => m.Surname == "Voll" && m.IsApproximate && m.Street == "Burloer Straße 93");
        // A text stored once is one instance in memory: entries of one organisation share it.
        var shared = copy.PublicManagers.Where(m => m.Organisation is not null).GroupBy(m => m.Organisation).First(g => g.Count() > 1).ToList();
        Assert.Same(shared[0].Organisation, shared[1].Organisation);
    }

    [Fact]
    public async Task ACopyOfAnotherListVersionIsNeitherReadNorStored()
    {
        await SnapshotTestList.PrepareAsync(folder.Database, Cancel);
        await using var db = DirectoryDatabase.CreateContext(folder.Database);
        var (_, version) = await DirectoryState.ReadAsync(db, Cancel);
        var before = await ServedList.ReadAsync(db, Cancel);
        Assert.True(await ServedListCache.StoreAsync(db, before, version, Cancel));

        // An edit as the staff area makes one: the entry and the list's counter in one transaction.
        await using (var edit = await db.Database.BeginTransactionAsync(Cancel))
        {
            await db.FamilyManagers.Where(m => m.Surname == "Voll").ExecuteUpdateAsync(s => s.SetProperty(m => m.Surname, "Geändert"), Cancel);
            await DirectoryState.BumpListAsync(db, Cancel);
            await edit.CommitAsync(Cancel);
        }

        var (_, edited) = await DirectoryState.ReadAsync(db, Cancel);
        Assert.Equal(version + 1, edited);
        Assert.Null(await ServedListCache.ReadAsync(db, edited, Cancel));
        // A copy made before the edit is outdated at once: not stored, and the older one is gone too.
        Assert.False(await ServedListCache.StoreAsync(db, before, version, Cancel));
        Assert.Null(await ServedListCache.ReadAsync(db, version, Cancel));
        Assert.True(await ServedListCache.StoreAsync(db, await ServedList.ReadAsync(db, Cancel), edited, Cancel));
        Assert.Contains((await ServedListCache.ReadAsync(db, edited, Cancel))!.PublicManagers, m => m.Surname == "Geändert");
    }

    [Fact]
    public async Task TheServiceStoresACopyStartsFromItAndReadsTheRowsWhenItIsDamagedOrOutdated()
    {
        await SnapshotTestList.PrepareAsync(folder.Database, Cancel);
        long version;
        int id;
        await using (var db = DirectoryDatabase.CreateContext(folder.Database))
        {
            (_, version) = await DirectoryState.ReadAsync(db, Cancel);
            id = await db.FamilyManagers.Where(m => m.Surname == "Voll").Select(m => m.Id).SingleAsync(Cancel);
        }

        // A first start reads the rows and stores the copy beside serving.
        await using (var first = Start())
        {
            Assert.Equal("Dr. Mit Voll", await NameAsync(first, id));
            var stopwatch = Stopwatch.StartNew();
            await using var db = DirectoryDatabase.CreateContext(folder.Database);
            while (await ServedListCache.ReadAsync(db, version, Cancel) is null)
            {
                Assert.True(stopwatch.Elapsed < TimeSpan.FromSeconds(20), "the service stored no copy of the list");
                await Task.Delay(100, Cancel);
            }
        }

        // Marked copy, same version: a start that serves the mark started from the copy.
        await using (var db = DirectoryDatabase.CreateContext(folder.Database))
        {
            var copy = (await ServedListCache.ReadAsync(db, version, Cancel))!;
            var marked = copy with
            {
                PublicManagers = copy.PublicManagers.Select(m => m.Id == id ? m with { Surname = "Aus der Kopie" } : m).ToList(),
            };
            await SetCopyAsync(db, ServedListCache.Serialize(marked));
        }

        await using (var fromCopy = Start())
        {
            Assert.Equal("Dr. Mit Aus der Kopie", await NameAsync(fromCopy, id));
        }

        // Damaged: the rows, and a warning that says so.
        await using (var db = DirectoryDatabase.CreateContext(folder.Database))
        {
            await SetCopyAsync(db, ServedListCache.Serialize(await ServedList.ReadAsync(db, Cancel))[..^9]);
        }

        await using (var damaged = Start())
        {
            Assert.Equal("Dr. Mit Voll", await NameAsync(damaged, id));
            Assert.Contains(damaged.Logs, line => line.StartsWith("Warning", StringComparison.Ordinal) && line.Contains("cannot be read", StringComparison.Ordinal));
        }

        // Outdated: a copy (marked again) of the version before an edit is not served.
        await using (var db = DirectoryDatabase.CreateContext(folder.Database))
        {
            var rows = await ServedList.ReadAsync(db, Cancel);
            await SetCopyAsync(db, ServedListCache.Serialize(rows with
            {
                PublicManagers = rows.PublicManagers.Select(m => m.Id == id ? m with { Surname = "Aus der Kopie" } : m).ToList(),
            }));
            await using var edit = await db.Database.BeginTransactionAsync(Cancel);
            await db.FamilyManagers.Where(m => m.Id == id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Surname, "Neu"), Cancel);
            await DirectoryState.BumpListAsync(db, Cancel);
            await edit.CommitAsync(Cancel);
        }

        await using (var outdated = Start())
        {
            Assert.Equal("Dr. Mit Neu", await NameAsync(outdated, id));
        }
    }

    // A new service on the test's database, as after a restart; returns once its first snapshot is served.
    private DirectoryApiFactory Start()
    {
        var factory = new DirectoryApiFactory(folder.Database);
        _ = factory.Services;
        return factory;
    }

    private static async Task<string?> NameAsync(DirectoryApiFactory factory, int id) =>
        (await factory.CreateClient().GetFromJsonAsync<JsonElement>($"/api/managers/{id}", Cancel)).GetProperty("name").GetString();

    private static async Task SetCopyAsync(DirectoryDbContext db, byte[] data)
    {
        var updated = await db.ServedListCopies.ExecuteUpdateAsync(c => c.SetProperty(x => x.Data, data), Cancel);
        Assert.Equal(1, updated);
    }
}
