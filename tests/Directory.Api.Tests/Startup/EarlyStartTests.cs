using Directory.Api.Startup;
using Directory.Core.Managers;
using Directory.Core.Snapshot;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;

namespace Directory.Api.Tests.Startup;

/// <summary>
/// The early read of a start (plain SQLite connection, compiled model, before EF Core's services exist) must give
/// what EF Core's context reads from the same file, must only read, and must leave every database that needs the
/// full start (or is not fit to use) to it.
/// </summary>
public sealed class EarlyStartTests : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task OnACurrentGeoPackageItReadsWhatTheContextReadsAndWritesNothing()
    {
        TestStore.RequireGeoPackage("the early read is the GeoPackage's");
        await PrepareCurrentAsync(folder.Database);
        var before = await TestStore.FingerprintAsync(folder.Database);

        var early = await EarlyStart.Begin(Configuration(folder.Database)).Read;

        Assert.NotNull(early);
        await early.Connection.DisposeAsync();
        Assert.Equal(before, await TestStore.FingerprintAsync(folder.Database));
        await using var db = DirectoryDatabase.CreateContext(folder.Database);
        var (geographyVersion, listVersion) = await DirectoryState.ReadAsync(db, Cancel);
        Assert.Equal(geographyVersion, early.Stored.GeographyVersion);
        Assert.Equal(listVersion, early.Stored.ListVersion);

        // The geography through EF Core's own queries, the list from its rows rather than the copy: neither shares the
        // early read's code.
        var read = early.Stored.Geography!;
        var municipalities = await db.Municipalities.AsNoTracking().OrderBy(m => m.Ags).ToListAsync(Cancel);
        Assert.Equal(396, read.Municipalities.Count);
        Assert.Equal(municipalities.Select(m => (m.Ags, m.Name, m.OfficialName, m.Type, (string?)m.DistrictKey, (string?)m.GovernmentRegionKey, m.Population, m.AreaKm2, m.InteriorEasting, m.InteriorNorthing)),
            read.Municipalities.Select(r => (r.Key, r.Name, r.OfficialName, r.Type, r.DistrictKey, r.GovernmentRegionKey, r.Population, r.AreaKm2, r.LabelPoint.X, r.LabelPoint.Y)));
        Assert.All(municipalities.Zip(read.Municipalities), pair => Assert.True(pair.First.Boundary.EqualsExact(pair.Second.Boundary), pair.First.Ags));
        var districts = await db.Districts.AsNoTracking().OrderBy(d => d.Key).ToListAsync(Cancel);
        Assert.Equal(districts.Select(d => (d.Key, d.Name, d.OfficialName, d.Type, (string?)d.GovernmentRegionKey, d.Population, d.AreaKm2)),
            read.Districts.Select(r => (r.Key, r.Name, r.OfficialName, r.Type, r.GovernmentRegionKey, r.Population, r.AreaKm2)));
        Assert.All(districts.Zip(read.Districts), pair => Assert.True(pair.First.Boundary.EqualsExact(pair.Second.Boundary), pair.First.Key));
        var regions = await db.GovernmentRegions.AsNoTracking().OrderBy(r => r.Key).ToListAsync(Cancel);
        Assert.Equal(regions.Select(r => (r.Key, r.Name, r.OfficialName, r.Population, r.AreaKm2)),
            read.GovernmentRegions.Select(r => (r.Key, r.Name, r.OfficialName, r.Population, r.AreaKm2)));
        Assert.All(regions.Zip(read.GovernmentRegions), pair => Assert.True(pair.First.Boundary.EqualsExact(pair.Second.Boundary), pair.First.Key));
        var postcodes = await db.Postcodes.AsNoTracking().ToListAsync(Cancel);
        Assert.Equal(postcodes.Select(p => (p.Code, p.Place, p.Ags, p.Location.X, p.Location.Y)).Order(),
            read.PostcodePlaces.Values.SelectMany(places => places).Select(p => (p.Code, p.Place, p.Ags, p.Location.X, p.Location.Y)).Order());
        var rows = await ServedList.ReadAsync(db, Cancel);
        Assert.NotEmpty(rows.PublicManagers);
        Assert.Equal(rows.PublicManagers, early.Stored.List!.List.PublicManagers);
        Assert.Equal(rows.CoverageManagers, early.Stored.List.List.CoverageManagers);
        Assert.Equal(rows.PublicManagers.Count, early.Stored.List.Managers.Managers.Count);
    }

    [Fact]
    public async Task AServiceThatReadEarlyAnswersAsOneThatStartedInFull()
    {
        TestStore.RequireGeoPackage("the early read is the GeoPackage's");
        await PrepareCurrentAsync(folder.Database);
        string[] paths =
        [
            "/api/managers", "/api/managers/nearby?plz=46325&radius=50", "/api/managers/nearby?lat=51.84&lon=6.86&limit=5",
            "/api/locate?lat=51.84&lon=6.86", "/api/regions/05554", "/api/coverage?level=kreis", "/api/places?q=Bork",
        ];
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(30) };

        async Task<(string Log, List<string> Answers)> StartAndAskAsync()
        {
            using var service = ServiceProcess.Start(folder.Database, "--Security:PermitsPerMinute=0");
            await service.WaitUntilReadyAsync(http, Cancel);
            var answers = new List<string>();
            foreach (var path in paths)
            {
                using var response = await http.GetAsync(service.Url + path, Cancel);
                Assert.True(response.IsSuccessStatusCode, $"{path}: {response.StatusCode}");
                answers.Add(await response.Content.ReadAsStringAsync(Cancel));
            }

            return (service.Log, answers);
        }

        var early = await StartAndAskAsync();
        // Without the stored copy the start reads the list's rows through EF Core: the full start.
        Execute(folder.Database, $"DELETE FROM {ServedListCache.Table}");
        var full = await StartAndAskAsync();

        Assert.Contains("read while the service started", early.Log, StringComparison.Ordinal);
        Assert.DoesNotContain("read while the service started", full.Log, StringComparison.Ordinal);
        Assert.Contains(" Voll\"", early.Answers[0], StringComparison.Ordinal);
        Assert.Equal(full.Answers, early.Answers);
    }

    public static TheoryData<string> DatabasesForTheFullStart() =>
    [
        "missing", "no stored copy", "copy of another list version", "pending migration", "no sign-in keys", "no population grid",
        "WAL journal", "not a database",
    ];

    [Theory]
    [MemberData(nameof(DatabasesForTheFullStart))]
    public async Task ItLeavesADatabaseThatNeedsTheFullStartToIt(string state)
    {
        TestStore.RequireGeoPackage("the early read is the GeoPackage's");
        var database = folder.Database;
        if (state != "missing")
        {
            await PrepareCurrentAsync(database);
        }

        switch (state)
        {
            case "no stored copy":
                Execute(database, $"DELETE FROM {ServedListCache.Table}");
                break;
            case "copy of another list version":
                Execute(database, $"UPDATE {DirectoryState.Table} SET {DirectoryState.ListVersionColumn} = {DirectoryState.ListVersionColumn} + 1");
                break;
            case "pending migration":
                Execute(database, "DELETE FROM __EFMigrationsHistory WHERE MigrationId = (SELECT max(MigrationId) FROM __EFMigrationsHistory)");
                break;
            case "no sign-in keys":
                Execute(database, $"DELETE FROM {DirectoryDbContext.DataProtectionKeysTable}");
                break;
            case "no population grid":
                Execute(database, $"DELETE FROM {GeoPackageLayers.PopulationGrid}");
                break;
            case "WAL journal":
                Execute(database, "PRAGMA journal_mode = WAL");
                break;
            case "not a database":
                SqliteConnection.ClearAllPools();
                await File.WriteAllTextAsync(database, "Dies ist keine Datenbank, sondern eine Textdatei." + new string('x', 4096), Cancel);
                break;
        }

        var before = File.Exists(database) ? await TestStore.FingerprintAsync(database) : null;
        var start = EarlyStart.Begin(Configuration(database));

        Assert.Null(await start.Read);
        await start.EfServices;
        Assert.Equal(state != "missing", File.Exists(database));
        if (before is not null && state != "WAL journal")
        {
            Assert.Equal(before, await TestStore.FingerprintAsync(database));
        }
    }

    [Fact]
    public async Task APostgisConnectionStringIsLeftToTheFullStart()
    {
        var start = EarlyStart.Begin(Configuration("Host=127.0.0.1;Port=1;Database=fmnrw_none;Username=none"));

        Assert.Null(await start.Read);
        await start.EfServices;
    }

    // A GeoPackage as every start after the first finds it: migrated, geography and list imported, sign-in keys made,
    // a stored copy of the current list.
    private static async Task PrepareCurrentAsync(string database)
    {
        await Snapshot.SnapshotTestList.PrepareAsync(database, Cancel);
        await using var db = DirectoryDatabase.CreateContext(database);
        var (_, listVersion) = await DirectoryState.ReadAsync(db, Cancel);
        Assert.True(await ServedListCache.StoreAsync(db, await ServedList.ReadAsync(db, Cancel), listVersion, Cancel));
        db.DataProtectionKeys.Add(new Microsoft.AspNetCore.DataProtection.EntityFrameworkCore.DataProtectionKey
        {
            FriendlyName = "test", Xml = "<key id=\"00000000-0000-0000-0000-000000000001\" version=\"1\" />",
        });
        await db.SaveChangesAsync(Cancel);
    }

    private static IConfiguration Configuration(string database) => new ConfigurationBuilder()
        .AddInMemoryCollection(new Dictionary<string, string?> { ["ConnectionStrings:Directory"] = DirectoryDatabase.ToConnectionString(database) })
        .Build();

    private static void Execute(string database, string sql)
    {
        using (var connection = new SqliteConnection(DirectoryDatabase.ToConnectionString(database)))
        {
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = sql;
            command.ExecuteNonQuery();
        }

        SqliteConnection.ClearAllPools();
    }
}
