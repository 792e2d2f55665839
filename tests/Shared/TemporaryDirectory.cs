namespace Directory.Testing;

/// <summary>A folder of its own for one test, deleted afterwards.</summary>
internal sealed class TemporaryDirectory : IDisposable
{
    public TemporaryDirectory()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "fm-nrw-tests", Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    /// <summary>
    /// The test's own database: <c>directory.gpkg</c> in this folder, or in the PostGIS run a PostgreSQL database
    /// named after the folder (dropped with it). It does not exist until a test or the code under test makes it.
    /// </summary>
    public string Database => database ??= TestStore.DatabaseIn(Path);

    private string? database;

    /// <summary>A path inside the folder.</summary>
    public string File(string name) => System.IO.Path.Combine(Path, name);

    /// <summary>Copies the five geography files of <c>data/</c> here, so that a test can spoil one of them.</summary>
    public string CopyGeography()
    {
        foreach (var name in new[] { "nrw-gemeinden-25832.geojson", "nrw-kreise.geojson", "nrw-regierungsbezirke.geojson", "nrw-plz.csv", "nrw-population-1km-zensus2022.csv" })
        {
            System.IO.File.Copy(RepositoryPaths.DataFile(name), File(name));
        }

        return Path;
    }

    public void Dispose()
    {
        if (database is not null)
        {
            TestStore.Drop(database);
        }

        // SQLite's connection pool may still hold a file open; the pool is cleared so the folder can go.
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            System.IO.Directory.Delete(Path, recursive: true);
        }
        catch (IOException)
        {
            // A file still in use is left to the OS's temp cleanup; it must not fail the test.
        }
    }
}
