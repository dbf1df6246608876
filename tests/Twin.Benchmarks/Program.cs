using BenchmarkDotNet.Running;
using Twin.Benchmarks;

// Twin.Benchmarks --gc-heap PID   the live managed heap of another .NET process (key=value lines), then exit.
// Twin.Benchmarks --heap-types PID [TOP]  the live heap of another .NET process by type (objects, bytes).
// Twin.Benchmarks --cpu-profile PID SECONDS [OUT.nettrace]   where another .NET process spends its CPU.
// Twin.Benchmarks --cpu-report TRACE.nettrace             the same report from a kept trace.
// Twin.Benchmarks --gc-report TRACE.nettrace              the garbage collections in it: count, pauses, survivors.
// Twin.Benchmarks --alloc-profile PID SECONDS [OUT.nettrace]  what another .NET process allocates, by type and site.
// Twin.Benchmarks --alloc-report TRACE.nettrace           the same report from a kept trace.
// Twin.Benchmarks [--latency [CALLS]] [--long] [BenchmarkDotNet arguments, e.g. --filter '*Spatial*']
//   --latency   p50/p99/max of single spatial calls on 100,000 footprints (a timed loop), then exit.
//   --planner [--candidates 500] [--sites 1000] [--seed 1] [--workers 2] [--short 3] [--long 10] [--analyse] [--bounds-only]
//               the allocation optimiser on the synthetic park: time to a 5% and 1% gap, final gaps (a table), then exit.
//   --grains [--twins 10000] [--seconds 10] [--callers 256]
//               reading-type updates straight into the grains of an in-process silo (memory storage): updates/s
//               spread over every station and on one hot station (a table), then exit.
//   --long      BenchmarkDotNet's default job instead of the short run (3 warm-ups, 3 iterations).
// With no --filter, every benchmark runs (about 3 minutes on 2 cores).
if (args.Length > 1 && args[0] == "--gc-heap")
{
    return GcHeapProbe.Run(int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture), Console.Out);
}

if (args.Length > 1 && args[0] == "--heap-types")
{
    var ci = System.Globalization.CultureInfo.InvariantCulture;
    return HeapTypes.Run(int.Parse(args[1], ci), args.Length > 2 ? int.Parse(args[2], ci) : 30, Console.Out);
}

if (args.Length > 1 && args[0] == "--cpu-report")
{
    return CpuSampler.Report(args[1], double.NaN, Console.Out);
}

if (args.Length > 1 && args[0] == "--gc-report")
{
    return GcReport.Run(args[1], Console.Out);
}

if (args.Length > 1 && args[0] == "--alloc-report")
{
    return AllocationSampler.Report(args[1], Console.Out);
}

if (args.Length > 2 && args[0] == "--alloc-profile")
{
    var ci = System.Globalization.CultureInfo.InvariantCulture;
    return AllocationSampler.Run(int.Parse(args[1], ci), double.Parse(args[2], ci), args.Length > 3 ? args[3] : Path.Combine(Path.GetTempPath(), $"twin-alloc-{args[1]}.nettrace"), Console.Out);
}

if (args.Length > 2 && args[0] == "--cpu-profile")
{
    var ci = System.Globalization.CultureInfo.InvariantCulture;
    return CpuSampler.Run(int.Parse(args[1], ci), double.Parse(args[2], ci), args.Length > 3 ? args[3] : Path.Combine(Path.GetTempPath(), $"twin-{args[1]}.nettrace"), Console.Out);
}

if (args.Length > 0 && args[0] == "--planner")
{
    return PlannerRun.Run(args, Console.Out);
}

if (args.Length > 0 && args[0] == "--grains")
{
    return await GrainThroughput.Run(args, Console.Out);
}

if (args.Length > 0 && args[0] == "--latency")
{
    var calls = args.Length > 1 && int.TryParse(args[1], out var n) ? Math.Clamp(n, 1_000, 1_000_000) : 20_000;
    SpatialLatency.Run(calls, Console.Out);
    return 0;
}

var longRun = args.Contains("--long");
var rest = args.Where(a => a != "--long").ToArray();
if (!rest.Contains("--filter"))
{
    rest = [.. rest, "--filter", "*"];
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(BenchConfig).Assembly).Run(rest, BenchConfig.Create(shortRun: !longRun));
return summaries.Any(s => s.HasCriticalValidationErrors) ? 1 : 0;
