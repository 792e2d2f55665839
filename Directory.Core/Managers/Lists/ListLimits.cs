namespace Directory.Core.Managers.Lists;

/// <summary>
/// Bounds that keep any input, however hostile, to bounded memory and time. A list of the real programme has a few
/// hundred rows and twenty columns; these limits are far above that and far below harm.
/// </summary>
public sealed record ListLimits
{
    /// <summary>Largest file accepted (bytes). A 100,000-row list with coordinates is about 25 MB.</summary>
    public long MaxFileBytes { get; init; } = 100L * 1024 * 1024;

    /// <summary>Largest sum of uncompressed entries of an .xlsx (a zip): stops zip bombs before they unpack.</summary>
    public long MaxUncompressedBytes { get; init; } = 512L * 1024 * 1024;

    /// <summary>Most columns a row may have.</summary>
    public int MaxColumns { get; init; } = 500;

    /// <summary>Most characters one cell may hold.</summary>
    public int MaxCellLength { get; init; } = 10_000;

    /// <summary>Rows searched for the header row (lists often have title rows above it).</summary>
    public int HeaderSearchRows { get; init; } = 30;

    /// <summary>Problems reported in full; beyond that they are only counted.</summary>
    public int MaxReportedProblems { get; init; } = 1_000;
}
