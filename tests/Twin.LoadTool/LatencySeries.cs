namespace Twin.LoadTool;

/// <summary>
/// Change → client latencies by second of receipt since <see cref="Start"/> (lock-free): how many,
/// how many over 100 ms, and the longest, so a run's tail can be told from a few bad seconds (a
/// collection, a burst of another process) or from all of them.
/// </summary>
internal sealed class LatencySeries
{
    private const int Seconds = 3_600;
    private readonly long[] _count = new long[Seconds];
    private readonly long[] _late = new long[Seconds];
    private readonly long[] _max = new long[Seconds];
    private long _startMs = long.MaxValue;

    /// <summary>Receipts before this time (ms since the epoch) are not recorded.</summary>
    public void Start(long unixMs) => Volatile.Write(ref _startMs, unixMs);

    public void Add(long receivedMs, long latencyMs)
    {
        var second = (receivedMs - Volatile.Read(ref _startMs)) / 1000;
        if (second is < 0 or >= Seconds)
        {
            return;
        }

        Interlocked.Increment(ref _count[second]);
        if (latencyMs > 100)
        {
            Interlocked.Increment(ref _late[second]);
        }

        long max;
        while (latencyMs > (max = Interlocked.Read(ref _max[second])) && Interlocked.CompareExchange(ref _max[second], latencyMs, max) != max)
        {
        }
    }

    /// <summary>One line per second up to <paramref name="seconds"/>: deliveries, over 100 ms, max, and the CPU columns given.</summary>
    public void Print(TextWriter output, int seconds, IReadOnlyList<string> cpu)
    {
        output.WriteLine("second | deliveries | over 100 ms | max ms | CPU % of a core: silo / Azurite / load tool");
        for (var s = 0; s < Math.Min(seconds, Seconds); s++)
        {
            output.WriteLine($"{s,6} | {_count[s],10} | {_late[s],11} | {_max[s],6} | {(s < cpu.Count ? cpu[s] : "")}");
        }
    }
}
