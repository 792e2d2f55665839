namespace Directory.Core.Managers.Lists;

/// <summary>What happened to the directory.</summary>
public enum ListImportResult
{
    /// <summary>Every row was valid and the list was written.</summary>
    Applied,

    /// <summary>--skip-invalid: the valid rows were written, the others reported.</summary>
    AppliedWithRejectedRows,

    /// <summary>There were errors; nothing was written.</summary>
    Rejected,

    /// <summary>--dry-run: nothing was written.</summary>
    DryRun,
}

/// <summary>One changed entry and the fields that changed.</summary>
public sealed record ListChange(string Entry, IReadOnlyList<string> Fields);

/// <summary>
/// The report of a list import: what was read, every problem with row and column, and the change against the
/// directory. Rendered in German by <see cref="ListReportText"/> (console) and <see cref="ListReportHtml"/>.
/// </summary>
public sealed class ListImportReport
{
    /// <summary>Entries named in full per kind of change; the rest are counted.</summary>
    public const int MaxListedChanges = 200;

    public required string FileName { get; init; }

    public required string Sha256 { get; init; }

    public string? Format { get; set; }

    public int? HeaderRow { get; set; }

    /// <summary>Field → the header text of its column.</summary>
    public Dictionary<string, string> Columns { get; } = new();

    public int RowsRead { get; set; }

    public int RowsAccepted { get; set; }

    public int RowsRejected { get; set; }

    public List<ListProblem> Problems { get; } = new();

    /// <summary>Problems beyond <see cref="ListLimits.MaxReportedProblems"/>, counted only.</summary>
    public int ProblemsNotListed { get; set; }

    /// <summary>Remarks about the file as a whole (a missing consent column, unused columns).</summary>
    public List<string> Notes { get; } = new();

    public List<string> Added { get; } = new();

    public int AddedCount { get; set; }

    public List<ListChange> Changed { get; } = new();

    public int ChangedCount { get; set; }

    public List<string> Removed { get; } = new();

    public int RemovedCount { get; set; }

    public int UnchangedCount { get; set; }

    public ListImportMode Mode { get; set; }

    public ListImportResult Result { get; set; }

    public int ErrorCount => Problems.Count(p => p.Severity == ProblemSeverity.Error) + ErrorsNotListed;

    public int WarningCount => Problems.Count(p => p.Severity == ProblemSeverity.Warning) + WarningsNotListed;

    // Kept in the stored report (ListReportJson) so that the counts above survive a round trip.
    [System.Text.Json.Serialization.JsonInclude]
    internal int ErrorsNotListed { get; set; }

    [System.Text.Json.Serialization.JsonInclude]
    internal int WarningsNotListed { get; set; }
}
