using Directory.Core.Snapshot;

namespace Directory.Core.Tests.Snapshot;

public sealed class LeastRecentlyUsedCacheTests
{
    [Fact]
    public void AFullCacheDropsOnlyTheLeastRecentlyUsedValue()
    {
        var computed = new List<int>();
        var cache = new LeastRecentlyUsedCache<int, string>(3);
        string Compute(int key)
        {
            computed.Add(key);
            return $"v{key}";
        }

        foreach (var key in new[] { 1, 2, 3 })
        {
            cache.GetOrAdd(key, Compute);
        }

        Assert.Equal("v1", cache.GetOrAdd(1, Compute)); // 1 is now the most recently used; 2 the least
        cache.GetOrAdd(4, Compute);

        Assert.Equal(3, cache.Count);
        Assert.False(cache.Contains(2));
        Assert.True(cache.Contains(1));
        Assert.True(cache.Contains(3));
        Assert.True(cache.Contains(4));
        Assert.Equal([1, 2, 3, 4], computed);
    }

    [Fact]
    public void ManyNewKeysNeverEmptyTheCacheWholesale()
    {
        var cache = new LeastRecentlyUsedCache<int, int>(10);
        for (var key = 0; key < 1000; key++)
        {
            cache.GetOrAdd(key, k => k);
            Assert.Equal(Math.Min(key + 1, 10), cache.Count);
        }

        Assert.All(Enumerable.Range(990, 10), key => Assert.True(cache.Contains(key)));
    }

    [Fact]
    public async Task AValueAskedForAtOnceIsComputedOnce()
    {
        var calls = 0;
        var cache = new LeastRecentlyUsedCache<string, int>(4);
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => cache.GetOrAdd("k", _ =>
        {
            Interlocked.Increment(ref calls);
            Thread.Sleep(50);
            return 42;
        }), TestContext.Current.CancellationToken)));

        Assert.Equal(1, calls);
    }
}
