using System.Runtime.InteropServices;

namespace Directory.Core.Snapshot;

/// <summary>
/// The C library's heap, where SQLite keeps its memory (outside the garbage-collected heap). glibc serves a large
/// block from a mapping of its own at first, but once such a block is freed it raises that threshold to the block's
/// size and serves the next ones from its arenas, which keep what is freed there. SQLite copies the stored list copy
/// (11 MB at 100,000 entries) into such blocks when it writes and reads it, from whichever thread does so: each
/// import left 15–20 MB more resident in some arena, while the managed heap stayed the same (the soak's steps,
/// docs/performance.md). With the threshold fixed, large blocks go back to the system when freed; what smaller blocks
/// leave free is given back after the rare work that frees it (<see cref="ReturnFreeMemory"/>).
/// <para>Only glibc (Linux) has these calls; elsewhere (musl, Windows, macOS) nothing happens.</para>
/// </summary>
public static class NativeHeap
{
    // glibc's mallopt parameter for the size from which a block gets a mapping of its own (malloc.h).
    private const int MmapThresholdParameter = -3;

    /// <summary>glibc's own default for that threshold: 128 KiB.</summary>
    public const int LargeBlockBytes = 128 * 1024;

    private static bool available = OperatingSystem.IsLinux();

    /// <summary>
    /// Fixes the size from which a block gets its own mapping at <see cref="LargeBlockBytes"/> (which also stops glibc
    /// from raising it). Call first thing at start; true when the C library took it.
    /// </summary>
    public static bool KeepLargeBlocksSeparate() => Call(() => MallOpt(MmapThresholdParameter, LargeBlockBytes) == 1);

    /// <summary>Gives free memory in the C library's arenas back to the system; after work that freed a lot.</summary>
    public static void ReturnFreeMemory() => Call(() => MallocTrim(0) == 1);

    private static bool Call(Func<bool> call)
    {
        if (!available)
        {
            return false;
        }

        try
        {
            return call();
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            available = false; // not glibc
            return false;
        }
    }

    // DllImport rather than LibraryImport: both signatures are blittable, and the project needs no unsafe code for them.
    [DllImport("libc.so.6", EntryPoint = "mallopt")]
    private static extern int MallOpt(int parameter, int value);

    [DllImport("libc.so.6", EntryPoint = "malloc_trim")]
    private static extern int MallocTrim(nuint pad);
}
