using Directory.Core.Snapshot;

namespace Directory.Core.Tests.Snapshot;

public sealed class LeastRecentlyUsedCacheTests
{
    [Fact]
    public void AFullCacheDropsOnlyTheLeastRecentlyUsedValue()
    {
        var computed = new List<int>();
        var cache = new LeastRecentlyUsedCache<int>(300);
        Func<string> Compute(int key) => () =>
        {
            computed.Add(key);
            return $"v{key}";
        };

        foreach (var key in new[] { 1, 2, 3 })
        {
            cache.GetOrAdd(key, Compute(key), _ => 100);
        }

        Assert.Equal("v1", cache.GetOrAdd(1, Compute(1), _ => 100)); // 1 is now the most recently used; 2 the least
        cache.GetOrAdd(4, Compute(4), _ => 100);

        Assert.Equal(3, cache.Count);
        Assert.Equal(300, cache.Bytes);
        Assert.False(cache.Contains(2));
        Assert.True(cache.Contains(1));
        Assert.True(cache.Contains(3));
        Assert.True(cache.Contains(4));
        Assert.Equal([1, 2, 3, 4], computed);
    }

    [Fact]
    public void ManyNewKeysNeverEmptyTheCacheWholesale()
    {
        var cache = new LeastRecentlyUsedCache<int>(10);
        for (var key = 0; key < 1000; key++)
        {
            cache.GetOrAdd(key, () => key, _ => 1);
            Assert.Equal(Math.Min(key + 1, 10), cache.Count);
        }

        Assert.All(Enumerable.Range(990, 10), key => Assert.True(cache.Contains(key)));
    }

    [Fact]
    public void TheBudgetIsInBytesSoOneLargeValueTakesThePlaceOfManySmallOnes()
    {
        // Issue 32: a count of entries let 1,024 answers of several MB each (GeoJSON with boundaries) stay in memory.
        var cache = new LeastRecentlyUsedCache<string>(1_000);
        for (var i = 0; i < 10; i++)
        {
            cache.GetOrAdd($"small{i}", () => new byte[50], b => b.Length);
        }

        Assert.Equal(500, cache.Bytes);
        cache.GetOrAdd("large", () => new byte[900], b => b.Length);

        Assert.Equal(1_000, cache.Bytes);
        Assert.True(cache.Contains("large"));
        Assert.True(cache.Contains("small8"));
        Assert.False(cache.Contains("small7"));

        // A value larger than the whole budget is returned, but not kept.
        Assert.Equal(5_000, cache.GetOrAdd("huge", () => new byte[5_000], b => b.Length).Length);
        Assert.False(cache.Contains("huge"));
        Assert.InRange(cache.Bytes, 0, 1_000);
    }

    [Fact]
    public void AFailedComputationIsNotKept()
    {
        var cache = new LeastRecentlyUsedCache<string>(100);
        Assert.Throws<OperationCanceledException>(() => cache.GetOrAdd<int>("k", () => throw new OperationCanceledException(), _ => 1));

        Assert.False(cache.Contains("k"));
        Assert.Equal(7, cache.GetOrAdd("k", () => 7, _ => 1));
    }

    [Fact]
    public async Task AValueAskedForAtOnceIsComputedOnce()
    {
        var calls = 0;
        var cache = new LeastRecentlyUsedCache<string>(4);
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(() => cache.GetOrAdd("k", () =>
        {
            Interlocked.Increment(ref calls);
            Thread.Sleep(50);
            return 42;
        }, _ => 1), TestContext.Current.CancellationToken)));

        Assert.Equal(1, calls);
    }
}
