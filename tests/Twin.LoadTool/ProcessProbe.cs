using System.Globalization;

namespace Twin.LoadTool;

/// <summary>A process's CPU time (utime + stime of /proc/PID/stat) and resident memory (VmRSS), by PID.</summary>
internal static class ProcessProbe
{
    /// <summary>CPU seconds used so far, or null when the process is gone.</summary>
    public static double? CpuSeconds(int pid, int clockTicks)
    {
        try
        {
            var stat = File.ReadAllText($"/proc/{pid}/stat");
            // Fields after "pid (comm) ": state is field 3, utime 14, stime 15 (1-based).
            var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
            var ticks = long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture);
            return ticks / (double)clockTicks;
        }
        catch (IOException)
        {
            return null;
        }
    }

    /// <summary>Resident set size in bytes, or null when the process is gone.</summary>
    public static long? ResidentBytes(int pid)
    {
        try
        {
            var line = File.ReadLines($"/proc/{pid}/status").FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
            return line is null ? null : long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
        }
        catch (IOException)
        {
            return null;
        }
    }
}
