using Directory.Core.Geography;
using Directory.Core.Geography.Import;
using Directory.Core.Storage;

namespace Directory.Testing;

/// <summary>
/// A GeoPackage (or in the PostGIS run a PostgreSQL database) with the real NRW geography, imported once per test
/// run and copied for each test that needs a database of its own, so that no test shares a database another test
/// writes to.
/// </summary>
internal static class ImportedGeography
{
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    /// <summary>Copies the imported database to <paramref name="database"/> (a path, or a PostgreSQL connection string).</summary>
    public static async Task CopyToAsync(string database)
    {
        if (DirectoryDatabase.IsPostgis(database))
        {
            await TestStore.CopyDatabaseAsync(await Template.Value, database);
            return;
        }

        File.Copy(await Template.Value, database, overwrite: true);
    }

    private static async Task<string> CreateTemplateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fm-nrw-tests", "template-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var template = TestStore.DatabaseIn(folder);
        if (DirectoryDatabase.IsPostgis(template))
        {
            // Unpooled, so that no idle connection keeps the template busy when tests copy it; dropped at exit.
            template = new Npgsql.NpgsqlConnectionStringBuilder(template) { Pooling = false }.ToString();
            var dropAtExit = template;
            AppDomain.CurrentDomain.ProcessExit += (_, _) => TestStore.Drop(dropAtExit);
        }

        await using var db = DirectoryDatabase.CreateContext(template);
        await DirectoryDatabase.MigrateAsync(db, CancellationToken.None);
        await GeographyImporter.ImportAsync(db, GeographySources.InDirectory(RepositoryPaths.Data), CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return template;
    }
}
