using Directory.Api.Startup;
using Directory.Testing;
using Microsoft.Data.Sqlite;

namespace Directory.Api.Tests.Startup;

/// <summary>
/// The real service process on a database it cannot use: it must say why in one log line and exit with code 78
/// (EX_CONFIG, which a systemd unit can exclude from restarts), not crash with a stack trace or start serving errors.
/// </summary>
public sealed class UnusableDatabaseTests : IDisposable
{
    private readonly TemporaryDirectory folder = new();

    public void Dispose() => folder.Dispose();

    [Fact]
    public async Task AFileThatIsNoDatabaseIsCalledCorrupt()
    {
        var path = folder.File("kaputt.gpkg");
        var garbage = new byte[64 * 1024];
        new Random(3).NextBytes(garbage);
        await File.WriteAllBytesAsync(path, garbage, TestContext.Current.CancellationToken);

        var (exitCode, output) = await RunServiceAsync($"Data Source={path}");
        Assert.Equal(DirectoryInitializer.ExitDatabaseUnusable, exitCode);
        Assert.Contains("corrupt or not an SQLite/GeoPackage file", output);
        Assert.Equal(garbage, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task ATruncatedDatabaseIsCalledCorrupt()
    {
        TestStore.RequireGeoPackage("a GeoPackage file spoiled on disk");
        var path = folder.File("abgeschnitten.gpkg");
        await ImportedGeography.CopyToAsync(path);
        var bytes = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 3)], TestContext.Current.CancellationToken);

        var (exitCode, output) = await RunServiceAsync($"Data Source={path}");
        Assert.Equal(DirectoryInitializer.ExitDatabaseUnusable, exitCode);
        Assert.Contains("corrupt", output);
    }

    [Fact]
    public async Task ADatabaseLockedByAnotherProcessIsNamedAsLocked()
    {
        TestStore.RequireGeoPackage("a GeoPackage file spoiled on disk");
        var path = folder.File("gesperrt.gpkg");
        await ImportedGeography.CopyToAsync(path);
        await using var holder = new SqliteConnection($"Data Source={path};Pooling=False");
        await holder.OpenAsync(TestContext.Current.CancellationToken);
        await using (var begin = holder.CreateCommand())
        {
            // What a long import or a backup tool holds: nobody else may read or write.
            begin.CommandText = "BEGIN EXCLUSIVE";
            await begin.ExecuteNonQueryAsync(TestContext.Current.CancellationToken);
        }

        var (exitCode, output) = await RunServiceAsync($"Data Source={path};Default Timeout=2");
        Assert.Equal(DirectoryInitializer.ExitDatabaseUnusable, exitCode);
        Assert.Contains("locked by another process", output);
    }

    [Fact]
    public async Task AReadOnlyDatabaseIsNamedAsReadOnly()
    {
        TestStore.RequireGeoPackage("a GeoPackage file spoiled on disk");
        var path = folder.File("nur-lesen.gpkg");
        await ImportedGeography.CopyToAsync(path);
        var before = await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken);

        // Tests may run as root, for whom file permissions do not hold; SQLite's read-only mode is the same refusal.
        var (exitCode, output) = await RunServiceAsync($"Data Source={path};Mode=ReadOnly");
        Assert.Equal(DirectoryInitializer.ExitDatabaseUnusable, exitCode);
        Assert.Contains("read-only", output);
        Assert.Equal(before, await File.ReadAllBytesAsync(path, TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task AMissingFolderIsNamed()
    {
        var (exitCode, output) = await RunServiceAsync($"Data Source={folder.File("gibt-es-nicht")}/directory.gpkg");
        Assert.Equal(DirectoryInitializer.ExitDatabaseUnusable, exitCode);
        Assert.Contains("its folder is missing", output);
    }

    [Fact]
    public async Task APostgisServerThatRefusesTheCredentialsIsNamed()
    {
        Assert.SkipUnless(TestStore.IsPostgis, "server mode only");
        var wrongPassword = new Npgsql.NpgsqlConnectionStringBuilder(folder.Database) { Password = "falsch" }.ToString();

        var (exitCode, output) = await RunServiceAsync(wrongPassword);
        Assert.Equal(DirectoryInitializer.ExitDatabaseUnusable, exitCode);
        Assert.Contains("refused the credentials", output);
        Assert.DoesNotContain("falsch", output);
    }

    [Fact]
    public async Task APostgisServerThatDoesNotAnswerIsNamed()
    {
        // Port 9 (discard) has no PostgreSQL on any test machine: the connection is refused at once.
        var (exitCode, output) = await RunServiceAsync("Host=127.0.0.1;Port=9;Username=directory;Password=geheim;Timeout=3");
        Assert.Equal(DirectoryInitializer.ExitDatabaseUnusable, exitCode);
        Assert.Contains("PostGIS server named in ConnectionStrings:Directory does not answer", output);
        Assert.DoesNotContain("geheim", output);
    }

    private static async Task<(int ExitCode, string Output)> RunServiceAsync(string connectionString)
    {
        using var service = ServiceProcess.Start(connectionString);
        return await service.WaitForExitAsync(TestContext.Current.CancellationToken);
    }
}
