using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

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
        // Every start passes here: a file that is already current is recognised with two plain queries, without
        // EF Core's migration machinery, which costs a few hundred milliseconds of start-up the first time it runs.
        if (await IsCurrentAsync(db, cancellationToken))
        {
            return;
        }

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

    /// <summary>The ids of the migrations this build has, in order.</summary>
    public static IReadOnlyList<string> KnownMigrations { get; } = typeof(DirectoryDbContext).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<DbContextAttribute>()?.ContextType == typeof(DirectoryDbContext))
        .Select(t => t.GetCustomAttribute<MigrationAttribute>()?.Id)
        .OfType<string>()
        .Order(StringComparer.Ordinal)
        .ToList();

    private static async Task<bool> IsCurrentAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        var connectionString = db.Database.GetConnectionString()!;
        if (!File.Exists(FilePath(connectionString)))
        {
            return false;
        }

        await using var connection = new SqliteConnection(connectionString);
        await connection.OpenAsync(cancellationToken);
        await using var header = connection.CreateCommand();
        header.CommandText = "SELECT (SELECT application_id FROM pragma_application_id), (SELECT journal_mode FROM pragma_journal_mode), "
            + "(SELECT count(*) FROM sqlite_master WHERE name = '__EFMigrationsHistory')";
        await using (var reader = await header.ExecuteReaderAsync(cancellationToken))
        {
            if (!await reader.ReadAsync(cancellationToken) || reader.GetInt64(0) != GeoPackageLayers.ApplicationId
                || !string.Equals(reader.GetString(1), "delete", StringComparison.OrdinalIgnoreCase) || reader.GetInt64(2) == 0)
            {
                return false;
            }
        }

        await using var history = connection.CreateCommand();
        history.CommandText = "SELECT MigrationId FROM __EFMigrationsHistory ORDER BY MigrationId";
        var applied = new List<string>();
        await using (var reader = await history.ExecuteReaderAsync(cancellationToken))
        {
            while (await reader.ReadAsync(cancellationToken))
            {
                applied.Add(reader.GetString(0));
            }
        }

        return applied.SequenceEqual(KnownMigrations, StringComparer.Ordinal);
    }

    /// <summary>
    /// Starts a read-only transaction in which several queries see one commit. SQLite's default transaction takes
    /// the write lock at once (BEGIN IMMEDIATE) and would block imports; a deferred one only reads.
    /// </summary>
    public static async Task<IAsyncDisposable> BeginReadAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        var transaction = ((SqliteConnection)db.Database.GetDbConnection()).BeginTransaction(deferred: true);
        await db.Database.UseTransactionAsync(transaction, cancellationToken);
        return new ReadTransaction(db, transaction);
    }

    private sealed class ReadTransaction(DirectoryDbContext db, System.Data.Common.DbTransaction transaction) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // Nothing was written: ending the transaction only releases the shared lock.
            await transaction.RollbackAsync();
            await db.Database.UseTransactionAsync(null);
            await transaction.DisposeAsync();
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>Creates a context on <paramref name="pathOrConnectionString"/>.</summary>
    public static DirectoryDbContext CreateContext(string pathOrConnectionString)
    {
        var options = new DbContextOptionsBuilder<DirectoryDbContext>();
        options.UseDirectoryDatabase(ToConnectionString(pathOrConnectionString));
        return new DirectoryDbContext(options.Options);
    }
}
