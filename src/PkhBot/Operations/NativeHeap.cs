using System.Runtime.InteropServices;

namespace PkhBot.Operations;

/// <summary>
/// glibc serves a malloc below its mmap threshold (128 KiB at start) from per-thread arenas and keeps what is freed
/// there. The JIT's scratch blocks and SQLite's page-cache blocks (64-128 KiB) land there while the bot starts,
/// answers its first poll and re-compiles hot methods, so an idle bot sat at ~170 MB. With the threshold at 64 KiB
/// such blocks are mapped and go back to the system when freed: ~152 MB (`bench --only start-up`; fixing it at
/// 128 KiB changed nothing, 32 KiB gained nothing over 64).
/// An operator's MALLOC_MMAP_THRESHOLD_ wins; nothing happens on other C libraries or systems.
/// </summary>
internal static class NativeHeap
{
    private const int MmapThresholdParameter = -3; // M_MMAP_THRESHOLD in glibc's malloc.h
    private const int MmapThresholdBytes = 64 * 1024;

    public static void ReturnLargeBlocks()
    {
        if (!OperatingSystem.IsLinux() || Environment.GetEnvironmentVariable("MALLOC_MMAP_THRESHOLD_") is not null) return;
        try { _ = mallopt(MmapThresholdParameter, MmapThresholdBytes); }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            // Not glibc (musl, for one): its allocator has no such setting.
        }
    }

    // DllImport, not LibraryImport: two ints need no marshalling, and LibraryImport would need unsafe code.
    [DllImport("libc", EntryPoint = "mallopt")]
    private static extern int mallopt(int param, int value);
}
