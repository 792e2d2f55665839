using Directory.Core.Managers;

namespace Directory.Core.Staff;

/// <summary>
/// A list uploaded in the staff area and checked, waiting for "Übernehmen" or "Verwerfen" (table
/// <c>staged_lists</c>). Kept in the database, not in a folder, so that the file is never anywhere public and any
/// instance of the service can apply it.
/// </summary>
public sealed class StagedList
{
    /// <summary>Random id, also the preview's address.</summary>
    public required string Id { get; init; }

    /// <summary>The file's name as uploaded (without any path).</summary>
    public required string FileName { get; init; }

    /// <summary>The file's bytes.</summary>
    public required byte[] Content { get; init; }

    /// <summary>Replace or merge.</summary>
    public ListImportMode Mode { get; init; }

    /// <summary>Write the valid rows even when others have errors.</summary>
    public bool SkipInvalid { get; init; }

    /// <summary>The staff account that uploaded it.</summary>
    public required string StagedBy { get; init; }

    /// <summary>When it was uploaded (UTC).</summary>
    public DateTime StagedAtUtc { get; init; }

    /// <summary>
    /// The newest history entry when the preview was made. Applying is refused if the directory changed since,
    /// because the preview would no longer describe what happens.
    /// </summary>
    public int? BaseHistoryId { get; init; }

    /// <summary>The preview's report as JSON.</summary>
    public required string Report { get; init; }
}
