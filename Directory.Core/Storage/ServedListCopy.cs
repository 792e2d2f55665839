namespace Directory.Core.Storage;

/// <summary>
/// Table <c>served_list_cache</c>, one row: a stored copy of what the service's snapshot keeps of the list, in the
/// binary format of <c>Snapshot/ServedListCache</c> (docs/architecture.md). A cache, never the record: it names the
/// list version (<see cref="DirectoryState.ListVersion"/>) and the format it was made in, and is used only when both
/// match. Not registered in <c>gpkg_contents</c>, so GIS clients do not list it.
/// </summary>
public sealed class ServedListCopy
{
    /// <summary>Always 1.</summary>
    public int Id { get; set; }

    /// <summary>The list's change counter the copy was made from.</summary>
    public long ListVersion { get; set; }

    /// <summary>The format the copy was written in.</summary>
    public required string Format { get; set; }

    /// <summary>The copy.</summary>
    public required byte[] Data { get; set; }
}
