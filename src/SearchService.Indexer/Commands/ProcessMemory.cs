namespace SearchService.Indexer.Commands;

/// <summary>The process's resident memory from /proc/self/status (Linux), else the working set.</summary>
internal static class ProcessMemory
{
    /// <summary>Resident now.</summary>
    public static long ResidentBytes() => Read("VmRSS:") ?? Environment.WorkingSet;

    /// <summary>The most resident so far (the high-water mark).</summary>
    public static long PeakResidentBytes() => Read("VmHWM:") ?? Environment.WorkingSet;

    private static long? Read(string key)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return null;
        }

        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var kilobytes = line[key.Length..].Trim().Split(' ')[0];
                return long.TryParse(kilobytes, out var kb) ? kb * 1024 : null;
            }
        }

        return null;
    }
}
