using System.Data;
using System.Data.Common;
using System.Reflection;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Directory.Core.Storage;

/// <summary>
/// Opening the directory's database: the embedded GeoPackage (a file path or an SQLite connection string) or, in
/// server mode, PostgreSQL + PostGIS (an Npgsql connection string, recognised by its <c>Host</c>). The one place that
/// knows both; everything else works on <see cref="DirectoryDbContext"/>.
/// </summary>
public static class DirectoryDatabase
{
    /// <summary>
    /// The default database file, relative to the working directory: the CLI's <c>--db</c> and the Api's
    /// <c>ConnectionStrings:Directory</c> both fall back to it.
    /// </summary>
    public const string DefaultPath = "directory.gpkg";

    /// <summary>
    /// Turns a file path or a connection string into a connection string. A plain path is what users type on the
    /// command line; a connection string is what configuration holds.
    /// </summary>
    public static string ToConnectionString(string pathOrConnectionString) =>
        pathOrConnectionString.Contains('=')
            ? pathOrConnectionString
            : new SqliteConnectionStringBuilder { DataSource = pathOrConnectionString }.ToString();

    /// <summary>
    /// True for a PostgreSQL connection string (<c>Host=…;Database=…</c>): SQLite has no <c>Host</c> keyword, so the
    /// connection string alone chooses the store, the same way in the service's configuration and the CLI's --db.
    /// </summary>
    public static bool IsPostgis(string pathOrConnectionString)
    {
        if (!pathOrConnectionString.Contains('='))
        {
            return false;
        }

        try
        {
            var keys = new DbConnectionStringBuilder { ConnectionString = pathOrConnectionString };
            return keys.ContainsKey("Host") || keys.ContainsKey("Server");
        }
        catch (ArgumentException)
        {
            // Not a connection string at all: SQLite will say what is wrong with it.
            return false;
        }
    }

    /// <summary>The file an SQLite connection string points at, as an absolute path.</summary>
    public static string FilePath(string connectionString) =>
        Path.GetFullPath(new SqliteConnectionStringBuilder(connectionString).DataSource);

    /// <summary>For logs and messages: the GeoPackage's full path, or the PostGIS server and database (no password).</summary>
    public static string Describe(string pathOrConnectionString)
    {
        var connectionString = ToConnectionString(pathOrConnectionString);
        if (!IsPostgis(connectionString))
        {
            return FilePath(connectionString);
        }

        var postgres = new NpgsqlConnectionStringBuilder(connectionString);
        return $"PostGIS {postgres.Host}:{postgres.Port}/{postgres.Database ?? postgres.Username}";
    }

    /// <summary>
    /// Whether there is a database to work on: the GeoPackage file exists; a PostGIS server is always taken to be
    /// there (whether it answers shows at the first connection, with the server's reason).
    /// </summary>
    public static bool Exists(string pathOrConnectionString)
    {
        var connectionString = ToConnectionString(pathOrConnectionString);
        return IsPostgis(connectionString) || File.Exists(FilePath(connectionString));
    }

    /// <summary>
    /// Creates a context on <paramref name="pathOrConnectionString"/>: a <see cref="PostgisDirectoryDbContext"/> for a
    /// PostgreSQL connection string, else the GeoPackage's. <paramref name="services"/>, when given, supplies logging.
    /// </summary>
    public static DirectoryDbContext CreateContext(string pathOrConnectionString, IServiceProvider? services = null)
    {
        var connectionString = ToConnectionString(pathOrConnectionString);
        var migrations = typeof(DirectoryDbContext).Assembly.FullName;
        if (IsPostgis(connectionString))
        {
            var postgis = new DbContextOptionsBuilder<PostgisDirectoryDbContext>();
            if (services is not null)
            {
                postgis.UseApplicationServiceProvider(services);
            }

            postgis.UseNpgsql(connectionString, npgsql => npgsql.UseNetTopologySuite().MigrationsAssembly(migrations));
            return new PostgisDirectoryDbContext(postgis.Options);
        }

        var sqlite = new DbContextOptionsBuilder<DirectoryDbContext>();
        if (services is not null)
        {
            sqlite.UseApplicationServiceProvider(services);
        }

        sqlite.UseSqlite(connectionString, options => options.MigrationsAssembly(migrations)).AddInterceptors(SqliteBusyTimeout.Instance, GeoPackageFunctions.Instance);
        return new DirectoryDbContext(sqlite.Options);
    }

    /// <summary>
    /// Registers <see cref="DirectoryDbContext"/> (scoped) on the connection string that <paramref name="connectionString"/>
    /// reads when the first context is made, so that configuration added late (tests, command-line) still counts.
    /// </summary>
    public static IServiceCollection AddDirectoryDbContext(this IServiceCollection services, Func<IServiceProvider, string> connectionString) =>
        services.AddScoped(provider => CreateContext(connectionString(provider), provider));

    /// <summary>
    /// Brings the database to the current schema, creating the file if it is missing, and makes sure its header
    /// says GeoPackage. Every host calls this before it reads or writes.
    /// </summary>
    public static async Task MigrateAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        if (db is PostgisDirectoryDbContext)
        {
            // EF Core creates the database if it is missing and takes a lock on the server, so several instances
            // starting together migrate once.
            if (await db.Database.CanConnectAsync(cancellationToken))
            {
                await AdoptBaselineAsync(db, "20261207032914_RoadNetwork", cancellationToken);
            }

            await db.Database.MigrateAsync(cancellationToken);
            return;
        }

        // Every start passes here: a file that is already current is recognised with two plain queries, without
        // EF Core's migration machinery, which costs a few hundred milliseconds of start-up the first time it runs.
        if (await IsCurrentAsync(db, cancellationToken))
        {
            return;
        }

        if (File.Exists(FilePath(db.Database.GetConnectionString()!)))
        {
            await AdoptBaselineAsync(db, "20261207032908_RoadNetwork", cancellationToken);
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

    /// <summary>
    /// A database made by a development build before the migrations were squashed into one baseline (issue 33) that
    /// had all of them (<paramref name="lastSquashed"/> the last) has exactly the baseline's schema: its history is
    /// rewritten to the baseline, and nothing else changes. An older one has to be made anew.
    /// </summary>
    private static async Task AdoptBaselineAsync(DirectoryDbContext db, string lastSquashed, CancellationToken cancellationToken)
    {
        var applied = (await db.Database.GetAppliedMigrationsAsync(cancellationToken)).ToList();
        var baseline = db.Database.GetMigrations().First();
        if (applied.Count > 0 && !applied.Contains(baseline))
        {
            if (!applied.Contains(lastSquashed))
            {
                throw new InvalidOperationException(
                    $"The database was made by a development build older than {lastSquashed}; remove it and let the service make it anew.");
            }

            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"__EFMigrationsHistory\" WHERE \"MigrationId\" <> {0}", [lastSquashed], cancellationToken);
            await db.Database.ExecuteSqlRawAsync("UPDATE \"__EFMigrationsHistory\" SET \"MigrationId\" = {0}", [baseline], cancellationToken);
        }
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
        return await IsCurrentAsync(connection, cancellationToken);
    }

    // Whether the open GeoPackage needs nothing from MigrateAsync: it says GeoPackage, keeps the rollback journal and
    // has exactly the migrations of this build.
    private static async Task<bool> IsCurrentAsync(SqliteConnection connection, CancellationToken cancellationToken)
    {
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
    /// the write lock at once (BEGIN IMMEDIATE) and would block imports; a deferred one only reads. PostgreSQL gives
    /// the same one-commit view with REPEATABLE READ, without blocking writers.
    /// </summary>
    public static async Task<IAsyncDisposable> BeginReadAsync(DirectoryDbContext db, CancellationToken cancellationToken)
    {
        await db.Database.OpenConnectionAsync(cancellationToken);
        DbTransaction transaction = db.Database.GetDbConnection() switch
        {
            SqliteConnection sqlite => sqlite.BeginTransaction(deferred: true),
            var other => await other.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken),
        };
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
}
