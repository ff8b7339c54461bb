namespace PenguinMails.Benchmarks.Compliance;

/// <summary>
/// Peak resident memory on Linux: VmHWM from /proc/self/status, which writing "5" to /proc/self/clear_refs resets, so
/// one phase of a run can be measured on its own. Elsewhere it falls back to the process's peak working set.
/// </summary>
public static class PeakMemory
{
    public static bool Reset()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public static long Read()
    {
        if (File.Exists("/proc/self/status"))
        {
            var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:", StringComparison.Ordinal));
            if (line is not null && long.TryParse(line["VmHWM:".Length..].Trim().Split(' ')[0], out var kib))
            {
                return kib * 1024;
            }
        }
        using var process = System.Diagnostics.Process.GetCurrentProcess();
        return process.PeakWorkingSet64;
    }
}
