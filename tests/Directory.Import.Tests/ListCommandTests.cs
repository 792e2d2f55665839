using System.Security.Cryptography;
using System.Text.Json;
using Directory.Core.Storage;
using Directory.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace Directory.Import.Tests;

/// <summary><c>list</c>, <c>history</c> and <c>export</c> as staff run them.</summary>
public sealed class ListCommandTests : IAsyncLifetime
{
    private static readonly string Corpus = Path.Combine(RepositoryPaths.Root, "tests", "TestData", "lists");
    private static readonly string DemoList = Path.Combine(RepositoryPaths.Root, "seeds", "familienmanager-demo.csv");
    private readonly TemporaryDirectory folder = new();

    private string Database => folder.Database;

    public async ValueTask InitializeAsync() => await ImportedGeography.CopyToAsync(Database);

    public ValueTask DisposeAsync()
    {
        folder.Dispose();
        return ValueTask.CompletedTask;
    }

    private Task<(int ExitCode, string Output, string Error)> List(params string[] more) =>
        CommandLine.RunAsync(["list", .. more, "--db", Database]);

    private async Task<int> CountAsync()
    {
        await using var db = DirectoryDatabase.CreateContext(Database);
        return await db.FamilyManagers.CountAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task TheDemoListImportsCompletely()
    {
        var rows = File.ReadLines(DemoList).Count() - 1;

        var (exitCode, output, _) = await List(DemoList);

        Assert.Equal(0, exitCode);
        Assert.Contains($"{rows} Zeilen gelesen, {rows} angenommen, 0 abgelehnt", output);
        Assert.Equal(rows, await CountAsync());
    }

    [Fact]
    public async Task ADryRunReportsButWritesNothing()
    {
        var before = await TestStore.FingerprintAsync(Database);

        var (exitCode, output, _) = await List(DemoList, "--dry-run");

        Assert.Equal(0, exitCode);
        Assert.Contains("Probelauf", output);
        Assert.Contains("150 neu", output);
        Assert.Equal(before, await TestStore.FingerprintAsync(Database));
    }

    [Fact]
    public async Task AListWithErrorsWritesNothingAndExitsWithOne()
    {
        await List(DemoList);
        var before = await TestStore.FingerprintAsync(Database);

        var (exitCode, output, _) = await List(Path.Combine(Corpus, "problems.csv"));

        Assert.Equal(1, exitCode);
        Assert.Contains("Zeile 2, Spalte „PLZ“: „4711“ ist keine gültige Postleitzahl (5 Ziffern).", output);
        Assert.Contains("Es wurde nichts geschrieben", output);
        Assert.Equal(before, await TestStore.FingerprintAsync(Database));
    }

    [Fact]
    public async Task SkipInvalidWritesTheValidRowsAndKeepsTheRest()
    {
        var (exitCode, output, _) = await List(Path.Combine(Corpus, "problems.csv"), "--skip-invalid");

        Assert.Equal(0, exitCode);
        Assert.Contains("5 angenommen, 12 abgelehnt", output);
        Assert.Equal(5, await CountAsync());
    }

    [Fact]
    public async Task ByDefaultTheListReplacesTheDirectoryAndMergeOnlyAdds()
    {
        await List(DemoList);
        var demoCount = await CountAsync();

        var (mergeExit, mergeOutput, _) = await List(Path.Combine(Corpus, "utf8-bom-semicolon-wgs84.csv"), "--merge");
        Assert.Equal(0, mergeExit);
        Assert.Contains("3 neu, 0 geändert, 0 entfernt", mergeOutput);
        Assert.Equal(demoCount + 3, await CountAsync());

        var (replaceExit, replaceOutput, _) = await List(Path.Combine(Corpus, "utf8-bom-semicolon-wgs84.csv"));
        Assert.Equal(0, replaceExit);
        Assert.Contains($"0 neu, 0 geändert, {demoCount} entfernt, 3 unverändert", replaceOutput);
        Assert.Equal(3, await CountAsync());
    }

    [Fact]
    public async Task AChangedEntryNamesTheFieldsThatChanged()
    {
        await List(Path.Combine(Corpus, "utf8-bom-semicolon-wgs84.csv"));
        var changed = folder.File("changed.csv");
        File.WriteAllText(changed, File.ReadAllText(Path.Combine(Corpus, "utf8-bom-semicolon-wgs84.csv"))
            .Replace("Stadt Olpe, Jugendamt", "Stadt Olpe, Familienbüro").Replace("02761 83-0", "02761 83-1"));

        var (_, output, _) = await List(changed);

        Assert.Contains("0 neu, 1 geändert, 0 entfernt, 2 unverändert", output);
        Assert.Contains("Jürgen Beispiel (K-001, 05966024): Organisation, Telefon", output);
    }

    [Theory]
    [InlineData("does-not-exist.csv", "gibt es nicht")]
    [InlineData("garbage.xls", "keine gültige Excel-Datei")]
    public async Task AFileThatCannotBeReadIsAUsageError(string name, string message)
    {
        var path = folder.File(name);
        if (name.StartsWith("garbage", StringComparison.Ordinal))
        {
            File.WriteAllText(path, "kein Excel");
        }

        var (exitCode, _, error) = await List(path);

        Assert.Equal(2, exitCode);
        Assert.Contains(message, error);
    }

    [Fact]
    public async Task AnUnknownOptionIsAUsageError()
    {
        var (exitCode, _, _) = await List(DemoList, "--everything");

        Assert.Equal(2, exitCode);
    }

    [Fact]
    public async Task TheReportIsSavedAsJsonAndHtml()
    {
        var json = folder.File("bericht.json");
        var html = folder.File("bericht.html");

        await List(Path.Combine(Corpus, "problems.csv"), "--dry-run", "--report", json);
        await List(Path.Combine(Corpus, "problems.csv"), "--dry-run", "--report", html);

        var report = JsonDocument.Parse(File.ReadAllText(json)).RootElement;
        Assert.Equal(17, report.GetProperty("rowsRead").GetInt32());
        Assert.Equal(12, report.GetProperty("rowsRejected").GetInt32());
        var first = report.GetProperty("problems")[0];
        Assert.Equal(2, first.GetProperty("row").GetInt32());
        Assert.Equal("PLZ", first.GetProperty("column").GetString());
        Assert.Contains("„4711“ ist keine gültige Postleitzahl", File.ReadAllText(html));
    }

    [Fact]
    public async Task HistoryListsEachImportWithItsHash()
    {
        await List(DemoList);
        await List(Path.Combine(Corpus, "utf8-bom-semicolon-wgs84.csv"), "--merge");
        var hash = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(DemoList)));

        var (exitCode, output, _) = await CommandLine.RunAsync("history", "--db", Database);

        Assert.Equal(0, exitCode);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, lines.Length);
        Assert.Contains("familienmanager-demo.csv", lines[0]);
        Assert.Contains(hash, lines[0]);
        Assert.Contains("ergänzen", lines[1]);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    public async Task ExportThenImportChangesNothing(string format)
    {
        await List(DemoList);
        await List(Path.Combine(Corpus, "hostile.csv"), "--merge");
        var exported = folder.File("export." + format);

        var (exportExit, _, _) = await CommandLine.RunAsync("export", "--format", format, "--out", exported, "--db", Database);
        var (importExit, output, _) = await List(exported);

        Assert.Equal(0, exportExit);
        Assert.Equal(0, importExit);
        Assert.Contains($"0 neu, 0 geändert, 0 entfernt, {await CountAsync()} unverändert", output);
    }

    [Theory]
    [InlineData("csv")]
    [InlineData("xlsx")]
    [InlineData("geojson")]
    [System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
    public async Task ExportsAndReportsAreReadableByTheirOwnerOnly(string format)
    {
        await List(DemoList);
        var exported = folder.File("export." + format);
        var report = folder.File("bericht.html");
        // Files that were there before (readable by everyone) are replaced with owner-only ones.
        foreach (var path in new[] { exported, report })
        {
            await File.WriteAllTextAsync(path, "alt", TestContext.Current.CancellationToken);
            File.SetUnixFileMode(path, (UnixFileMode)0b110_100_100);
        }

        await CommandLine.RunAsync("export", "--format", format, "--out", exported, "--db", Database);
        await List(Path.Combine(Corpus, "problems.csv"), "--dry-run", "--report", report);

        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(exported));
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(report));
        File.Delete(exported);
        await CommandLine.RunAsync("export", "--format", format, "--out", exported, "--db", Database);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(exported));
        Assert.True(new FileInfo(exported).Length > 1000);
    }

    [Fact]
    public async Task TheCsvExportMarksFormulasAsText()
    {
        await List(Path.Combine(Corpus, "hostile.csv"));
        var exported = folder.File("export.csv");

        await CommandLine.RunAsync("export", "--format", "csv", "--out", exported, "--db", Database);

        var text = File.ReadAllText(exported);
        Assert.Contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"klick\"\")\"", text);
        Assert.Contains(";'@SUM(1+1);", text);
    }

    [Fact]
    public async Task GeoJsonExportHasEveryEntryWithItsLocation()
    {
        await List(DemoList);
        var exported = folder.File("export.geojson");

        await CommandLine.RunAsync("export", "--format", "geojson", "--out", exported, "--db", Database);

        var features = JsonDocument.Parse(File.ReadAllText(exported)).RootElement.GetProperty("features");
        Assert.Equal(await CountAsync(), features.GetArrayLength());
        Assert.All(features.EnumerateArray(), f => Assert.Equal("Point", f.GetProperty("geometry").GetProperty("type").GetString()));
    }

    [Fact]
    public async Task AForcedCrsOverridesTheDetection()
    {
        // Gauss-Krüger values read as UTM 32N lie far outside NRW.
        var (exitCode, output, _) = await List(Path.Combine(Corpus, "gauss-krueger.csv"), "--crs", "25832", "--dry-run");

        Assert.Equal(1, exitCode);
        Assert.Contains("(gelesen als EPSG:25832) liegt außerhalb von NRW", output);
    }

    [Fact]
    public async Task AnUnsupportedCrsIsAUsageError()
    {
        var (exitCode, _, error) = await List(Path.Combine(Corpus, "gauss-krueger.csv"), "--crs", "3035");

        Assert.Equal(2, exitCode);
        Assert.Contains("3035", error);
    }
}
