using System.Diagnostics;
using System.Runtime.InteropServices;

namespace SearchService.Indexer.Commands;

/// <summary>
/// The CPU time of the calling thread, in nanoseconds, where the system gives it (Linux:
/// <c>clock_gettime(CLOCK_THREAD_CPUTIME_ID)</c>, a call that does not enter the kernel); elsewhere
/// the wall clock. On a machine shared with other work a step timed on the wall clock counts the
/// time its thread waited for a core; its CPU time does not.
/// </summary>
internal static partial class ThreadCpuClock
{
    private const int ThreadCpuTimeClock = 3; // CLOCK_THREAD_CPUTIME_ID

    /// <summary>True when <see cref="Now"/> reads CPU time, false when it falls back to the wall clock.</summary>
    public static bool IsCpuTime { get; } = OperatingSystem.IsLinux() && TryRead(out _);

    /// <summary>Nanoseconds of the calling thread's CPU (or of the wall clock, see <see cref="IsCpuTime"/>).</summary>
    public static long Now()
    {
        if (IsCpuTime && TryRead(out var nanoseconds))
        {
            return nanoseconds;
        }

        return (long)(Stopwatch.GetTimestamp() * (1e9 / Stopwatch.Frequency));
    }

    private static bool TryRead(out long nanoseconds)
    {
        if (ClockGetTime(ThreadCpuTimeClock, out var time) != 0)
        {
            nanoseconds = 0;
            return false;
        }

        nanoseconds = (time.Seconds * 1_000_000_000L) + time.Nanoseconds;
        return true;
    }

    [LibraryImport("libc", EntryPoint = "clock_gettime")]
    [DefaultDllImportSearchPaths(DllImportSearchPath.SafeDirectories)]
    private static partial int ClockGetTime(int clock, out TimeSpec time);

    [StructLayout(LayoutKind.Sequential)]
    private struct TimeSpec
    {
        public long Seconds;
        public long Nanoseconds;
    }
}
