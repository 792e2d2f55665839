using System.Numerics;

namespace Directory.Core.Roads;

/// <summary>
/// A radix heap (Ahuja, Mehlhorn, Orlin and Tarjan 1990), the one priority queue of the road searches: for keys that
/// never fall below the last one taken out, as the times of a Dijkstra search, an upward search of the hierarchy or a
/// witness search do. Keys are whole milliseconds, the searches' own weights. .NET's PriorityQueue took 75 ns per
/// element in and out at a search's size; this queue about half.
/// </summary>
internal sealed class RadixQueue
{
    [ThreadStatic]
    private static RadixQueue? ofThisThread;

    private readonly List<(uint Key, int Node)>[] buckets = [.. Enumerable.Range(0, 33).Select(_ => new List<(uint, int)>())];
    private uint last;
    private int count;

    /// <summary>This thread's queue, emptied: a search runs on one thread from start to end.</summary>
    public static RadixQueue OfThisThread()
    {
        var queue = ofThisThread ??= new RadixQueue();
        queue.Clear();
        return queue;
    }

    /// <summary>Empties the queue for a new search.</summary>
    public void Clear()
    {
        foreach (var bucket in buckets)
        {
            bucket.Clear();
        }

        (last, count) = (0, 0);
    }

    /// <summary>Adds <paramref name="node"/> at <paramref name="key"/>, which must not be below the last key taken out.</summary>
    public void Push(uint key, int node)
    {
        buckets[Bucket(key)].Add((key, node));
        count++;
    }

    /// <summary>Takes out a node with the smallest key; false when the queue is empty.</summary>
    public bool TryPop(out int node, out uint key)
    {
        if (count == 0)
        {
            (node, key) = (-1, 0);
            return false;
        }

        var zero = buckets[0];
        if (zero.Count == 0)
        {
            // The first bucket with entries: its smallest key becomes the last, and its entries move to lower buckets.
            var i = 1;
            while (buckets[i].Count == 0)
            {
                i++;
            }

            var bucket = buckets[i];
            var smallest = uint.MaxValue;
            foreach (var entry in bucket)
            {
                smallest = Math.Min(smallest, entry.Key);
            }

            last = smallest;
            foreach (var entry in bucket)
            {
                buckets[Bucket(entry.Key)].Add(entry);
            }

            bucket.Clear();
        }

        (key, node) = zero[^1];
        zero.RemoveAt(zero.Count - 1);
        count--;
        return true;
    }

    private int Bucket(uint key) => key == last ? 0 : 32 - BitOperations.LeadingZeroCount(key ^ last);
}
