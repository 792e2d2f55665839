using Directory.Core.Managers.Lists;
using Directory.Core.Storage;
using Directory.Core.Texts;

namespace Directory.Core.Managers.Lists;

/// <summary>
/// The change history (<c>import_history</c>): the one writer of its rows, and the texts people read for its codes.
/// A row stores codes (<see cref="Modes"/>, <see cref="Results"/>) and, for an edit, the entry it changed; the German
/// words ("ergänzen", "übernommen", "Eintrag bearbeitet: …") come from resources when it is shown, so that the
/// history can be shown in another language and a changed wording changes every row.
/// </summary>
public static class ImportHistory
{
    /// <summary>What a history row records.</summary>
    public static class Modes
    {
        /// <summary>A list replaced the directory.</summary>
        public const string Replace = "replace";

        /// <summary>A list added to and updated the directory (<c>--merge</c>).</summary>
        public const string Merge = "merge";

        /// <summary>One entry edited in the staff area.</summary>
        public const string Edit = "edit";

        /// <summary>A citizen's report about an entry marked done in the staff area.</summary>
        public const string ReportDone = "report-done";

        /// <summary>One entry marked as checked ("geprüft") in the staff area, unchanged.</summary>
        public const string Checked = "checked";
    }

    /// <summary>How it ended.</summary>
    public static class Results
    {
        /// <summary>Everything written.</summary>
        public const string Applied = "applied";

        /// <summary>Written without the rows that had errors (<c>--skip-invalid</c>).</summary>
        public const string AppliedWithoutRejectedRows = "applied-without-rejected-rows";
    }

    /// <summary>Adds the row of an applied list import to <paramref name="db"/> (saved with the caller's changes).</summary>
    public static ImportRecord AddListImport(DirectoryDbContext db, ListImportReport report, string? importedBy) => Add(db, new ImportRecord
    {
        ImportedAtUtc = DateTime.UtcNow,
        FileName = report.FileName,
        Sha256 = report.Sha256,
        Mode = report.Mode == ListImportMode.Replace ? Modes.Replace : Modes.Merge,
        Result = report.Result == ListImportResult.Applied ? Results.Applied : Results.AppliedWithoutRejectedRows,
        RowsRead = report.RowsRead,
        RowsAccepted = report.RowsAccepted,
        RowsRejected = report.RowsRejected,
        Warnings = report.WarningCount,
        Added = report.AddedCount,
        Changed = report.ChangedCount,
        Removed = report.RemovedCount,
        Unchanged = report.UnchangedCount,
        ImportedBy = importedBy,
        Report = ListReportJson.Serialize(report),
    });

    /// <summary>Adds the row of one edited entry (<paramref name="entry"/>: who, certificate, area).</summary>
    public static ImportRecord AddEdit(DirectoryDbContext db, string entry, ListImportReport report, string? editedBy) => Add(db, new ImportRecord
    {
        ImportedAtUtc = DateTime.UtcNow,
        FileName = entry,
        Sha256 = "",
        Mode = Modes.Edit,
        Result = Results.Applied,
        Changed = 1,
        ImportedBy = editedBy,
        Report = ListReportJson.Serialize(report),
    });

    /// <summary>Adds the row of a report marked done (<paramref name="entry"/>: the entry it was about).</summary>
    public static ImportRecord AddReportDone(DirectoryDbContext db, string entry, string doneBy, DateTime atUtc) =>
        AddEntryEvent(db, Modes.ReportDone, entry, doneBy, atUtc);

    /// <summary>Adds the row of an entry marked checked, unchanged.</summary>
    public static ImportRecord AddChecked(DirectoryDbContext db, string entry, string checkedBy, DateTime atUtc) =>
        AddEntryEvent(db, Modes.Checked, entry, checkedBy, atUtc);

    private static ImportRecord AddEntryEvent(DirectoryDbContext db, string mode, string entry, string by, DateTime atUtc) => Add(db, new ImportRecord
    {
        ImportedAtUtc = atUtc,
        FileName = entry,
        Sha256 = "",
        Mode = mode,
        Result = Results.Applied,
        ImportedBy = by,
    });

    /// <summary>What the row is about, for people: the file name, or "Eintrag bearbeitet: …" for an edit.</summary>
    public static string Subject(ImportRecord record) => record.Mode switch
    {
        Modes.Edit => string.Format(ListTexts.EditHistoryName, record.FileName),
        Modes.ReportDone => string.Format(ListTexts.ReportDoneHistoryName, record.FileName),
        Modes.Checked => string.Format(ListTexts.CheckedHistoryName, record.FileName),
        _ => record.FileName,
    };

    /// <summary>The mode in words ("ersetzen", "ergänzen", "Bearbeitung"); an unknown code as it is.</summary>
    public static string ModeText(string mode) => mode switch
    {
        Modes.Replace => HistoryTexts.ModeReplace,
        Modes.Merge => HistoryTexts.ModeMerge,
        Modes.Edit => HistoryTexts.ModeEdit,
        Modes.ReportDone => HistoryTexts.ModeReportDone,
        Modes.Checked => HistoryTexts.ModeChecked,
        _ => mode,
    };

    /// <summary>The result in words ("übernommen", …); an unknown code as it is.</summary>
    public static string ResultText(string result) => result switch
    {
        Results.Applied => HistoryTexts.ResultApplied,
        Results.AppliedWithoutRejectedRows => HistoryTexts.ResultAppliedWithoutRejectedRows,
        _ => result,
    };

    private static ImportRecord Add(DirectoryDbContext db, ImportRecord record)
    {
        db.ImportHistory.Add(record);
        return record;
    }
}
