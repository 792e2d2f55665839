using System.Diagnostics;
using System.Text;
using Directory.Testing;
using Microsoft.Data.Sqlite;

namespace Directory.Import.Tests;

/// <summary>
/// The importer is killed (SIGKILL, no chance to clean up) at several moments of a large import. Every time the
/// database must open, pass SQLite's integrity check and hold exactly the old list or exactly the new one.
/// </summary>
public sealed class KillDuringImportTests : IAsyncLifetime
{
    private const int NewListRows = 30_000;
    private readonly TemporaryDirectory folder = new();

    private string Database => folder.File("directory.gpkg");

    private string OldState => folder.File("old.gpkg");

    private string BigList => folder.File("big.csv");

    public async ValueTask InitializeAsync()
    {
        await ImportedGeography.CopyToAsync(Database);
        var demo = Path.Combine(RepositoryPaths.Root, "seeds", "familienmanager-demo.csv");
        Assert.Equal(0, (await CommandLine.RunAsync("list", demo, "--db", Database)).ExitCode);
        SqliteConnection.ClearAllPools();
        File.Copy(Database, OldState);

        // The demo rows again and again, each with a certificate number of its own: a valid list of 30,000 entries.
        var encoding = CodePagesEncoding();
        var lines = File.ReadAllLines(demo, encoding);
        var builder = new StringBuilder(lines[0]).Append('\n');
        for (var i = 0; i < NewListRows; i++)
        {
            var fields = lines[1 + (i % (lines.Length - 1))];
            builder.Append("KILL-").Append(i.ToString("000000")).Append(fields[fields.IndexOf(';')..]).Append('\n');
        }

        await File.WriteAllTextAsync(BigList, builder.ToString(), encoding, TestContext.Current.CancellationToken);
    }

    public ValueTask DisposeAsync()
    {
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private static Encoding CodePagesEncoding()
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    }

    [Fact]
    public async Task AKilledImportLeavesExactlyTheOldOrTheNewList()
    {
        var oldCertificates = Certificates(OldState);
        var killedWhileRunning = 0;
        foreach (var delay in new[] { 400, 900, 1_500, 2_200, 3_000, 4_000, 6_000 })
        {
            File.Copy(OldState, Database, overwrite: true);
            using var process = Process.Start(new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
            {
                ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Directory.Import.dll"), "list", BigList, "--db", Database },
                RedirectStandardOutput = true,
                RedirectStandardError = true,
            })!;
            _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
            _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);

            if (!process.WaitForExit(delay))
            {
                process.Kill(entireProcessTree: true);
                killedWhileRunning++;
            }

            await process.WaitForExitAsync(TestContext.Current.CancellationToken);

            using (var connection = new SqliteConnection($"Data Source={Database};Pooling=False"))
            {
                connection.Open();
                using var check = connection.CreateCommand();
                check.CommandText = "PRAGMA integrity_check";
                Assert.Equal("ok", check.ExecuteScalar());
            }

            var certificates = Certificates(Database);
            var isOld = certificates.SetEquals(oldCertificates);
            var isNew = certificates.Count == NewListRows && certificates.All(c => c.StartsWith("KILL-", StringComparison.Ordinal));
            Assert.True(isOld || isNew, $"after a kill at {delay} ms the directory holds {certificates.Count} entries, neither list");
        }

        Assert.True(killedWhileRunning >= 3, $"only {killedWhileRunning} kills hit a running import");
    }

    private static HashSet<string> Certificates(string database)
    {
        using var connection = new SqliteConnection($"Data Source={database};Pooling=False");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = "SELECT zertifikatsnummer FROM familienmanager";
        using var reader = command.ExecuteReader();
        var result = new HashSet<string>();
        while (reader.Read())
        {
            result.Add(reader.GetString(0));
        }

        return result;
    }
}
