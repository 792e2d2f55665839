using Directory.Core.Managers;
using Directory.Core.Snapshot;

namespace Directory.Api.Snapshot;

/// <summary>
/// A <see cref="ServedList"/> with what a snapshot builds from it: the spatial index and the covered areas. Built on
/// the thread that read or decoded the list, so that at start it is made beside the geography instead of after it
/// (docs/performance.md).
/// </summary>
public sealed class IndexedList
{
    /// <summary>Indexes <paramref name="list"/>; its public managers must be ordered by id.</summary>
    public IndexedList(ServedList list)
    {
        list.CheckOrderedById();
        List = list;
        Managers = new ManagerIndex(list.PublicManagers);
        CoveredAreaKeys = list.CoveredAreaKeys();
    }

    /// <summary>The list.</summary>
    public ServedList List { get; }

    /// <summary>Spatial index over the public managers.</summary>
    public ManagerIndex Managers { get; }

    /// <summary>Area keys with an active family manager (published or not).</summary>
    public IReadOnlySet<string> CoveredAreaKeys { get; }
}
