using System.Security.Cryptography;
using System.Text;
using Directory.Core.Storage;
using Npgsql;

namespace Directory.Testing;

/// <summary>
/// The store the tests run against. The Api and Import suites are compiled twice: as they are (the GeoPackage) and
/// with POSTGIS defined (tests/*.Postgis projects), where every database of a test is a PostgreSQL database of its
/// own on the server that <see cref="ServerVariable"/> names (tests/run starts one of its own; tests/postgis-server.sh a
/// lasting one). Without a server the PostGIS tests are skipped locally and fail on CI, as with the other external
/// tools; class fixtures do not start then (<see cref="Unavailable"/>), since a skip thrown from a fixture would fail
/// every test of its class.
/// </summary>
internal static class TestStore
{
#if POSTGIS
    public static readonly bool IsPostgis = true;
#else
    public static readonly bool IsPostgis = false;
#endif

    /// <summary>Environment variable with the connection string of a PostgreSQL role that may create databases.</summary>
    public const string ServerVariable = "DIRECTORY_TEST_POSTGIS";

    /// <summary>The role that tests/postgis-server.sh creates on a local server.</summary>
    private const string LocalServer = "Host=127.0.0.1;Port=5432;Username=directory_test;Password=directory_test;Database=postgres";

    private static readonly Lazy<string?> ServerProblem = new(CheckServer);

    private static string Server => Environment.GetEnvironmentVariable(ServerVariable) is { Length: > 0 } configured ? configured : LocalServer;

    /// <summary>Where a test's database lives: a file in <paramref name="folder"/>, or a new PostgreSQL database named after it.</summary>
    public static string DatabaseIn(string folder)
    {
        if (!IsPostgis)
        {
            return Path.Combine(folder, "directory.gpkg");
        }

        RequireServer();
        return new NpgsqlConnectionStringBuilder(Server) { Database = "fmnrw_" + Path.GetFileName(folder) }.ToString();
    }

    /// <summary>
    /// Why this run's store cannot be used (no PostGIS server in the PostGIS run), or null. Fixtures check it before
    /// they start anything and then skip the tests that use them (<see cref="SkipUnavailable{T}"/>).
    /// </summary>
    public static string? Unavailable => IsPostgis ? ServerProblem.Value : null;

    /// <summary>
    /// For a fixture that did not start because the store is unavailable: skips the test that asks for it (fails on
    /// CI, where the server must be there).
    /// </summary>
    public static T SkipUnavailable<T>()
    {
        RequireServer();
        throw new InvalidOperationException("The fixture did not start.");
    }

    /// <summary>Skips a test about the GeoPackage file itself (bytes, header, file system) in the PostGIS run.</summary>
    public static void RequireGeoPackage(string why) => Assert.SkipWhen(IsPostgis, "GeoPackage only: " + why);

    /// <summary>A fingerprint of everything stored: the file's bytes, or every table's rows on PostGIS.</summary>
    public static async Task<string> FingerprintAsync(string database)
    {
        if (!DirectoryDatabase.IsPostgis(database))
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            return Convert.ToHexString(SHA256.HashData(await File.ReadAllBytesAsync(database)));
        }

        await using var connection = new NpgsqlConnection(database);
        await connection.OpenAsync();
        var tables = new List<string>();
        await using (var list = new NpgsqlCommand("SELECT tablename FROM pg_tables WHERE schemaname = 'public' ORDER BY tablename", connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                tables.Add(reader.GetString(0));
            }
        }

        var all = new StringBuilder();
        foreach (var table in tables)
        {
            await using var rows = new NpgsqlCommand($"SELECT coalesce(md5(string_agg(t::text, '|' ORDER BY t::text)), '') FROM \"{table}\" t", connection);
            all.Append(table).Append('=').Append(await rows.ExecuteScalarAsync()).Append(';');
        }

        return all.ToString();
    }

    /// <summary>Whether the database exists: the file, or the PostgreSQL database.</summary>
    public static async Task<bool> ExistsAsync(string database)
    {
        if (!DirectoryDatabase.IsPostgis(database))
        {
            return File.Exists(database);
        }

        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT count(*) FROM pg_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", new NpgsqlConnectionStringBuilder(database).Database!);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <summary>Creates <paramref name="database"/> as a copy of the database <paramref name="template"/>.</summary>
    public static async Task CopyDatabaseAsync(string template, string database)
    {
        var source = new NpgsqlConnectionStringBuilder(template).Database;
        var target = new NpgsqlConnectionStringBuilder(database).Database;
        await AdministerAsync($"DROP DATABASE IF EXISTS \"{target}\" WITH (FORCE)");
        await AdministerAsync($"CREATE DATABASE \"{target}\" TEMPLATE \"{source}\"");
    }

    /// <summary>Drops a test's PostgreSQL database; nothing for a file (its folder goes).</summary>
    public static void Drop(string database)
    {
        if (DirectoryDatabase.IsPostgis(database) && ServerProblem.Value is null)
        {
            var name = new NpgsqlConnectionStringBuilder(database).Database;
            for (var attempt = 1; ; attempt++)
            {
                try
                {
                    AdministerAsync($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)").GetAwaiter().GetResult();
                    return;
                }
                catch (PostgresException) when (attempt < 5)
                {
                    // A server process that FORCE may not end (an autovacuum worker, without pg_signal_backend)
                    // is gone a moment later.
                    Thread.Sleep(200 * attempt);
                }
                catch (PostgresException)
                {
                    // Cleaning up must not fail a test; a leftover database goes with the test server.
                    return;
                }
            }
        }
    }

    private static async Task AdministerAsync(string sql)
    {
        // Unpooled: a pooled idle connection to a template would keep CREATE DATABASE … TEMPLATE from copying it.
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(Server) { Pooling = false }.ToString());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    private static void RequireServer()
    {
        if (ServerProblem.Value is not { } problem)
        {
            return;
        }

        if (string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase))
        {
            Assert.Fail(problem);
        }

        Assert.Skip(problem);
    }

    private static string? CheckServer()
    {
        try
        {
            AdministerAsync("SELECT 1").GetAwaiter().GetResult();
            return null;
        }
        catch (Exception ex) when (ex is NpgsqlException or ArgumentException)
        {
            return $"No PostGIS server for the tests ({ex.Message}): run tests/run, which starts one of its own, or set {ServerVariable}.";
        }
    }
}
