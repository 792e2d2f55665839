namespace Directory.Core.Roads.Hierarchy;

/// <summary>
/// Junctions chosen from a <see cref="ContractionHierarchy"/> with all junctions above them (RPHAST, Delling et al.
/// 2011), and their up arcs among themselves, numbered by position: times towards a place at all of them then take one
/// sweep over this part instead of over all of NRW.
/// </summary>
public sealed class HierarchySelection
{
    private readonly Dictionary<int, int> positionOfId;
    private readonly int[] first;
    private readonly int[] target;
    private readonly int[] ms;
    private readonly int corePositions;

    internal HierarchySelection(ContractionHierarchy hierarchy, int[] ids)
    {
        positionOfId = new Dictionary<int, int>(ids.Length);
        for (var i = 0; i < ids.Length; i++)
        {
            positionOfId[ids[i]] = i;
        }

        // The core's junctions take no arcs here: their times come from the search.
        var (upFirst, upTarget, upMs) = hierarchy.UpArcs;
        first = new int[ids.Length + 1];
        for (var i = 0; i < ids.Length; i++)
        {
            first[i + 1] = first[i] + (ids[i] < hierarchy.CoreCount ? 0 : upFirst[ids[i] + 1] - upFirst[ids[i]]);
        }

        (target, ms) = (new int[first[^1]], new int[first[^1]]);
        for (var i = 0; i < ids.Length; i++)
        {
            if (ids[i] < hierarchy.CoreCount)
            {
                continue;
            }

            for (int a = upFirst[ids[i]], k = first[i]; a < upFirst[ids[i] + 1]; a++, k++)
            {
                (target[k], ms[k]) = (positionOfId[upTarget[a]], upMs[a]);
            }
        }

        Count = ids.Length;
        corePositions = ids.Count(id => id < hierarchy.CoreCount);
        Hierarchy = hierarchy;
    }

    /// <summary>The junctions chosen, with those above them.</summary>
    public int Count { get; }

    /// <summary>The hierarchy chosen from.</summary>
    public ContractionHierarchy Hierarchy { get; }

    /// <summary>The position of a network node in the selection, or −1.</summary>
    public int PositionOfNode(int node) => PositionOf(Hierarchy.IdOf(node));

    internal int PositionOf(int id) => positionOfId.TryGetValue(id, out var position) ? position : -1;

    // Positions follow the ids, highest rank first: every arc leads to an earlier position, already final; the core's
    // come first, final from the search.
    internal void Sweep(int[] times)
    {
        for (var i = corePositions; i < Count; i++)
        {
            var best = times[i];
            for (var a = first[i]; a < first[i + 1]; a++)
            {
                best = Math.Min(best, times[target[a]] + ms[a]);
            }

            times[i] = Math.Min(best, ContractionHierarchy.Unreached);
        }
    }
}
