using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Directory.Core.Storage;

/// <summary>Opening the directory's GeoPackage: the one documented default path and the EF Core options.</summary>
public static class DirectoryDatabase
{
    /// <summary>
    /// The default database file, relative to the working directory: the CLI's <c>--db</c> and the Api's
    /// <c>ConnectionStrings:Directory</c> both fall back to it.
    /// </summary>
    public const string DefaultPath = "directory.gpkg";

    /// <summary>
    /// Turns a file path or an SQLite connection string into a connection string. A plain path is what users
    /// type on the command line; a connection string is what configuration holds.
    /// </summary>
    public static string ToConnectionString(string pathOrConnectionString) =>
        pathOrConnectionString.Contains('=')
            ? pathOrConnectionString
            : new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString }.ToString();

    /// <summary>The file an SQLite connection string points at, as an absolute path.</summary>
    public static string FilePath(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>Configures EF Core for the directory's GeoPackage.</summary>
    public static DbContextOptionsBuilder UseDirectoryDatabase(this DbContextOptionsBuilder options, string connectionString) =>
        options.UseSqlite(connectionString, sqlite => sqlite.MigrationsAssembly(typeof(DirectoryDbContext).Assembly.FullName));

    /// <summary>
    /// Brings the database to the current schema, creating the file if it is missing, and makes sure its header
    /// says GeoPackage. Every host calls this before it reads or writes.
    /// </summary>
    public static async Task MigrateAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        // Migrating takes EF Core's migration lock, a write even when nothing is pending; a read-only use such as
        // a dry run must leave the file byte for byte as it was.
        if ((await db.Database.GetPendingMigrationsAsync(cancellationToken)).Any())
        {
            await db.Database.MigrateAsync(cancellationToken);
        }

        // EF Core creates SQLite files in WAL mode, which keeps recent writes in a -wal file beside the database:
        // a copy of the .gpkg alone would miss them, and GDAL reads the GeoPackage header from the main file.
        // The rollback journal keeps the GeoPackage one complete file after every commit.
        await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode = DELETE", cancellationToken);
        await GeoPackageLayers.MarkAsGeoPackageAsync(db, cancellationToken);
    }

    /// <summary>Creates a context on <paramref name="pathOrConnectionString"/>.</summary>
    public static DirectoryDbContext CreateContext(string pathOrConnectionString)
    {
        var options = new DbContextOptionsBuilder<DirectoryDbContext>();
        options.UseDirectoryDatabase(ToConnectionString(pathOrConnectionString));
        return new DirectoryDbContext(options.Options);
    }
}
