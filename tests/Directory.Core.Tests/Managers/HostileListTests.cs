using System.IO.Compression;
using Directory.Core.Managers.Lists;

namespace Directory.Core.Tests.Managers;

/// <summary>Input made to hurt: each gets a clear German error, in bounded memory, and never a crash.</summary>
public sealed class HostileListTests : IAsyncLifetime
{
    private readonly ListDatabase database = new();

    public ValueTask InitializeAsync() => database.InitializeAsync();

    public ValueTask DisposeAsync() => database.DisposeAsync();

    private async Task<ListFileException> RejectedAsync(string path, ListLimits? limits = null)
    {
        await using var db = database.Open();
        return await Assert.ThrowsAsync<ListFileException>(() => ListImporter.ImportAsync(db, database.Geography, path,
            new ListImportOptions(Read: new ListReadOptions(Limits: limits)), TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task BinaryGarbageIsNotAList()
    {
        var path = database.Folder.File("garbage.csv");
        var bytes = new byte[64 * 1024];
        new Random(7).NextBytes(bytes);
        bytes[100] = 0;
        await File.WriteAllBytesAsync(path, bytes, TestContext.Current.CancellationToken);

        var error = await RejectedAsync(path);

        Assert.Contains("garbage.csv", error.Message);
        Assert.Contains("keine Textdatei", error.Message);
    }

    [Fact]
    public async Task AFileLargerThanTheLimitIsRefusedWithoutReadingIt()
    {
        // A sparse 200 MB file: the size is real, the disk is not filled.
        var path = database.Folder.File("huge.csv");
        await using (var file = File.Create(path))
        {
            file.SetLength(200L * 1024 * 1024);
        }

        var error = await RejectedAsync(path);

        Assert.Contains("200,0 MB", error.Message);
        Assert.Contains("100 MB", error.Message);
    }

    [Fact]
    public async Task AZipBombDisguisedAsXlsxIsRefusedBeforeItUnpacks()
    {
        var path = database.Folder.File("bomb.xlsx");
        using (var zip = ZipFile.Open(path, ZipArchiveMode.Create))
        {
            zip.CreateEntry("xl/workbook.xml");
            await using var entry = zip.CreateEntry("xl/worksheets/sheet1.xml", CompressionLevel.SmallestSize).Open();
            var zeros = new byte[1024 * 1024];
            for (var i = 0; i < 64; i++)
            {
                await entry.WriteAsync(zeros, TestContext.Current.CancellationToken);
            }
        }

        Assert.True(new FileInfo(path).Length < 1024 * 1024, "the bomb should be small on disk");

        var error = await RejectedAsync(path, new ListLimits { MaxUncompressedBytes = 32L * 1024 * 1024 });

        Assert.Contains("entpackt", error.Message);
    }

    [Fact]
    public async Task AFileThatOnlyPretendsToBeExcelIsRefused()
    {
        var path = database.Folder.File("fake.xlsx");
        await File.WriteAllTextAsync(path, "Nachname;Vorname;AGS\nBeispiel;Anna;05966024\n", TestContext.Current.CancellationToken);

        var error = await RejectedAsync(path);

        Assert.Contains("keine gültige Excel-Datei", error.Message);
    }

    [Fact]
    public async Task ARowOfAHundredThousandColumnsIsRefused()
    {
        var path = database.Folder.File("wide.csv");
        await File.WriteAllTextAsync(path, "Nachname;Vorname;AGS\n" + string.Join(";", Enumerable.Repeat("x", 100_000)) + "\n",
            TestContext.Current.CancellationToken);

        var error = await RejectedAsync(path);

        Assert.Contains("Zeile 2", error.Message);
        Assert.Contains("höchstens 500", error.Message);
    }

    [Fact]
    public async Task AMissingSheetIsNamedWithTheSheetsThatExist()
    {
        var path = Path.Combine(Testing.RepositoryPaths.Root, "tests", "TestData", "lists", "excel-title-rows.xlsx");

        await using var db = database.Open();
        var error = await Assert.ThrowsAsync<ListFileException>(() => ListImporter.ImportAsync(db, database.Geography, path,
            new ListImportOptions(Read: new ListReadOptions("Tabelle9")), TestContext.Current.CancellationToken));

        Assert.Contains("Tabelle9", error.Message);
        Assert.Contains("Liste", error.Message);
    }

    [Fact]
    public void TheHtmlReportShowsMarkupAsText()
    {
        var report = new ListImportReport { FileName = "<i>liste</i>.csv", Sha256 = "00" };
        report.Problems.Add(new ListProblem(ProblemSeverity.Error, 2, "<b>Name</b>", "„<script>alert(1)</script>“ ist falsch."));

        var html = ListReportHtml.Render(report);

        Assert.DoesNotContain("<script>", html);
        Assert.DoesNotContain("<b>Name</b>", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
    }

    [Theory]
    [InlineData("=HYPERLINK(\"http://evil\")", "'=HYPERLINK(\"http://evil\")")]
    [InlineData("+49 221 1", "'+49 221 1")]
    [InlineData("@SUM(1)", "'@SUM(1)")]
    [InlineData("-2+3", "'-2+3")]
    [InlineData("Stadt Olpe", "Stadt Olpe")]
    public void ExportedCellsThatLookLikeFormulasAreMarkedAsText(string value, string exported) =>
        Assert.Equal(exported, ListExport.NeutraliseFormula(value));
}
