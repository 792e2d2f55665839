using Directory.Core.Geography;
using Directory.Core.Storage;

namespace Directory.Testing;

/// <summary>
/// A GeoPackage with the real NRW geography, imported once per test run and copied for each test that needs a
/// database of its own, so that no test shares a database another test writes to.
/// </summary>
internal static class ImportedGeography
{
    private static readonly Lazy<Task<string>> Template = new(CreateTemplateAsync);

    /// <summary>Copies the imported database to <paramref name="path"/>.</summary>
    public static async Task CopyToAsync(string path) => File.Copy(await Template.Value, path, overwrite: true);

    private static async Task<string> CreateTemplateAsync()
    {
        var folder = Path.Combine(Path.GetTempPath(), "fm-nrw-tests", "template-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, "geography.gpkg");
        await using var db = DirectoryDatabase.CreateContext(path);
        await DirectoryDatabase.MigrateAsync(db, CancellationToken.None);
        await GeographyImporter.ImportAsync(db, GeographySources.InDirectory(RepositoryPaths.Data), CancellationToken.None);
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        return path;
    }
}
