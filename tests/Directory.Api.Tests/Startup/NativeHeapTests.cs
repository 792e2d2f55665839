using System.Runtime.InteropServices;
using Directory.Core.Snapshot;

namespace Directory.Api.Tests.Startup;

/// <summary>Alone, because the C library's counters are the whole process's: other tests' SQLite work would move them.</summary>
[CollectionDefinition(nameof(NativeHeapTests), DisableParallelization = true)]
public sealed class NativeHeapCollection;

[Collection(nameof(NativeHeapTests))]
public sealed class NativeHeapTests
{
    // The size of the stored list copy at 100,000 entries, which SQLite copies into blocks of the C library's heap.
    private const int ListCopyBytes = 11 * 1024 * 1024;

    [Fact]
    public void LargeBlocksAreMappedOnTheirOwnAndGoBackToTheSystemWhenFreed()
    {
        Assert.SkipUnless(NativeLibrary.TryLoad("libc.so.6", out _), "glibc only");
        Assert.True(NativeHeap.KeepLargeBlocksSeparate());

        // Left to itself, glibc raises its threshold to the size of the first large block freed and serves the next
        // ones from an arena that keeps them: the second and third rounds are the ones that would stay resident.
        for (var round = 1; round <= 3; round++)
        {
            var before = MappedBytes();
            var block = Marshal.AllocHGlobal(ListCopyBytes); // malloc on Unix
            var allocated = MappedBytes();
            Marshal.FreeHGlobal(block);
            var freed = MappedBytes();

            Assert.True(allocated - before >= ListCopyBytes, $"round {round}: the block was not mapped on its own ({before} -> {allocated} bytes mapped)");
            Assert.True(allocated - freed >= ListCopyBytes, $"round {round}: the freed block stayed mapped ({allocated} -> {freed} bytes mapped)");
        }
    }

    // glibc's mallinfo2 (malloc.h): hblkhd is the bytes in blocks that have a mapping of their own.
    private static long MappedBytes() => (long)MallInfo2().MappedBlockBytes;

    [DllImport("libc.so.6", EntryPoint = "mallinfo2")]
    private static extern MallocInfo MallInfo2();

    // struct mallinfo2, field by field (size_t each); only hblkhd is read.
    [StructLayout(LayoutKind.Sequential)]
    private struct MallocInfo
    {
        public nuint Arena, OrdinaryBlocks, SmallBlocks, MappedBlocks;
        public nuint MappedBlockBytes;
        public nuint MaxTotalAllocated, FastbinFreeBytes, AllocatedBytes, FreeBytes, KeepCost;
    }
}
