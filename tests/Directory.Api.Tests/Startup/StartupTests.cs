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
}
