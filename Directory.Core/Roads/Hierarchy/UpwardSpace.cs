namespace Directory.Core.Roads.Hierarchy;

/// <summary>
/// The junctions an upward search reached, by id in ascending order, with their times: two of them, one forwards from a
/// place and one backwards from a destination, meet where the way between them tops out (<see cref="Meet"/>, a merge of
/// two sorted lists).
/// </summary>
public sealed class UpwardSpace
{
    private readonly int[] ids;
    private readonly int[] ms;

    private UpwardSpace(int[] ids, int[] ms) => (this.ids, this.ms) = (ids, ms);

    /// <summary>Bytes it takes.</summary>
    public long Bytes => (ids.Length * 8L) + 64;

    /// <summary>The least sum of times over the junctions both spaces hold, or <see cref="ContractionHierarchy.Unreached"/>.</summary>
    public int Meet(UpwardSpace other)
    {
        var best = ContractionHierarchy.Unreached;
        for (int i = 0, k = 0; i < ids.Length && k < other.ids.Length;)
        {
            if (ids[i] < other.ids[k])
            {
                i++;
            }
            else if (ids[i] > other.ids[k])
            {
                k++;
            }
            else
            {
                best = Math.Min(best, ms[i++] + other.ms[k++]);
            }
        }

        return best;
    }

    internal static UpwardSpace Of(SearchTimes times)
    {
        var entries = times.Entries().ToArray();
        var (ids, ms) = (new int[entries.Length], new int[entries.Length]);
        for (var i = 0; i < entries.Length; i++)
        {
            (ids[i], ms[i]) = entries[i];
        }

        Array.Sort(ids, ms);
        return new UpwardSpace(ids, ms);
    }
}
