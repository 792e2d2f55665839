using System.Text.RegularExpressions;
using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Testing;
using Microsoft.EntityFrameworkCore;

namespace Directory.Core.Tests.Managers;

/// <summary>
/// Each file of tests/TestData/lists is imported and its report compared, line by line, with the report written
/// down beside it (NAME.expected; the format is in that folder's README).
/// </summary>
public sealed class ListCorpusTests : IAsyncLifetime
{
    private static readonly string Corpus = Path.Combine(RepositoryPaths.Root, "tests", "TestData", "lists");
    private readonly ListDatabase database = new();

    public ValueTask InitializeAsync() => database.InitializeAsync();

    public ValueTask DisposeAsync() => database.DisposeAsync();

    public static TheoryData<string> Files => new(System.IO.Directory.GetFiles(Corpus)
        .Where(f => Path.GetExtension(f) is ".csv" or ".txt" or ".xlsx" or ".xls")
        .Select(Path.GetFileName)
        .Order(StringComparer.Ordinal)!);

    [Theory]
    [MemberData(nameof(Files))]
    public async Task TheReportIsWhatTheExpectedFileSays(string file)
    {
        var expected = File.ReadAllLines(Path.Combine(Corpus, Path.GetFileNameWithoutExtension(file) + ".expected"))
            .Where(l => l.Length > 0 && !l.StartsWith('#'))
            .Select(l => (Kind: l[..l.IndexOf(':')], Value: l[(l.IndexOf(':') + 1)..].Trim()))
            .ToList();
        var sheet = expected.Where(e => e.Kind == "sheet").Select(e => e.Value).SingleOrDefault();

        await using var db = database.Open();
        var report = await ListImporter.ImportAsync(db, database.Geography, Path.Combine(Corpus, file),
            new ListImportOptions(Read: new ListReadOptions(sheet)), TestContext.Current.CancellationToken);

        Assert.Equal(expected.Single(e => e.Kind == "rows").Value, $"{report.RowsRead} {report.RowsAccepted} {report.RowsRejected}");

        var actualProblems = report.Problems
            .Select(p => $"{(p.Severity == ProblemSeverity.Error ? "Fehler" : "Warnung")} | {(p.Row is null ? "-" : "Zeile " + p.Row)} | {p.Column ?? "-"} | {p.Message}")
            .ToList();
        var expectedProblems = expected.Where(e => e.Kind == "problem").Select(e => e.Value).ToList();
        Assert.Equal(expectedProblems.Count, actualProblems.Count);
        for (var i = 0; i < expectedProblems.Count; i++)
        {
            var pattern = "^" + Regex.Escape(expectedProblems[i]).Replace("\\*", ".*") + "$";
            Assert.Matches(pattern, actualProblems[i]);
        }

        Assert.Equal(expected.Where(e => e.Kind == "note").Select(e => e.Value), report.Notes);

        var stored = await db.FamilyManagers.AsNoTracking().ToListAsync(TestContext.Current.CancellationToken);
        foreach (var entry in expected.Where(e => e.Kind == "entry").Select(e => e.Value.Split(" | ")))
        {
            var manager = Assert.Single(stored, m => m.CertificateNumber == entry[0] || $"{m.Surname} {m.FirstName}" == entry[0]);
            Assert.Equal(entry[1], manager.AreaKey);
            Assert.Equal(entry[2], manager.LocationSource switch
            {
                LocationSource.Coordinates => "koordinaten",
                LocationSource.Postcode => "postleitzahl",
                _ => "gebiet",
            });
        }

        Assert.Equal(expected.Count(e => e.Kind == "entry"), stored.Count);
    }

    [Fact]
    public async Task WhetherFamiliesMayTurnToThePersonIsStoredAsTheListSaysIt()
    {
        await using var db = database.Open();
        await ListImporter.ImportAsync(db, database.Geography, Path.Combine(Corpus, "family-contact.csv"), new ListImportOptions(),
            TestContext.Current.CancellationToken);

        var stored = await db.FamilyManagers.AsNoTracking().ToDictionaryAsync(m => m.Surname, m => m.FamilyContact, TestContext.Current.CancellationToken);
        Assert.Equal(new Dictionary<string, bool?> { ["Fiktiv"] = true, ["Beispiel"] = false, ["Vorlage"] = null }, stored);
    }

    [Fact]
    public async Task AnImportChecksEveryEntryItContainsChangedOrNotAndNoOther()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var db = database.Open();
        var first = new DateOnly(2025, 3, 14);
        var second = new DateOnly(2026, 1, 20);
        await ListImporter.ImportAsync(db, database.Geography, Path.Combine(Corpus, "family-contact.csv"), new ListImportOptions(Today: first), cancel);
        Assert.All(await db.FamilyManagers.AsNoTracking().ToListAsync(cancel), m => Assert.Equal(first, m.LastCheckedOn));

        // The same list again, unchanged: every entry checked on the second day, and the import changed nothing else.
        var again = await ListImporter.ImportAsync(db, database.Geography, Path.Combine(Corpus, "family-contact.csv"), new ListImportOptions(Today: second), cancel);
        Assert.Equal((0, 0, 3), (again.AddedCount, again.ChangedCount, again.UnchangedCount));
        Assert.All(await db.FamilyManagers.AsNoTracking().ToListAsync(cancel), m => Assert.Equal(second, m.LastCheckedOn));

        // A list with one of them, merged: only that one is checked; the others keep their day.
        var third = new DateOnly(2026, 6, 1);
        var one = Path.Combine(Path.GetTempPath(), $"eins-{Guid.NewGuid():N}.csv");
        await File.WriteAllTextAsync(one, "Nachname;Vorname;Gemeinde;Veröffentlichen;Ansprechpartner für Familien\nFiktiv;Tanja;Bocholt;ja;nein\n", cancel);
        try
        {
            var merged = await ListImporter.ImportAsync(db, database.Geography, one, new ListImportOptions(ListImportMode.Merge, Today: third), cancel);
            Assert.Equal(1, merged.ChangedCount);
        }
        finally
        {
            File.Delete(one);
        }

        var days = await db.FamilyManagers.AsNoTracking().ToDictionaryAsync(m => m.Surname, m => m.LastCheckedOn, cancel);
        Assert.Equal(new Dictionary<string, DateOnly?> { ["Fiktiv"] = third, ["Beispiel"] = second, ["Vorlage"] = second }, days);
    }

    [Fact]
    public async Task MarkupAndFormulasAreStoredVerbatim()
    {
        await using var db = database.Open();
        await ListImporter.ImportAsync(db, database.Geography, Path.Combine(Corpus, "hostile.csv"), new ListImportOptions(),
            TestContext.Current.CancellationToken);

        var stored = await db.FamilyManagers.AsNoTracking().ToDictionaryAsync(m => m.CertificateNumber!, TestContext.Current.CancellationToken);
        Assert.Equal("<script>alert('x')</script>", stored["H-1"].Surname);
        Assert.Equal("=HYPERLINK(\"http://evil.example\",\"klick\")", stored["H-1"].Organisation);
        Assert.Equal("@SUM(1+1)", stored["H-1"].Street);
        Assert.Equal("<b>Bernd</b>", stored["H-2"].FirstName);
    }

    [Fact]
    public async Task GaussKruegerPointsLandWithinAFewMetresOfTheirLandmarks()
    {
        // The Kölner Dom at 50.9413 N, 6.9583 E; the list gives it in Gauss-Krüger zone 2 (DHDN, about 3 m accuracy).
        await using var db = database.Open();
        await ListImporter.ImportAsync(db, database.Geography, Path.Combine(Corpus, "gauss-krueger.csv"), new ListImportOptions(),
            TestContext.Current.CancellationToken);

        var dom = await db.FamilyManagers.AsNoTracking().SingleAsync(m => m.CertificateNumber == "G-1", TestContext.Current.CancellationToken);
        var (x, y) = Directory.Core.Geo.Reprojector.Transform(6.9583, 50.9413, Directory.Core.Geo.Crs.Wgs84, Directory.Core.Geo.Crs.Etrs89Utm32N);
        Assert.True(dom.Location.Distance(dom.Location.Factory.CreatePoint(new NetTopologySuite.Geometries.Coordinate(x, y))) < 10);
    }
}
