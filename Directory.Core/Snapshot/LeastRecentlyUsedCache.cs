namespace Directory.Core.Snapshot;

/// <summary>
/// A thread-safe cache of at most <see cref="Capacity"/> values that drops the least recently used one when full:
/// clients that ask for ever new parameters cost one eviction each, never the cache of everybody else. A value is
/// computed once per key even when several requests ask for it at the same moment (they wait for the first).
/// </summary>
/// <typeparam name="TKey">The key.</typeparam>
/// <typeparam name="TValue">The value.</typeparam>
public sealed class LeastRecentlyUsedCache<TKey, TValue>
    where TKey : notnull
{
    private readonly Dictionary<TKey, LinkedListNode<(TKey Key, Lazy<TValue> Value)>> nodes;
    private readonly LinkedList<(TKey Key, Lazy<TValue> Value)> recency = new();
    private readonly Lock gate = new();

    /// <summary>A cache of at most <paramref name="capacity"/> values.</summary>
    public LeastRecentlyUsedCache(int capacity, IEqualityComparer<TKey>? comparer = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        Capacity = capacity;
        nodes = new Dictionary<TKey, LinkedListNode<(TKey, Lazy<TValue>)>>(comparer);
    }

    /// <summary>The most values kept.</summary>
    public int Capacity { get; }

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

    /// <summary>The value of <paramref name="key"/>, computed by <paramref name="compute"/> if it is not kept.</summary>
    public TValue GetOrAdd(TKey key, Func<TKey, TValue> compute)
    {
        Lazy<TValue> value;
        lock (gate)
        {
            if (nodes.TryGetValue(key, out var node))
            {
                recency.Remove(node);
                recency.AddFirst(node);
                value = node.Value.Value;
            }
            else
            {
                value = new Lazy<TValue>(() => compute(key), LazyThreadSafetyMode.ExecutionAndPublication);
                nodes[key] = recency.AddFirst((key, value));
                if (nodes.Count > Capacity)
                {
                    var oldest = recency.Last!;
                    recency.RemoveLast();
                    nodes.Remove(oldest.Value.Key);
                }
            }
        }

        // Computed outside the lock: one slow value must not hold up the answers that are already kept.
        return value.Value;
    }

    /// <summary>Whether <paramref name="key"/> is kept now (without making it the most recently used).</summary>
    public bool Contains(TKey key)
    {
        lock (gate)
        {
            return nodes.ContainsKey(key);
        }
    }
}
