using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing.Etlx;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Twin.Benchmarks;

/// <summary>
/// <c>--alloc-profile PID SECONDS [OUT]</c>: what another .NET process allocates, by type and by the
/// method that allocates it, from the runtime's allocation ticks (one event about every 100 KB a heap
/// allocates, naming the type of the object that crossed the line, with its stack). A sample, not a
/// count: read the shares. The GC events of the same trace give <c>--gc-report</c>.
/// </summary>
public static class AllocationSampler
{
    public static int Run(int pid, double seconds, string output, TextWriter report)
    {
        ArgumentNullException.ThrowIfNull(report);
        TraceSession.Record(pid,
        [
            new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Verbose,
                (long)(ClrTraceEventParser.Keywords.GC | ClrTraceEventParser.Keywords.Stack | ClrTraceEventParser.Keywords.Loader | ClrTraceEventParser.Keywords.Jit)),
        ], seconds, output);
        return Report(output, report);
    }

    public static int Report(string trace, TextWriter report)
    {
        ArgumentNullException.ThrowIfNull(report);
        var etlx = TraceLog.CreateFromEventPipeDataFile(trace);
        using var log = new TraceLog(etlx);
        var byType = new Dictionary<string, long>(StringComparer.Ordinal);
        var bySite = new Dictionary<string, long>(StringComparer.Ordinal);
        var stacksOf = Environment.GetEnvironmentVariable("TWIN_PROFILE_STACKS_OF");
        var stacks = new Dictionary<string, long>(StringComparer.Ordinal);
        var large = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0;
        foreach (var e in log.Events)
        {
            if (e is not GCAllocationTickTraceData tick)
            {
                continue;
            }

            var amount = tick.AllocationAmount64;
            total += amount;
            byType[tick.TypeName] = byType.GetValueOrDefault(tick.TypeName) + amount;
            var frames = new List<string>();
            for (var frame = tick.CallStack(); frame is not null && frames.Count < 40; frame = frame.Caller)
            {
                if (TraceSession.MethodName(frame.CodeAddress) is { } name)
                {
                    frames.Add(name);
                }
            }

            // The first frame of ours (or, when none, the outermost two named) says who allocates.
            var site = frames.FirstOrDefault(f => f.StartsWith("Twin.", StringComparison.Ordinal)) ?? string.Join(" ← ", frames.Take(2));
            var key = $"{tick.TypeName} in {site}";
            bySite[key] = bySite.GetValueOrDefault(key) + amount;
            if (tick.AllocationKind == GCAllocationKind.Large)
            {
                // The large object heap is not compacted: what is allocated there and dies leaves free space.
                var where = $"{tick.TypeName} ← {string.Join(" ← ", frames.Take(6))}";
                large[where] = large.GetValueOrDefault(where) + amount;
            }
            if (stacksOf is not null && key.Contains(stacksOf, StringComparison.Ordinal))
            {
                var stack = string.Join(" ← ", frames.Take(8));
                stacks[stack] = stacks.GetValueOrDefault(stack) + amount;
            }
        }

        report.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{total / 1048576.0:F0} MB of allocations sampled."));
        TraceSession.PrintShares(report, "allocated type: % of sampled bytes", byType, total, 25);
        TraceSession.PrintShares(report, "type in the first Twin method on the stack: % of sampled bytes", bySite, total, 40);
        if (stacksOf is not null)
        {
            TraceSession.PrintShares(report, $"stacks of {stacksOf}: % of sampled bytes", stacks, total, 15);
        }

        TraceSession.PrintShares(report, "large objects (≥ 85,000 bytes) by type and stack: % of sampled bytes", large, total, 15);

        return 0;
    }
}
