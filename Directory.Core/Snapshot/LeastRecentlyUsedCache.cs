namespace Directory.Core.Snapshot;

/// <summary>
/// A thread-safe cache of values that together take at most <see cref="ByteBudget"/> bytes (each value's size as its
/// caller measures it), dropping the least recently used ones when over: clients that ask for ever new parameters
/// cost one eviction each, never the cache of everybody else, and a few large answers cannot take the memory that
/// many small ones would have been allowed. A value is computed once per key even when several requests ask for it at
/// the same moment (they wait for the first); a computation that fails (or is cancelled) is not kept, so the next
/// request tries again.
/// </summary>
/// <typeparam name="TKey">The key.</typeparam>
public sealed class LeastRecentlyUsedCache<TKey>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<Entry>> nodes;
    private readonly LinkedList<Entry> recency = new();
    private readonly Lock gate = new();
    private long bytes;

    /// <summary>A cache of at most <paramref name="byteBudget"/> bytes.</summary>
    public LeastRecentlyUsedCache(long byteBudget, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(byteBudget, 1);
        ByteBudget = byteBudget;
        nodes = new Dictionary<TKey, LinkedListNode<Entry>>(comparer);
    }

    /// <summary>The most bytes kept.</summary>
    public long ByteBudget { get; }

    /// <summary>The bytes of the values kept now.</summary>
    public long Bytes
    {
        get
        {
            lock (gate)
            {
                return bytes;
            }
        }
    }

    /// <summary>The number of values kept now.</summary>
    public int Count
    {
        get
        {
            lock (gate)
            {
                return nodes.Count;
            }
        }
    }

    /// <summary>
    /// The value of <paramref name="key"/>, computed by <paramref name="compute"/> if it is not kept and then counted
    /// at <paramref name="sizeOf"/> bytes. A value larger than the whole budget is returned but not kept.
    /// </summary>
    public TValue GetOrAdd<TValue>(TKey key, Func<TValue> compute, Func<TValue, long> sizeOf)
    {
        LinkedListNode<Entry> node;
        lock (gate)
        {
            if (nodes.TryGetValue(key, out var kept))
            {
                recency.Remove(kept);
                recency.AddFirst(kept);
                node = kept;
            }
            else
            {
                node = recency.AddFirst(new Entry(key, new Lazy<object?>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication)));
                nodes[key] = node;
            }
        }

        // Computed outside the lock: one slow value must not hold up the answers that are already kept.
        object? value;
        try
        {
            value = node.Value.Value.Value;
        }
        catch
        {
            Remove(node);
            throw;
        }

        lock (gate)
        {
            if (node.Value.Bytes < 0 && node.List is not null)
            {
                node.Value.Bytes = Math.Max(1, sizeOf((TValue)value!));
                bytes += node.Value.Bytes;
                // The oldest go first; the value just made stays unless it alone is over the budget.
                while (bytes > ByteBudget && recency.Last is { } oldest)
                {
                    RemoveLocked(oldest);
                    if (oldest == node)
                    {
                        break;
                    }
                }
            }
        }

        return (TValue)value!;
    }

    /// <summary>Whether <paramref name="key"/> is kept now (without making it the most recently used).</summary>
    public bool Contains(TKey key)
    {
        lock (gate)
        {
            return nodes.ContainsKey(key);
        }
    }

    private void Remove(LinkedListNode<Entry> node)
    {
        lock (gate)
        {
            if (node.List is not null)
            {
                RemoveLocked(node);
            }
        }
    }

    private void RemoveLocked(LinkedListNode<Entry> node)
    {
        recency.Remove(node);
        nodes.Remove(node.Value.Key);
        bytes -= Math.Max(0, node.Value.Bytes);
    }

    private sealed class Entry(TKey key, Lazy<object?> value)
    {
        public TKey Key { get; } = key;

        public Lazy<object?> Value { get; } = value;

        // -1 until the value is computed and measured.
        public long Bytes { get; set; } = -1;
    }
}
