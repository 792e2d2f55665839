using System.Diagnostics;
using System.Text;
using Directory.Testing;
using Microsoft.Data.Sqlite;

namespace Directory.Import.Tests;

/// <summary>
/// The importer is killed (SIGKILL, no chance to clean up) at 20 random moments of a large import. Every time the
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
        if (TestStore.IsPostgis)
        {
            return;
        }

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
        // PostgreSQL's transactions are the server's business; what is ours is that the GeoPackage file survives.
        TestStore.RequireGeoPackage("the file's integrity after SIGKILL");
        var oldCertificates = Certificates(OldState);

        // A control run, not killed: how long the whole import takes here, and that it ends with the new list.
        File.Copy(OldState, Database, overwrite: true);
        var stopwatch = Stopwatch.StartNew();
        var (completed, _) = await RunImportAsync(killAfter: TimeSpan.FromMinutes(5));
        var fullRun = stopwatch.Elapsed;
        Assert.True(completed, "the control import did not finish");
        AssertOldOrNew(oldCertificates, "the control run", expectNew: true);

        // Twenty random moments over that duration (start-up, reading, checking, writing, committing). The machine
        // may be busier during the control run than later (other test processes): a run that finishes before its
        // kill shortens the duration the next moments are drawn from.
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var duration = fullRun;
        var delays = new List<TimeSpan>();
        var killedWhileRunning = 0;
        for (var i = 0; i < 20; i++)
        {
            var delay = TimeSpan.FromMilliseconds(100 + (random.NextDouble() * Math.Max(0, (duration.TotalMilliseconds * 0.9) - 100)));
            delays.Add(delay);
            File.Copy(OldState, Database, overwrite: true);
            var run = Stopwatch.StartNew();
            var (finished, _) = await RunImportAsync(delay);
            if (finished && run.Elapsed < duration)
            {
                duration = run.Elapsed;
            }

            killedWhileRunning += finished ? 0 : 1;
            AssertOldOrNew(oldCertificates, $"a kill at {delay.TotalMilliseconds:0} ms (seed {seed})", expectNew: finished);
        }

        TestContext.Current.TestOutputHelper?.WriteLine($"control run {fullRun.TotalMilliseconds:0} ms; seed {seed}; kills at {string.Join(", ", delays.Select(d => d.TotalMilliseconds.ToString("0")))} ms");
        Assert.True(killedWhileRunning >= 15, $"only {killedWhileRunning} of 20 kills hit a running import (full run {fullRun.TotalMilliseconds:0} ms)");
    }

    /// <summary>Runs the real CLI; kills it with SIGKILL after <paramref name="killAfter"/>. True when it finished first.</summary>
    private async Task<(bool Finished, int ExitCode)> RunImportAsync(TimeSpan killAfter)
    {
        using var process = Process.Start(new ProcessStartInfo(Environment.GetEnvironmentVariable("DOTNET_HOST_PATH") ?? "dotnet")
        {
            ArgumentList = { Path.Combine(AppContext.BaseDirectory, "Directory.Import.dll"), "list", BigList, "--db", Database },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        })!;
        _ = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        _ = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var finished = process.WaitForExit(killAfter);
        if (!finished)
        {
            process.Kill(entireProcessTree: true);
        }

        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (finished, process.ExitCode);
    }

    private void AssertOldOrNew(HashSet<string> oldCertificates, string when, bool expectNew)
    {
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
        Assert.True(isOld || isNew, $"after {when} the directory holds {certificates.Count} entries, neither list");
        if (expectNew)
        {
            Assert.True(isNew, $"after {when} the import finished but the directory holds the old list");
        }
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
