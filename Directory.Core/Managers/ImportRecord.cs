namespace Directory.Core.Managers;

/// <summary>
/// One change of the directory, kept in the table <c>import_history</c>: a list import (CLI or staff upload) or a
/// single entry edited in the staff area.
/// </summary>
public sealed class ImportRecord
{
    /// <summary>Row id.</summary>
    public int Id { get; set; }

    /// <summary>When the import ran (UTC).</summary>
    public DateTime ImportedAtUtc { get; set; }

    /// <summary>The file's name as given.</summary>
    public required string FileName { get; set; }

    /// <summary>SHA-256 of the file's bytes, hex.</summary>
    public required string Sha256 { get; set; }

    /// <summary>
    /// A code (<c>Lists.ImportHistory.Modes</c>): <c>replace</c> (the list replaces the directory), <c>merge</c>
    /// (--merge) or <c>edit</c> (one entry edited in the staff area). Shown in words by <c>Lists.ImportHistory.ModeText</c>.
    /// </summary>
    public required string Mode { get; set; }

    /// <summary>A code (<c>Lists.ImportHistory.Results</c>), shown in words by <c>Lists.ImportHistory.ResultText</c>.</summary>
    public required string Result { get; set; }

    /// <summary>Data rows read.</summary>
    public int RowsRead { get; set; }

    /// <summary>Rows accepted.</summary>
    public int RowsAccepted { get; set; }

    /// <summary>Rows rejected.</summary>
    public int RowsRejected { get; set; }

    /// <summary>Warnings reported.</summary>
    public int Warnings { get; set; }

    /// <summary>Entries added.</summary>
    public int Added { get; set; }

    /// <summary>Entries changed.</summary>
    public int Changed { get; set; }

    /// <summary>Entries removed.</summary>
    public int Removed { get; set; }

    /// <summary>Entries unchanged.</summary>
    public int Unchanged { get; set; }

    /// <summary>Who made the change: a staff account's name, or <c>cli:</c> and the operating-system user.</summary>
    public string? ImportedBy { get; set; }

    /// <summary>The full report as JSON (<see cref="Lists.ListReportJson"/>), for download from the staff area.</summary>
    public string? Report { get; set; }
}
