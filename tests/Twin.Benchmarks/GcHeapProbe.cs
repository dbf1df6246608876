using System.Diagnostics.Tracing;
using System.Globalization;
using Microsoft.Diagnostics.NETCore.Client;
using Microsoft.Diagnostics.Tracing;
using Microsoft.Diagnostics.Tracing.Parsers;
using Microsoft.Diagnostics.Tracing.Parsers.Clr;

namespace Twin.Benchmarks;

/// <summary>
/// <c>--gc-heap PID</c>: the managed heap of another .NET process, as dotnet-gcdump and
/// dotnet-counters read it (neither is installed here), through the runtime's diagnostics port:
/// an EventPipe session whose GCHeapCollect keyword makes the runtime run one full, blocking GC,
/// whose GCHeapStats event then gives the live heap by generation; and the System.Runtime counters
/// (gc-heap-size, gc-committed, working-set). Nothing is added to the observed process.
/// Prints <c>key=value</c> lines (bytes).
/// </summary>
public static class GcHeapProbe
{
    private const long GcKeyword = 0x1;
    private const long GcHeapCollectKeyword = 0x800000;

    public static int Run(int pid, TextWriter output)
    {
        ArgumentNullException.ThrowIfNull(output);
        var client = new DiagnosticsClient(pid);
        var providers = new[]
        {
            new EventPipeProvider(ClrTraceEventParser.ProviderName, EventLevel.Informational, GcKeyword | GcHeapCollectKeyword),
            new EventPipeProvider("System.Runtime", EventLevel.Informational, 0, new Dictionary<string, string> { ["EventCounterIntervalSec"] = "1" }),
        };
        var figures = new SortedDictionary<string, double>(StringComparer.Ordinal);
        using var session = client.StartEventPipeSession(providers, requestRundown: false);
        using var source = new EventPipeEventSource(session.EventStream);
        var gotHeap = new ManualResetEventSlim();
        source.Clr.GCHeapStats += (GCHeapStatsTraceData data) =>
        {
            // After the induced full GC: what survived, by generation (gen 0 is empty then).
            lock (figures)
            {
                figures["heap_live_bytes"] = data.TotalHeapSize;
                // What the collection found alive (its survivors of every generation): the heap
                // above, less the free space between them that a collection without compaction leaves.
                figures["heap_survived_bytes"] = data.TotalPromotedSize0 + data.TotalPromotedSize1 + data.TotalPromotedSize2
                    + data.TotalPromotedSize3 + data.TotalPromotedSize4;
                figures["heap_gen2_bytes"] = data.GenerationSize2;
                figures["heap_loh_bytes"] = data.GenerationSize3;
                figures["heap_poh_bytes"] = data.GenerationSize4;
            }

            gotHeap.Set();
        };
        source.Dynamic.All += e =>
        {
            if (e.EventName != "EventCounters" || e.PayloadValue(0) is not IDictionary<string, object> outer || outer["Payload"] is not IDictionary<string, object> payload)
            {
                return;
            }

            var name = (string)payload["Name"];
            if (name is "gc-heap-size" or "gc-committed" or "working-set" && payload.TryGetValue("Mean", out var mean))
            {
                lock (figures)
                {
                    figures[$"counter_{name.Replace('-', '_')}_bytes"] = Convert.ToDouble(mean, CultureInfo.InvariantCulture) * 1_000_000;
                }
            }
        };
        var processing = Task.Run(source.Process);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (DateTime.UtcNow < deadline && !(gotHeap.IsSet && figures.Count >= 8))
        {
            Thread.Sleep(250);
        }

        session.Stop();
        processing.Wait(TimeSpan.FromSeconds(10));
        foreach (var (key, value) in figures)
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{key}={value:F0}"));
        }

        return gotHeap.IsSet ? 0 : 1;
    }
}
