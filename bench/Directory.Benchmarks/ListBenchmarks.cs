using System.Text;
using BenchmarkDotNet.Attributes;
using Directory.Core.Geography;
using Directory.Core.Geography.Import;
using Directory.Core.Managers.Lists;
using Directory.Core.Snapshot;
using Directory.Core.Storage;

namespace Directory.Benchmarks;

/// <summary>
/// List parsing as staff meet it: a Windows-1252 CSV of the demo rows repeated, each with a certificate number of its
/// own, read, checked against the real geography and compared with the directory, as a dry run (nothing written, so
/// every iteration does the same work).
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
public class ListBenchmarks
{
    private string folder = "";
    private string list = "";
    private DirectoryDbContext db = null!;
    private GeographySnapshot geography = null!;

    [Params(1_000, 10_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        folder = Path.Combine(Path.GetTempPath(), "fm-nrw-bench-" + Guid.NewGuid().ToString("N"));
        System.IO.Directory.CreateDirectory(folder);
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        var windows1252 = Encoding.GetEncoding(1252);
        var demo = File.ReadAllLines(Path.Combine(NrwData.Root, "seeds", "familienmanager-demo.csv"), windows1252);
        var text = new StringBuilder(demo[0]).Append("\r\n");
        for (var i = 0; i < Rows; i++)
        {
            var fields = demo[1 + (i % (demo.Length - 1))];
            text.Append("BENCH-").Append(i.ToString("000000")).Append(fields[fields.IndexOf(';')..]).Append("\r\n");
        }

        list = Path.Combine(folder, "liste.csv");
        File.WriteAllText(list, text.ToString(), windows1252);
        db = DirectoryDatabase.CreateContext(Path.Combine(folder, "bench.gpkg"));
        DirectoryDatabase.MigrateAsync(db, CancellationToken.None).GetAwaiter().GetResult();
        GeographyImporter.ImportAsync(db, GeographySources.InDirectory(Path.Combine(NrwData.Root, "data")), CancellationToken.None).GetAwaiter().GetResult();
        geography = GeographySnapshot.LoadAsync(db, CancellationToken.None).GetAwaiter().GetResult();
    }

    [GlobalCleanup]
    public void Cleanup()
    {
        db.Dispose();
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        System.IO.Directory.Delete(folder, recursive: true);
    }

    [Benchmark(Description = "list: read, check and compare (CSV, dry run)")]
    public ListImportReport Parse() =>
        ListImporter.ImportAsync(db, geography, list, new ListImportOptions(DryRun: true), CancellationToken.None).GetAwaiter().GetResult();
}
