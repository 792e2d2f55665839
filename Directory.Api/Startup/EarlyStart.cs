using Directory.Api.Snapshot;
using Directory.Core.Storage;
using Directory.Core.Storage.CompiledModel;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Directory.Api.Startup;

/// <summary>
/// The start's head start, begun before the host is built. On a GeoPackage that needs nothing done (current schema,
/// geography and population grid present, sign-in keys made, a current stored copy of the list: every start but the
/// first and the one after an import while the service was down) it reads the first snapshot on a plain SQLite
/// connection with the compiled model, beside the building of the host, instead of after EF Core's services (built
/// once per process, 0.25–0.5 s of a start on two cores) and the database's preparation (docs/performance.md).
/// Anything else (a new file, a pending migration, PostGIS, no current copy, an error of any kind) is left to the
/// full start in <see cref="DirectoryInitializer"/>, which then builds EF Core's services first and reports what is
/// wrong. The early read only reads: the start's write probe runs on its connection when the initializer takes the
/// result, after checking that the configuration still names the same database.
/// </summary>
public sealed class EarlyStart
{
    private EarlyStart(string? connectionString, Task<EarlyRead?> read, Task efServices)
    {
        ConnectionString = connectionString;
        Read = read;
        EfServices = efServices;
    }

    /// <summary>None: the full start, with EF Core's services built by the first context (hosts that start no early read).</summary>
    public static EarlyStart None { get; } = new(null, Task.FromResult<EarlyRead?>(null), Task.CompletedTask);

    /// <summary>The connection string the early read used, as the configuration gave it before the host was built.</summary>
    public string? ConnectionString { get; }

    /// <summary>The snapshot read early, or null when the full start has to do it. Never faults.</summary>
    public Task<EarlyRead?> Read { get; }

    /// <summary>
    /// Completes when EF Core's internal services are built, which begins as soon as the early read has declined
    /// (the full start waits for it rather than building them a second time beside it). Never faults.
    /// </summary>
    public Task EfServices { get; }

    /// <summary>Starts the early read in the background, on the database the configuration names now.</summary>
    public static EarlyStart Begin(IConfiguration configuration)
    {
        var connectionString = configuration.GetConnectionString(DirectoryServices.ConnectionStringName) ?? DirectoryDatabase.DefaultPath;
        var read = Task.Run(() => TryReadAsync(connectionString));
        var efServices = read.ContinueWith(early =>
        {
            if (early.Result is null)
            {
                BuildEfServices(connectionString);
            }
        }, TaskScheduler.Default);
        return new EarlyStart(connectionString, read, efServices);
    }

    private static async Task<EarlyRead?> TryReadAsync(string pathOrConnectionString)
    {
        SqliteConnection? connection = null;
        try
        {
            var connectionString = DirectoryDatabase.ToConnectionString(pathOrConnectionString);
            if (DirectoryDatabase.IsPostgis(connectionString) || !File.Exists(DirectoryDatabase.FilePath(connectionString)))
            {
                return null;
            }

            // ReadWrite, not the default ReadWriteCreate: the early read never makes a file.
            connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Mode = SqliteOpenMode.ReadWrite }.ToString());
            await connection.OpenAsync();
            await SqliteBusyTimeout.ApplyAsync(connection, CancellationToken.None);

            if (!await DirectoryDatabase.IsCurrentAsync(connection, CancellationToken.None))
            {
                return null;
            }

            StoredSnapshot stored;
            // Deferred: it only reads, so an import in another process is not blocked by it.
            await using (var transaction = connection.BeginTransaction(deferred: true))
            {
                var read = new DatabaseRead(connection, transaction, DirectoryDbContextModel.Instance);
                // What the full start's preparation adds when it is missing: then that has to run.
                foreach (var table in (string[])[GeoPackageLayers.Municipalities, GeoPackageLayers.PopulationGrid, DirectoryDbContext.DataProtectionKeysTable])
                {
                    if (!await DirectoryDatabase.HasRowsAsync(read, table, CancellationToken.None))
                    {
                        return null;
                    }
                }

                stored = await SnapshotLoader.ReadAsync(read, keptGeographyVersion: null, geography: null, CancellationToken.None);
            }

            if (stored.List is null)
            {
                // No current copy of the list: its rows are read through EF Core, by the full start.
                return null;
            }

            var early = new EarlyRead(stored, connection);
            connection = null;
            return early;
        }
        catch (Exception)
        {
            // The full start does it again and reports what is wrong, with its reason.
            return null;
        }
        finally
        {
            if (connection is not null)
            {
                await connection.DisposeAsync();
            }
        }
    }

    private static void BuildEfServices(string connectionString)
    {
        try
        {
            using var db = DirectoryDatabase.CreateContext(connectionString);
            _ = db.Database.GetConnectionString();
        }
        catch (Exception)
        {
            // Only a warm-up: a connection string that is no good is reported by the start itself, with its reason.
        }
    }
}

/// <summary>A snapshot's data read early, and the open connection it was read on (for the start's write probe).</summary>
public sealed record EarlyRead(StoredSnapshot Stored, SqliteConnection Connection);
