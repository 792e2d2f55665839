using Directory.Core.Managers;
using Directory.Core.Managers.Lists;
using Directory.Core.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace Directory.Core.Tests.Managers;

/// <summary>The history stores codes; rows written with German words before are turned into codes by a migration.</summary>
public sealed class ImportHistoryTests : IDisposable
{
    private readonly string folder = System.IO.Directory.CreateTempSubdirectory("fm-history-").FullName;

    public void Dispose() => System.IO.Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task RowsWrittenWithWordsBecomeCodesAndReadAsTheSameWords()
    {
        var cancel = TestContext.Current.CancellationToken;
        await using var db = DirectoryDatabase.CreateContext(Path.Combine(folder, "directory.gpkg"));
        var migrator = db.GetService<IMigrator>();
        var migrations = db.Database.GetMigrations().ToList();
        await migrator.MigrateAsync(migrations[migrations.FindIndex(m => m.EndsWith("_HistoryCodes", StringComparison.Ordinal)) - 1], cancellationToken: cancel);
        await db.Database.ExecuteSqlRawAsync("""
            INSERT INTO import_history (zeitpunkt_utc, datei, sha256, modus, ergebnis, zeilen_gelesen, zeilen_angenommen,
              zeilen_abgelehnt, warnungen, neu, geaendert, entfernt, unveraendert)
            VALUES ('2026-01-02 03:04:05', 'Liste.csv', 'ab', 'ersetzen', 'übernommen', 3, 3, 0, 0, 3, 0, 0, 0),
                   ('2026-01-03 03:04:05', 'Nachtrag.csv', 'cd', 'ergänzen', 'übernommen, Zeilen abgelehnt', 3, 2, 1, 0, 2, 0, 0, 0),
                   ('2026-01-04 03:04:05', 'Eintrag bearbeitet: Jürgen Beispiel (K-001, 05966024)', '', 'bearbeitung', 'übernommen', 0, 0, 0, 0, 0, 1, 0, 0)
            """, cancel);

        await migrator.MigrateAsync(cancellationToken: cancel);

        var rows = await db.ImportHistory.AsNoTracking().OrderBy(r => r.Id).ToListAsync(cancel);
        Assert.Equal([ImportHistory.Modes.Replace, ImportHistory.Modes.Merge, ImportHistory.Modes.Edit], rows.Select(r => r.Mode));
        Assert.Equal([ImportHistory.Results.Applied, ImportHistory.Results.AppliedWithoutRejectedRows, ImportHistory.Results.Applied],
            rows.Select(r => r.Result));
        Assert.Equal("Jürgen Beispiel (K-001, 05966024)", rows[2].FileName);
        Assert.Equal(["ersetzen", "ergänzen", "Bearbeitung"], rows.Select(r => ImportHistory.ModeText(r.Mode)));
        Assert.Equal(["übernommen", "übernommen, Zeilen abgelehnt", "übernommen"], rows.Select(r => ImportHistory.ResultText(r.Result)));
        Assert.Equal(["Liste.csv", "Nachtrag.csv", "Eintrag bearbeitet: Jürgen Beispiel (K-001, 05966024)"], rows.Select(ImportHistory.Subject));
    }
}
