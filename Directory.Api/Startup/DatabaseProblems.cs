using System.Net.Sockets;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace Directory.Api.Startup;

/// <summary>
/// Turns what goes wrong with the database at start-up into one sentence for the operator's log: which file, what
/// is wrong with it, what to do. (Logs are English; the operator reads them, not the public.)
/// </summary>
public static class DatabaseProblems
{
    /// <summary>The explanation of <paramref name="exception"/>.</summary>
    public static string Explain(Exception exception, string geographySource)
    {
        if (Chain(exception).OfType<NpgsqlException>().FirstOrDefault() is { } postgres)
        {
            return ExplainPostgres(postgres);
        }

        var sqlite = Chain(exception).OfType<SqliteException>().FirstOrDefault();
        return sqlite?.SqliteErrorCode switch
        {
            // SQLITE_BUSY, SQLITE_LOCKED
            5 or 6 => "The directory database is locked by another process (an import, a backup or a second service on the same file) and did not become free within the timeout. Stop the other process or try again.",
            // SQLITE_READONLY
            8 => "The directory database is read-only for this service (file or folder permissions, or a read-only file system). The service needs to write it (migrations, imports, staff sign-in).",
            // SQLITE_CORRUPT, SQLITE_NOTADB
            11 or 26 => "The directory database is corrupt or not an SQLite/GeoPackage file. Restore it from a backup, or move it away to start with a new one.",
            // SQLITE_CANTOPEN
            14 => "The directory database cannot be opened: its folder is missing or the service may not create files there. Check ConnectionStrings:Directory.",
            // SQLITE_FULL
            13 => "The disk holding the directory database is full.",
            _ when exception is DirectoryNotFoundException or FileNotFoundException =>
                $"A file the first start needs is missing ({exception.Message}); Directory:GeographySource is '{geographySource}'.",
            _ => $"The directory database could not be prepared: {exception.GetBaseException().Message}",
        };
    }

    /// <summary>
    /// Whether <paramref name="exception"/> is another writer holding the database for a moment (SQLite BUSY or
    /// LOCKED, as when two services start on one file and both write their first sign-in key), worth a retry.
    /// </summary>
    public static bool IsBusy(Exception exception) =>
        Chain(exception).OfType<SqliteException>().FirstOrDefault()?.SqliteErrorCode is 5 or 6;

    // Server mode: the server's SQLSTATE says what is wrong (https://www.postgresql.org/docs/current/errcodes-appendix.html).
    private static string ExplainPostgres(NpgsqlException exception) => exception is PostgresException server
        ? server.SqlState switch
        {
            "28P01" or "28000" => "The PostGIS server refused the credentials in ConnectionStrings:Directory (user or password).",
            "3D000" => "The database named in ConnectionStrings:Directory does not exist on the PostGIS server and this user may not create it.",
            "42501" => "The PostGIS user may not change the schema (migrations) or create the postgis extension: grant it, or let an administrator run 'CREATE EXTENSION postgis' once.",
            "0A000" or "58P01" => "The PostgreSQL server has no PostGIS extension installed (Debian package postgresql-NN-postgis-3).",
            "57P03" => "The PostGIS server is starting up or shutting down; the service stops and a restart will retry.",
            _ => $"The PostGIS server answered {server.SqlState}: {server.MessageText}",
        }
        : exception.InnerException is SocketException or TimeoutException
            ? "The PostGIS server named in ConnectionStrings:Directory does not answer (host, port, firewall, or the server is not running)."
            : $"The PostGIS database could not be prepared: {exception.GetBaseException().Message}";

    // The SQLite error may sit a few levels down (EF Core's DbUpdateException, Data Protection's wrappers).
    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var current = exception; current is not null; current = current.InnerException)
        {
            yield return current;
        }
    }
}
