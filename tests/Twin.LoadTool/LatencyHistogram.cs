namespace Twin.LoadTool;

/// <summary>A lock-free histogram of latencies in whole milliseconds (0 to 2 minutes, the rest in the last bucket).</summary>
internal sealed class LatencyHistogram
{
    private readonly long[] _buckets = new long[120_001];
    private long _max;

    public long Count { get; private set; }

    public void Add(long milliseconds)
    {
        var bucket = Math.Clamp(milliseconds, 0, _buckets.Length - 1);
        Interlocked.Increment(ref _buckets[bucket]);
        long max;
        while (milliseconds > (max = Interlocked.Read(ref _max)) && Interlocked.CompareExchange(ref _max, milliseconds, max) != max)
        {
        }
    }

    /// <summary>Freezes the counts; call once the clients are quiet.</summary>
    public Snapshot Take()
    {
        var counts = _buckets.Select(b => Interlocked.Read(ref b)).ToArray();
        Count = counts.Sum();
        return new Snapshot(counts, Count, Interlocked.Read(ref _max));
    }

    internal sealed record Snapshot(long[] Counts, long Total, long Max)
    {
        public long Percentile(double p)
        {
            if (Total == 0)
            {
                return 0;
            }

            var rank = (long)Math.Ceiling(p * Total);
            long seen = 0;
            for (var i = 0; i < Counts.Length; i++)
            {
                seen += Counts[i];
                if (seen >= rank)
                {
                    return i;
                }
            }

            return Counts.Length - 1;
        }
    }
}
