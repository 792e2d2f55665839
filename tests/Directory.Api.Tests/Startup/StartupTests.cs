using System.Net.Http.Json;
using System.Text.Json;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Directory.Api.Tests.Startup;

public sealed class StartupTests
{
    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Fact]
    public async Task AFirstStartCreatesTheDatabaseAndImportsTheGeography()
    {
        await using var factory = new DirectoryApiFactory();
        Assert.False(await TestStore.ExistsAsync(factory.Database));

        var health = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/health", Cancel);

        Assert.Equal(396, health.GetProperty("municipalities").GetInt32());
        Assert.True(await TestStore.ExistsAsync(factory.Database));
        await using var db = DirectoryDatabase.CreateContext(factory.Database);
        Assert.Equal(53, await db.Districts.CountAsync(Cancel));
    }

    [Fact]
    public async Task StartingOnAnExistingDatabaseDoesNotImportAgain()
    {
        await using var factory = await DirectoryApiFactory.WithGeographyAsync();
        // Mark the existing data: a re-import from data/ would overwrite this name.
        await using (var db = DirectoryDatabase.CreateContext(factory.Database))
        {
            await db.Municipalities.Where(m => m.Ags == "05966024").ExecuteUpdateAsync(s => s.SetProperty(m => m.Name, "Olpe (markiert)"), Cancel);
        }

        SqliteConnection.ClearAllPools();

        var olpe = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/regions/05966024", Cancel);

        Assert.Equal("Olpe (markiert)", olpe.GetProperty("region").GetProperty("name").GetString());
    }

    [Fact]
    public async Task ADatabaseWithThe2011GridGetsThe2022GridWithChildrenOnItsNextStart()
    {
        await using var factory = await DirectoryApiFactory.WithGeographyAsync();
        await using (var db = DirectoryDatabase.CreateContext(factory.Database))
        {
            // Back to the schema before issue 21, with a 2011 cell in it (at a postcode point: a valid point on either store).
            var migrations = db.Database.GetMigrations().ToList();
            var before = migrations[migrations.FindIndex(m => m.EndsWith("_PopulationGrid2022", StringComparison.Ordinal)) - 1];
            await db.GetService<IMigrator>().MigrateAsync(before, Cancel);
            await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO bevoelkerung_1km (cell_id, einwohner_2011, ags, geom) SELECT 'ALT-2011', 12345, ags, geom FROM postleitzahlen WHERE ags = '05966024' LIMIT 1",
                Cancel);
        }

        SqliteConnection.ClearAllPools();

        var coverage = await factory.CreateClient().GetFromJsonAsync<JsonElement>("/api/coverage?level=land", Cancel);

        await using var check = DirectoryDatabase.CreateContext(factory.Database);
        Assert.Empty(await check.Database.GetPendingMigrationsAsync(Cancel));
        Assert.Equal(File.ReadLines(RepositoryPaths.DataFile("nrw-population-1km-zensus2022.csv")).Count() - 1, await check.PopulationCells.CountAsync(Cancel));
        Assert.False(await check.PopulationCells.AnyAsync(c => c.CellId == "ALT-2011", Cancel));
        // data/README.md: 2,470,217 residents under 15 in the grid.
        Assert.Equal(2_470_217, await check.PopulationCells.SumAsync(c => c.Children, Cancel));
        Assert.True(coverage.GetProperty("total").GetProperty("children").GetInt64() > 2_400_000);
    }
}
