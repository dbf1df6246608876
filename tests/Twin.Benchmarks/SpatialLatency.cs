using System.Diagnostics;
using System.Globalization;
using Twin.Spatial.Indexing;

namespace Twin.Benchmarks;

/// <summary>
/// The p99 of single spatial calls, which BenchmarkDotNet does not give (its percentiles are of
/// iteration means): each call timed on its own with <see cref="Stopwatch"/>, after a warm-up,
/// a bounded number of calls per query.
/// </summary>
public static class SpatialLatency
{
    public static void Run(int calls, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var clock = Stopwatch.StartNew();
        var park = SpatialPark.Create();
        output.WriteLine($"Index of {park.Index.Count:N0} footprints built in {clock.Elapsed.TotalSeconds:F1} s; {calls:N0} timed calls per query after {calls / 10:N0} warm-up calls.");
        var windows = park.Centres.Select(park.WindowAround).ToArray();
        var queries = new (string Name, double TargetMicros, Func<int, int> Call)[]
        {
            ("At (point in footprint)", 25, i => park.Index.At(park.Centres[i & 4_095].X, park.Centres[i & 4_095].Y).Count),
            ("Window (200 m box)", 50, i => park.Index.Window(windows[i & 4_095]).Count),
            ("Near (500 m)", 200, i => park.Index.Near(park.Centres[i & 4_095].X, park.Centres[i & 4_095].Y, SpatialPark.NearMetres).Count),
        };

        output.WriteLine();
        output.WriteLine("| query | results/call (mean) | mean | p50 | p99 | p99.9 | max | target p99 | met |");
        output.WriteLine("|---|---:|---:|---:|---:|---:|---:|---:|---|");
        Measure(queries, calls, "", output);

        // The worst steady state: one write short of a rebuild, so the linear list holds 255
        // entries and the tree as many tombstones (the same footprints upserted again, spread over the park).
        var pending = SpatialIndex<TwinState>.DefaultRebuildAfter - 1;
        var stride = park.Index.Count / pending;
        foreach (var entry in park.Index.Window(new NetTopologySuite.Geometries.Envelope(-180, 180, -90, 90)).Where((_, i) => i % stride == 0).Take(pending))
        {
            park.Index.Upsert(entry.Id, entry.Geometry, entry.Value);
        }

        Measure(queries, calls, $" with {park.Index.PendingChanges} writes pending", output);
        IndexProbe.Run(park, output);
    }

    private static void Measure((string Name, double TargetMicros, Func<int, int> Call)[] queries, int calls, string suffix, TextWriter output)
    {
        // Building and changing the index leaves garbage behind: collect it now, not during the first query's timing.
        GC.Collect();
        GC.WaitForPendingFinalizers();
        GC.Collect();
        foreach (var (name, target, call) in queries)
        {
            for (var i = 0; i < calls / 10; i++)
            {
                call(i);
            }

            var ticks = new long[calls];
            long results = 0;
            for (var i = 0; i < calls; i++)
            {
                var start = Stopwatch.GetTimestamp();
                results += call(i * 7);
                ticks[i] = Stopwatch.GetTimestamp() - start;
            }

            Array.Sort(ticks);
            double Micros(long t) => t * 1_000_000.0 / Stopwatch.Frequency;
            double P(double p) => Micros(ticks[Math.Min(ticks.Length - 1, (int)(p * ticks.Length))]);
            var mean = Micros(ticks.Sum()) / ticks.Length;
            var p99 = P(0.99);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {name}{suffix} | {results / (double)calls:F1} | {mean:F1} µs | {P(0.50):F1} µs | {p99:F1} µs | {P(0.999):F1} µs | {Micros(ticks[^1]):F1} µs | ≤ {target:F0} µs | {(p99 <= target ? "yes" : "no")} |"));
        }
    }
}
