namespace Directory.Core.Managers.Lists;

/// <summary>Options of a list import.</summary>
/// <param name="Mode">Replace (default) or merge.</param>
/// <param name="SkipInvalid">Write the valid rows even when others have errors.</param>
/// <param name="DryRun">Report everything, write nothing.</param>
/// <param name="Read">How to read the file.</param>
/// <param name="ImportedBy">Who imports, for the history: a staff account or <c>cli:</c> and the system user.</param>
/// <param name="Today">The day the entries in the list count as checked; null: today, by the machine's clock.</param>
public sealed record ListImportOptions(
    ListImportMode Mode = ListImportMode.Replace,
    bool SkipInvalid = false,
    bool DryRun = false,
    ListReadOptions? Read = null,
    string? ImportedBy = null,
    DateOnly? Today = null);
