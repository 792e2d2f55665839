using System.Buffers;

namespace Directory.Core.Roads.Hierarchy;

/// <summary>
/// The times of one search, junction → milliseconds: open addressing over arrays from the shared pool, sized to the
/// junctions the search reaches (an upward search of the hierarchy reaches a few hundred to a few thousand), so a
/// search neither allocates per junction nor holds an array the size of the network.
/// </summary>
internal sealed class SearchTimes : IDisposable
{
    private int[] keys;
    private int[] values;
    private int mask;
    private int count;

    public SearchTimes()
    {
        (keys, values, mask) = Rent(1024);
    }

    /// <summary>The junction's time, or <see cref="ContractionHierarchy.Unreached"/>.</summary>
    public int Get(int id)
    {
        for (var slot = Slot(id); ; slot = (slot + 1) & mask)
        {
            var key = keys[slot];
            if (key == id + 1)
            {
                return values[slot];
            }

            if (key == 0)
            {
                return ContractionHierarchy.Unreached;
            }
        }
    }

    /// <summary>Sets the junction's time if it has none or a larger one; true when it did.</summary>
    public bool Improve(int id, int ms)
    {
        for (var slot = Slot(id); ; slot = (slot + 1) & mask)
        {
            var key = keys[slot];
            if (key == id + 1)
            {
                if (values[slot] <= ms)
                {
                    return false;
                }

                values[slot] = ms;
                return true;
            }

            if (key == 0)
            {
                (keys[slot], values[slot]) = (id + 1, ms);
                if (++count * 2 > mask)
                {
                    Grow();
                }

                return true;
            }
        }
    }

    /// <summary>Every junction with a time.</summary>
    public IEnumerable<(int Id, int Ms)> Entries()
    {
        for (var slot = 0; slot <= mask; slot++)
        {
            if (keys[slot] != 0)
            {
                yield return (keys[slot] - 1, values[slot]);
            }
        }
    }

    public void Dispose()
    {
        ArrayPool<int>.Shared.Return(keys);
        ArrayPool<int>.Shared.Return(values);
    }

    private static (int[], int[], int) Rent(int capacity)
    {
        var keys = ArrayPool<int>.Shared.Rent(capacity);
        Array.Clear(keys, 0, capacity);
        return (keys, ArrayPool<int>.Shared.Rent(capacity), capacity - 1);
    }

    private int Slot(int id) => (int)(((uint)id * 0x9E3779B1u) >> 7) & mask;

    private void Grow()
    {
        var (oldKeys, oldValues, oldMask) = (keys, values, mask);
        (keys, values, mask) = Rent((oldMask + 1) * 2);
        count = 0;
        for (var i = 0; i <= oldMask; i++)
        {
            if (oldKeys[i] != 0)
            {
                Improve(oldKeys[i] - 1, oldValues[i]);
            }
        }

        ArrayPool<int>.Shared.Return(oldKeys);
        ArrayPool<int>.Shared.Return(oldValues);
    }
}
