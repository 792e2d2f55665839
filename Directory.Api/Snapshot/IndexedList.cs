using Directory.Core.Managers;
using Directory.Core.Snapshot;

namespace Directory.Api.Snapshot;

/// <summary>
/// A <see cref="ServedList"/> with what a snapshot builds from it: the spatial index, the lookup by id and the covered
/// areas. Built on the thread that read or decoded the list, so that at start it is made beside the geography
/// instead of after it (docs/performance.md).
/// </summary>
public sealed class IndexedList(ServedList list)
{
    /// <summary>The list.</summary>
    public ServedList List { get; } = list;

    /// <summary>Spatial index over the public managers.</summary>
    public ManagerIndex Managers { get; } = new(list.PublicManagers);

    /// <summary>The public managers by id.</summary>
    public IReadOnlyDictionary<int, PublicFamilyManager> PublicManagersById { get; } = list.PublicManagers.ToDictionary(m => m.Id);

    /// <summary>Area keys with an active family manager (published or not).</summary>
    public IReadOnlySet<string> CoveredAreaKeys { get; } = list.CoveredAreaKeys();
}
