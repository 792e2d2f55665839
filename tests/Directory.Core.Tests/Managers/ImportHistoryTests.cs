using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Directory.Core.Tests.Managers;

/// <summary>The history stores codes and shows them in words.</summary>
public sealed class ImportHistoryTests : IDisposable
{
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("fm-history-").FullName;

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task RowsAreStoredAsCodesAndReadAsWords()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var db = DirectoryDatabase.CreateContext(Path.Combine(folder, "directory.gpkg"));
        await DirectoryDatabase.MigrateAsync(db, cancel);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO import_history (zeitpunkt_utc, datei, sha256, modus, ergebnis, zeilen_gelesen, zeilen_angenommen,
              zeilen_abgelehnt, warnungen, neu, geaendert, entfernt, unveraendert)
            VALUES ('2026-01-02 03:04:05', 'Liste.csv', 'ab', 'replace', 'applied', 3, 3, 0, 0, 3, 0, 0, 0),
                   ('2026-01-03 03:04:05', 'Nachtrag.csv', 'cd', 'merge', 'applied-without-rejected-rows', 3, 2, 1, 0, 2, 0, 0, 0),
                   ('2026-01-04 03:04:05', 'Jürgen Beispiel (K-001, 05966024)', '', 'edit', 'applied', 0, 0, 0, 0, 0, 1, 0, 0)
            """, cancel);

        var rows = await db.ImportHistory.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancel);
        Assert.Equal([ImportHistory.Modes.Replace, ImportHistory.Modes.Merge, ImportHistory.Modes.Edit], rows.Select(r => r.Mode));
        Assert.Equal(["ersetzen", "ergänzen", "Bearbeitung"], rows.Select(r => ImportHistory.ModeText(r.Mode)));
        Assert.Equal(["übernommen", "übernommen, Zeilen abgelehnt", "übernommen"], rows.Select(r => ImportHistory.ResultText(r.Result)));
        Assert.Equal(["Liste.csv", "Nachtrag.csv", "Eintrag bearbeitet: Jürgen Beispiel (K-001, 05966024)"], rows.Select(ImportHistory.Subject));
    }
}
