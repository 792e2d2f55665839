namespace Directory.Core.Managers;

/// <summary>
/// A change of the public view, kept in the table <c>public_changes</c> for the change feed (<c>/api/changes.atom</c>):
/// an entry the public could not see before and can now (added), one it could see and now cannot (removed), or one
/// whose public fields changed. Written with each import and edit (<see cref="Lists.PublicChanges"/>); a change the
/// public cannot see (a hidden entry, a certificate number) leaves no row, so the feed says nothing of hidden entries.
/// </summary>
public sealed class PublicChange
{
    /// <summary>Row id; the feed's order.</summary>
    public int Id { get; set; }

    /// <summary>When it changed (UTC).</summary>
    public DateTime ChangedAtUtc { get; set; }

    /// <summary>One of <see cref="PublicChangeKinds"/>.</summary>
    public required string Kind { get; set; }

    /// <summary>The entry's id.</summary>
    public int ManagerId { get; set; }

    /// <summary>The name as the public saw it ("Dr. Anna Beispiel"); empty for a removal, which names no one.</summary>
    public required string Name { get; set; }

    /// <summary>The area the entry works for (after the change; before it for a removal).</summary>
    public required string AreaKey { get; set; }

    /// <summary>For a change: the public fields that changed, in German, comma-separated.</summary>
    public string? Fields { get; set; }
}

/// <summary>The kinds of public change.</summary>
public static class PublicChangeKinds
{
    /// <summary>Now public (new, or consent given, or active again).</summary>
    public const string Added = "added";

    /// <summary>No longer public (removed from the list, consent withdrawn, or inactive).</summary>
    public const string Removed = "removed";

    /// <summary>Public before and after, with public fields changed.</summary>
    public const string Changed = "changed";

    /// <summary>Many changes at once (a first import): <see cref="PublicChange.Fields"/> holds "added,changed,removed" counts.</summary>
    public const string Many = "many";
}
