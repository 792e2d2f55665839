namespace Directory.Core.Snapshot;

/// <summary>
/// Holds the snapshot that requests read. Replacing it is one reference swap, so a request sees either the old
/// or the new snapshot, never a mix.
/// </summary>
public sealed class SnapshotProvider
{
    private readonly TaskCompletionSource firstPublished = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ServedSnapshot? current;

    /// <summary>Completes when the first snapshot is served: work that can wait (the population cells) waits for it.</summary>
    public Task FirstPublished => firstPublished.Task;

    /// <summary>The snapshot to serve from; set once the database is ready.</summary>
    public ServedSnapshot Current => Volatile.Read(ref current)
        ?? throw new InvalidOperationException("The directory has not been loaded yet.");

    /// <summary>The snapshot served now, or null before the first one.</summary>
    public ServedSnapshot? CurrentOrNull => Volatile.Read(ref current);

    /// <summary>
    /// Makes <paramref name="snapshot"/> the one served from now on, unless it was read at an older data version than
    /// the one served (an import published its snapshot while a refresh was still reading the state before it):
    /// then it is dropped and false returned, so that the directory never steps back.
    /// </summary>
    public bool Publish(ServedSnapshot snapshot)
    {
        while (true)
        {
            var previous = Volatile.Read(ref current);
            if (previous is not null && IsOlder(snapshot, previous))
            {
                return false;
            }

            if (!ReferenceEquals(Interlocked.CompareExchange(ref current, snapshot, previous), previous))
            {
                continue; // another publish came in between: compare with that one
            }

            firstPublished.TrySetResult();
            if (previous is not null && !ReferenceEquals(previous, snapshot))
            {
                // The old snapshot (tens of MB at 100,000 entries) is garbage now. Imports are rare, so one compacting
                // collection that returns the memory to the system is cheap; without it the soak test's resident memory
                // stayed at the peak of the swap (old and new side by side) for good (docs/performance.md).
                _ = Task.Run(ReturnFreedMemory);
            }

            return true;
        }
    }

    /// <summary>True when <paramref name="snapshot"/> was read before <paramref name="served"/> (either counter lower).</summary>
    private static bool IsOlder(ServedSnapshot snapshot, ServedSnapshot served) =>
        snapshot.Served.Version < served.Served.Version || snapshot.ListVersion < served.ListVersion;

    /// <summary>
    /// One compacting collection that returns freed memory to the system: after work that leaves tens of MB of garbage
    /// behind (a replaced snapshot, the start's reading), which would otherwise stay
    /// resident for good, and likewise what SQLite freed in the C library's heap (<see cref="NativeHeap"/>). Rare by
    /// design: never on a request's path.
    /// </summary>
    public static void ReturnFreedMemory()
    {
        GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
        NativeHeap.ReturnFreeMemory();
    }
}
